import * as z from '../schema';
/** True for an IANA time zone name the runtime knows (e.g. "Europe/Berlin", "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name, as a request or stored field. */
export const timeZone = z.lazily(() =>
  z
    .string()
    .check(z.minLength(1), z.maxLength(64), z.refine(isTimeZone, 'is not an IANA time zone such as "Europe/Berlin"')),
);

/**
 * The runtime's canonical name of a zone ("Asia/Kolkata" → "Asia/Calcutta", "Etc/UTC" → "UTC"):
 * every spelling of one zone keys the same index partition, and the zones the runtime lists are
 * exactly the canonical ones (plus UTC and the fixed Etc/GMT offsets, see knownTimeZones).
 */
export function canonicalTimeZone(name: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
}

let known: readonly string[] | undefined;

/**
 * Every canonical zone a user's timezone can resolve to: the runtime's list, which leaves out UTC
 * and the fixed-offset Etc/GMT±N zones (valid IANA names that users may store), so those are added.
 */
export function knownTimeZones(): readonly string[] {
  if (!known) {
    const fixed = [];
    for (let hours = -14; hours <= 12; hours++) if (hours !== 0) fixed.push(`Etc/GMT${hours > 0 ? '+' : ''}${hours}`);
    known = [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', ...fixed].map(canonicalTimeZone))].sort();
  }
  return known;
}

const localFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of `zone` at `instant`: its calendar day (YYYY-MM-DD) and hour (0–23). */
export function localClock(zone: string, instant: Date): { date: string; hour: number } {
  let format = localFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    localFormats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}
