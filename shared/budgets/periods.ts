/**
 * Budget periods as calendar arithmetic, with no I/O. A period is named by its id — `2026-04`
 * (monthly), `2026-W15` (ISO week, Monday first; the week belongs to the year of its Thursday),
 * `2026` (yearly) — and spans whole days [start, end] of the user's calendar. Transactions carry
 * the user's local day (`date`), so a transaction's period follows from its date alone.
 */
import type { BudgetPeriod } from './items';

export type PeriodSpan = { periodId: string; start: string; end: string };

const DAY_MS = 86_400_000;

function parseDay(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return formatDay(new Date(parseDay(date).getTime() + days * DAY_MS));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / DAY_MS);
}

/** ISO weekday: Monday 1 … Sunday 7. */
function isoWeekday(date: Date): number {
  return date.getUTCDay() || 7;
}

/** Monday of ISO week 1 of `year` (the week holding January 4th). */
function isoWeekOneMonday(year: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  return new Date(jan4.getTime() - (isoWeekday(jan4) - 1) * DAY_MS);
}

function isoWeekId(date: string): string {
  const day = parseDay(date);
  // The ISO year is the year of the week's Thursday.
  const thursday = new Date(day.getTime() + (4 - isoWeekday(day)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - isoWeekOneMonday(year).getTime()) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The id of the period that holds `date`. */
export function periodIdOf(period: BudgetPeriod, date: string): string {
  switch (period) {
    case 'monthly':
      return date.slice(0, 7);
    case 'yearly':
      return date.slice(0, 4);
    case 'weekly':
      return isoWeekId(date);
  }
}

const PERIOD_ID = {
  monthly: /^(\d{4})-(0[1-9]|1[0-2])$/,
  weekly: /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/,
  yearly: /^(\d{4})$/,
} as const;

/** First and last day of a period, from its id. Throws for an id that is not of this period kind. */
export function spanOf(period: BudgetPeriod, periodId: string): PeriodSpan {
  const match = PERIOD_ID[period].exec(periodId);
  if (!match) throw new RangeError(`Not a ${period} period id: ${periodId}`);
  const year = Number(match[1]);
  if (period === 'yearly') return { periodId, start: `${year}-01-01`, end: `${year}-12-31` };
  if (period === 'monthly') {
    const month = Number(match[2]);
    const start = new Date(Date.UTC(year, month - 1, 1));
    const end = new Date(Date.UTC(year, month, 0));
    return { periodId, start: formatDay(start), end: formatDay(end) };
  }
  const start = new Date(isoWeekOneMonday(year).getTime() + (Number(match[2]) - 1) * 7 * DAY_MS);
  return { periodId, start: formatDay(start), end: addDays(formatDay(start), 6) };
}

/** The period holding `date`, with its bounds. */
export function periodOf(period: BudgetPeriod, date: string): PeriodSpan {
  return spanOf(period, periodIdOf(period, date));
}

export function nextPeriod(period: BudgetPeriod, span: PeriodSpan): PeriodSpan {
  return periodOf(period, addDays(span.end, 1));
}

/** True when `date` is the first day of its period (a budget's startDate must be one). */
export function isPeriodStart(period: BudgetPeriod, date: string): boolean {
  return periodOf(period, date).start === date;
}

/**
 * Every period from the one holding `from` to the one holding `to`, in order. Bounded by
 * `max`, so a caller can never make the server enumerate an unbounded range.
 */
export function periodsBetween(period: BudgetPeriod, from: string, to: string, max: number): PeriodSpan[] {
  const spans: PeriodSpan[] = [];
  if (to < from) return spans;
  for (let span = periodOf(period, from); span.start <= to && spans.length < max; span = nextPeriod(period, span)) {
    spans.push(span);
  }
  return spans;
}
