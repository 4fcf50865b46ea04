/**
 * Which zones a run of the hourly schedule summarizes: those at 08:00–08:59 of a 1st at its
 * scheduled instant, across the date line, odd offsets and daylight-saving changes; and every zone
 * is due in exactly one run per month.
 */
import { canonicalTimeZone, knownTimeZones } from '../../../shared/kit/dates/timezones';
import { dueZones, previousMonth } from '../../../shared/summaries/due';

const zonesAt = (instant: string) => dueZones(new Date(instant)).map((due) => due.zone);

describe('dueZones', () => {
  test('08:00 on the 1st in UTC, Europe/London in winter and Etc/GMT zones, with the month before', () => {
    const due = dueZones(new Date('2026-12-01T08:00:00Z'));
    expect(due).toEqual(
      expect.arrayContaining([
        { zone: 'UTC', asOf: '2026-12-01', month: '2026-11' },
        { zone: 'Europe/London', asOf: '2026-12-01', month: '2026-11' },
      ]),
    );
    expect(due.map((d) => d.zone)).not.toContain('Europe/Berlin');
  });

  test('UTC+14 (Pacific/Kiritimati) is first: 18:00 UTC on the last day of the month before', () => {
    expect(zonesAt('2026-11-30T18:00:00Z')).toContain('Pacific/Kiritimati');
    expect(zonesAt('2026-11-30T18:00:00Z')).toContain('Etc/GMT-14');
    expect(zonesAt('2026-11-30T17:00:00Z')).not.toContain('Pacific/Kiritimati');
  });

  test('UTC−12 (Etc/GMT+12) is last: 20:00 UTC on the 1st', () => {
    expect(zonesAt('2026-12-01T20:00:00Z')).toEqual(['Etc/GMT+12']);
    expect(zonesAt('2026-12-01T21:00:00Z')).toEqual([]);
  });

  test('UTC+05:45 (Asia/Kathmandu) is due in the hour its clock reads 08:45, under its canonical name', () => {
    const kathmandu = canonicalTimeZone('Asia/Kathmandu');
    expect(zonesAt('2026-12-01T03:00:00Z')).toContain(kathmandu);
    expect(zonesAt('2026-12-01T02:00:00Z')).not.toContain(kathmandu);
    expect(zonesAt('2026-12-01T02:15:00Z')).toContain(kathmandu);
  });

  test('UTC+05:30 and +09:30 zones', () => {
    expect(zonesAt('2026-12-01T03:00:00Z')).toContain(canonicalTimeZone('Asia/Kolkata'));
    expect(zonesAt('2026-12-01T23:00:00Z')).not.toContain('Australia/Darwin');
    expect(zonesAt('2026-11-30T23:00:00Z')).toContain('Australia/Darwin');
  });

  test('daylight saving time: Berlin is due at 06:00 UTC in summer and 07:00 UTC in winter', () => {
    expect(zonesAt('2026-07-01T06:00:00Z')).toContain('Europe/Berlin');
    expect(zonesAt('2026-07-01T07:00:00Z')).not.toContain('Europe/Berlin');
    expect(zonesAt('2026-12-01T07:00:00Z')).toContain('Europe/Berlin');
    expect(zonesAt('2026-12-01T06:00:00Z')).not.toContain('Europe/Berlin');
  });

  test('a 1st on which the clocks change: New York on 1 November 2026 (EST from 02:00)', () => {
    // New York's clocks fall back from 02:00 to 01:00 on 1 November 2026; 08:00 is EST (UTC−5).
    expect(zonesAt('2026-11-01T13:00:00Z')).toContain('America/New_York');
    expect(zonesAt('2026-11-01T12:00:00Z')).not.toContain('America/New_York');
  });

  test('every known zone is due in exactly one run of a month (hourly runs over the month boundary)', () => {
    for (const boundary of ['2026-03-01', '2026-04-01', '2026-10-01', '2026-11-01', '2027-01-01']) {
      const counts = new Map<string, number>();
      const start = Date.parse(`${boundary}T00:00:00Z`) - 24 * 3_600_000;
      for (let hour = 0; hour < 48; hour++) {
        for (const due of dueZones(new Date(start + hour * 3_600_000))) {
          expect(due.asOf).toBe(boundary);
          counts.set(due.zone, (counts.get(due.zone) ?? 0) + 1);
        }
      }
      expect([...counts.keys()].sort()).toEqual([...knownTimeZones()]);
      expect([...counts.values()].every((count) => count === 1)).toBe(true);
    }
  });

  test('a day other than the 1st is due nowhere', () => {
    for (let hour = 0; hour < 24; hour++) {
      expect(dueZones(new Date(Date.UTC(2026, 11, 15, hour)))).toEqual([]);
    }
  });

  test('the month before wraps the year', () => {
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(previousMonth('2026-12')).toBe('2026-11');
  });

  test('every spelling of a zone the runtime accepts resolves to a zone the schedule knows', () => {
    const known = new Set(knownTimeZones());
    for (const alias of [
      'Asia/Calcutta',
      'Asia/Kolkata',
      'US/Eastern',
      'Etc/UTC',
      'GMT',
      'EST5EDT',
      'Europe/Kyiv',
      'Etc/GMT-14',
      'Etc/GMT+12',
    ]) {
      expect(known.has(canonicalTimeZone(alias))).toBe(true);
    }
  });
});
