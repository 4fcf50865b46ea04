/** Calendar-month arithmetic on `YYYY-MM` and `YYYY-MM-DD` strings (no time zones: these are the user's days). */

export function addMonths(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `from` to `to`, inclusive (0 when `to` is before `from`). */
export function monthsBetween(from: string, to: string): number {
  const index = (month: string) => {
    const [year, m] = month.split('-').map(Number) as [number, number];
    return year * 12 + m - 1;
  };
  return Math.max(0, index(to) - index(from) + 1);
}

export function monthRange(from: string, to: string): string[] {
  return Array.from({ length: monthsBetween(from, to) }, (_, i) => addMonths(from, i));
}

export function lastDayOf(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

export function nextDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}
