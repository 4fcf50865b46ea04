/**
 * Booking days as files write them, read into YYYY-MM-DD. A day is taken as written: no time zone
 * arithmetic, since a statement's day is the bank's booking day, whatever the clock said.
 */
import { FieldError } from './errors';

/** YYYY-MM-DD when year, month and day name a real day (no 30 February), else a FieldError. */
export function isoDay(year: number, month: number, day: number, written: string): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    !Number.isInteger(year) ||
    year < 1900 ||
    year > 9999 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    throw new FieldError(`'${written}' is not a real day`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Two-digit years are this century's: statement files are recent. */
function fullYear(year: string): number {
  return year.length === 2 ? 2000 + Number(year) : Number(year);
}

export const DAY_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'DD-MM-YYYY', 'YYYYMMDD'] as const;
export type DayFormat = (typeof DAY_FORMATS)[number];

const PATTERNS: Record<DayFormat, { re: RegExp; order: ['y' | 'm' | 'd', 'y' | 'm' | 'd', 'y' | 'm' | 'd'] }> = {
  'YYYY-MM-DD': { re: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, order: ['y', 'm', 'd'] },
  'DD/MM/YYYY': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/, order: ['d', 'm', 'y'] },
  'MM/DD/YYYY': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/, order: ['m', 'd', 'y'] },
  'DD.MM.YYYY': { re: /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/, order: ['d', 'm', 'y'] },
  'DD-MM-YYYY': { re: /^(\d{1,2})-(\d{1,2})-(\d{4}|\d{2})$/, order: ['d', 'm', 'y'] },
  YYYYMMDD: { re: /^(\d{4})(\d{2})(\d{2})$/, order: ['y', 'm', 'd'] },
};

/**
 * A day in one of the CSV mapping's formats. One- and two-digit days and months are accepted, as
 * are two-digit years, and a time after the day ("2026-03-01 14:05", "2026-03-01T14:05:00Z") is
 * ignored.
 */
export function dayIn(format: DayFormat, text: string): string {
  const written = text.trim();
  if (written === '') throw new FieldError('is empty');
  const day = written.split(/[\sT]/)[0] as string;
  const { re, order } = PATTERNS[format];
  const match = re.exec(day);
  if (!match) throw new FieldError(`'${written}' is not a ${format} day`);
  const parts = { y: 0, m: 0, d: 0 };
  order.forEach((part, i) => {
    const value = match[i + 1] as string;
    parts[part] = part === 'y' ? fullYear(value) : Number(value);
  });
  return isoDay(parts.y, parts.m, parts.d, written);
}
