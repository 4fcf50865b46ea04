/**
 * Unusual spending: a category's month-to-date spending well above its usual level.
 *
 * The rule: take the category's spending in each of the 6 full months before this one (a month
 * without any counts as 0) — its mean μ and population standard deviation σ. Prorate to the part
 * of this month gone by (day d of a month of D days): threshold = (μ + 3σ) × d / D. This month's
 * spending is unusual when it exceeds that threshold and is at least 50 units of the home currency
 * (5,000 cents; 50 yen), and the category was spent in in at least 3 of the 6 months: without a
 * history there is no "usual" to be above.
 *
 * Judged once per category and month: the first transaction that makes it unusual writes the fact,
 * and later ones find it written.
 */
import { exponentOf } from '../kit/money/currencies';

export const HISTORY_MONTHS = 6;
const MIN_MONTHS_WITH_SPENDING = 3;
const DEVIATIONS = 3;
const MINIMUM_MAJOR_UNITS = 50;

export type Judgement = {
  /** The prorated mean of the previous months, minor units (rounded). */
  usual: number;
  /** The prorated mean + 3σ this month's spending exceeded, minor units (rounded up). */
  threshold: number;
};

export function judgeSpending(input: {
  monthToDate: number;
  history: readonly number[];
  day: number;
  daysInMonth: number;
  currency: string;
}): Judgement | undefined {
  const { monthToDate, history, day, daysInMonth, currency } = input;
  if (monthToDate < MINIMUM_MAJOR_UNITS * 10 ** exponentOf(currency)) return undefined;
  if (history.filter((amount) => amount > 0).length < MIN_MONTHS_WITH_SPENDING) return undefined;
  const mean = history.reduce((sum, amount) => sum + amount, 0) / history.length;
  const variance = history.reduce((sum, amount) => sum + (amount - mean) ** 2, 0) / history.length;
  const elapsed = day / daysInMonth;
  const threshold = Math.ceil((mean + DEVIATIONS * Math.sqrt(variance)) * elapsed);
  return monthToDate > threshold ? { usual: Math.round(mean * elapsed), threshold } : undefined;
}
