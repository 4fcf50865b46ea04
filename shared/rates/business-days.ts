/**
 * The ECB's publication calendar: reference rates are published on TARGET business days only
 * (every weekday except New Year's Day, Good Friday, Easter Monday, 1 May, 25 and 26 December),
 * around 16:00 CET. On the other days the previous business day's rates apply by the ECB's own
 * convention, so a conversion dated on them is final, not provisional.
 * https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/html/index.en.html
 * https://www.ecb.europa.eu/paym/target/t2/html/index.en.html (TARGET closing days)
 *
 * Dates are ISO strings (YYYY-MM-DD) handled as UTC days, so no local timezone leaks in.
 */

const DAY_MS = 86_400_000;

const toDay = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const fromDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian algorithm). */
function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day);
}

/** TARGET's closing days of `year` other than weekends. */
export function targetHolidays(year: number): string[] {
  const easter = easterSunday(year);
  return [
    `${year}-01-01`,
    fromDay(easter - 2 * DAY_MS),
    fromDay(easter + DAY_MS),
    `${year}-05-01`,
    `${year}-12-25`,
    `${year}-12-26`,
  ].sort();
}

const holidayCache = new Map<number, ReadonlySet<string>>();

export function isBusinessDay(date: string): boolean {
  const weekday = new Date(toDay(date)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const year = Number(date.slice(0, 4));
  let holidays = holidayCache.get(year);
  if (!holidays) {
    holidays = new Set(targetHolidays(year));
    holidayCache.set(year, holidays);
  }
  return !holidays.has(date);
}

/** The latest business day on or before `date`: the day whose rates apply to `date`. */
export function businessDayOnOrBefore(date: string): string {
  let day = toDay(date);
  while (!isBusinessDay(fromDay(day))) day -= DAY_MS;
  return fromDay(day);
}

/** Business days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function businessDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let day = toDay(from) + DAY_MS; day <= toDay(to); day += DAY_MS) {
    if (isBusinessDay(fromDay(day))) count++;
  }
  return count;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toDay(to) - toDay(from)) / DAY_MS);
}

/** The hour (0–23) the ECB publishes, in its own timezone. */
const PUBLICATION_HOUR = 16;
const ECB_TIMEZONE = 'Europe/Berlin';

/**
 * The newest day the ECB should have published by `now`: today after 16:00 Frankfurt time on a
 * business day, otherwise the business day before. What "current" means for the staleness alarm.
 */
export function expectedNewestPublication(now: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: ECB_TIMEZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  const today = `${parts.year}-${parts.month}-${parts.day}`;
  if (isBusinessDay(today) && Number(parts.hour) >= PUBLICATION_HOUR) return today;
  return businessDayOnOrBefore(fromDay(toDay(today) - DAY_MS));
}
