/**
 * How numbers and dates read in an email. Money is formatted from its integer minor units as an
 * exact decimal string (Intl.NumberFormat formats strings without going through a float), with as
 * many decimals as the currency has (JPY 0, EUR 2, BHD 3). Dates are calendar days, not instants:
 * they are formatted in UTC so no time zone can move them to the day before.
 */
import { exponentOf, minorUnitsToDecimal } from '../../kit/money/currencies';

export { minorUnitsToDecimal };

import type { Money } from '../../kit/money/money';

// en-US shows the common symbols unadorned (€, $, £, ¥) and codes for the rest (CHF 5.00).
const MONEY_LOCALE = 'en-US';
const DATE_LOCALE = 'en-GB';

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string): Intl.NumberFormat {
  let format = moneyFormats.get(currency);
  if (!format) {
    const digits = exponentOf(currency);
    format = new Intl.NumberFormat(MONEY_LOCALE, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    moneyFormats.set(currency, format);
  }
  return format;
}

/** `{ amount: 123456, currency: 'EUR' }` → "€1,234.56". */
export function formatMoney({ amount, currency }: Money): string {
  // The string overload keeps every digit; TypeScript's lib only declares number | bigint.
  return moneyFormat(currency).format(minorUnitsToDecimal(amount, currency) as unknown as number);
}

// Built on first use, not at import: the first DateTimeFormat loads ICU date data (~19 ms of the
// notifier's cold start), and only some emails show a date (welcome and goal emails do not).
let dayFormat: Intl.DateTimeFormat | undefined;
let monthFormat: Intl.DateTimeFormat | undefined;

const dayAt = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/** `2026-04-06` → "6 April 2026". */
export function formatDay(isoDate: string): string {
  dayFormat ??= new Intl.DateTimeFormat(DATE_LOCALE, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return dayFormat.format(dayAt(isoDate));
}

/**
 * A budget period as people say it: `2026-04` → "April 2026", `2026-W15` → "week of 6 April 2026"
 * (its Monday, `periodStart`), `2026` → "2026".
 */
export function formatPeriod(periodId: string, periodStart: string): string {
  if (/^\d{4}-W\d{2}$/.test(periodId)) return `week of ${formatDay(periodStart)}`;
  if (/^\d{4}-\d{2}$/.test(periodId)) {
    monthFormat ??= new Intl.DateTimeFormat(DATE_LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    return monthFormat.format(dayAt(`${periodId}-01`));
  }
  if (/^\d{4}$/.test(periodId)) return periodId;
  // An id this code does not know yet still reads as a date range rather than failing the email.
  return `period starting ${formatDay(periodStart)}`;
}

/**
 * A share in whole percent, rounded down: 99.6 % of a limit is not yet "100%", and an email must
 * not say a budget is used up when it is not.
 */
export function formatPercent(percent: number): string {
  return `${Math.floor(percent)}%`;
}

/** A whole percentage of `part` in `whole` from integers (no float until the final display). */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Number((BigInt(part) * 100n) / BigInt(whole));
}

/**
 * A user value fit for a subject line: control characters (a newline could fold the header)
 * become spaces, and very long values are shortened.
 */
export function oneLine(text: string, max = 60): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
