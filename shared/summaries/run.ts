/**
 * One run of the hourly schedule: for the zones at 08:00 of a 1st at the scheduled instant
 * (./due.ts), every profile of that zone (a Query of the profiles-by-zone index, page by page) gets
 * its previous month's summary written once (./store.ts). A run computed from the scheduled time,
 * not the clock, so a late or repeated run of the same hour does the same work, and a second one
 * writes nothing: each user's month is one conditional Put.
 *
 * Opted-out users (notifications.monthlySummary false) get no fact at all: nothing would be sent,
 * so nothing is computed. Switching it off after the fact was written is the notifier's to honour.
 */
import type { Profile } from '../identity/public';
import { canonicalTimeZone } from '../kit/dates/timezones';
import { composeSummary, type SummarySources } from './compose';
import { dueZones } from './due';
import type { SummaryStore } from './store';

export type RunOutcome = {
  zones: string[];
  written: number;
  /** Already written by an earlier run of the same hour. */
  existing: number;
  optedOut: number;
  /** Listed under a zone they have since left, or deleted since. */
  skipped: number;
  failed: number;
};

type ProfilesByZone = { inTimeZone: (zone: string) => AsyncIterable<Profile[]> };

/** Users summarized at once: bounded, so one large zone does not exhaust DynamoDB or memory. */
const CONCURRENCY = 8;

export async function summarizeDueMonth(
  deps: {
    profiles: ProfilesByZone;
    sources: SummarySources;
    summaries: SummaryStore;
    now: () => Date;
    onFailure?: (error: unknown) => void;
  },
  scheduledAt: Date,
): Promise<RunOutcome> {
  const due = dueZones(scheduledAt);
  const outcome: RunOutcome = {
    zones: due.map((d) => d.zone),
    written: 0,
    existing: 0,
    optedOut: 0,
    skipped: 0,
    failed: 0,
  };
  for (const { zone, asOf, month } of due) {
    for await (const page of deps.profiles.inTimeZone(zone)) {
      for (let i = 0; i < page.length; i += CONCURRENCY) {
        await Promise.all(
          page.slice(i, i + CONCURRENCY).map(async (profile) => {
            try {
              outcome[await summarizeOne(profile)]++;
            } catch (error) {
              outcome.failed++;
              deps.onFailure?.(error);
            }
          }),
        );
      }
    }

    async function summarizeOne(profile: Profile): Promise<'written' | 'existing' | 'optedOut' | 'skipped'> {
      if (!profile.notifications.monthlySummary) return 'optedOut';
      // The index is eventually consistent: a user who just moved away is still listed here.
      if (canonicalTimeZone(profile.timezone) !== zone) return 'skipped';
      if (await deps.summaries.exists(profile.userId, month)) return 'existing';
      const fact = await composeSummary(deps.sources, { profile, month, asOf, now: deps.now() });
      const put = await deps.summaries.put(profile.userId, fact);
      return put === 'written' ? 'written' : put === 'exists' ? 'existing' : 'skipped';
    }
  }
  return outcome;
}
