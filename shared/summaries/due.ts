/**
 * When a summary is due: at SEND_HOUR on the 1st of the month, the user's wall clock. The hourly
 * schedule asks, for its scheduled instant, which zones are at that hour of a 1st, and summarizes
 * the month before for their users. Every zone is at each local hour once a day (a daylight-saving
 * jump happens at night, never at 08:00), and zones with :30 and :45 offsets are at 08:30 or 08:45
 * in the hour their clocks show 8, so each zone is due in exactly one run a month.
 */
import { knownTimeZones, localClock } from '../kit/dates/timezones';

/** 08:00 local: a summary read over breakfast, not at midnight. */
export const SEND_HOUR = 8;

export type DueZone = { zone: string; asOf: string; month: string };

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + number - 2;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The zones at SEND_HOUR of a 1st at `instant`, with that day and the month to summarize. */
export function dueZones(instant: Date, zones: readonly string[] = knownTimeZones()): DueZone[] {
  const due: DueZone[] = [];
  for (const zone of zones) {
    const { date, hour } = localClock(zone, instant);
    if (hour === SEND_HOUR && date.endsWith('-01'))
      due.push({ zone, asOf: date, month: previousMonth(date.slice(0, 7)) });
  }
  return due;
}
