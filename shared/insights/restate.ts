/**
 * Restating a user's history after a change of home currency (docs/insights.md). The restater
 * (functions/events/restater.ts) runs it:
 *
 *   - UserUpdated whose home currency changed starts a job: the `RESTATE#HOME` item, replaced
 *     unless it already holds this change or a newer one (profile versions order them).
 *   - each change of a running job (RestatementRequested, RestatementUpdated) carries the step to
 *     do next: a chunk of the user's transactions after the job's cursor, each restated in the new
 *     currency (transactions' restateHome: its date's rate, written back on its version), then the
 *     job advanced by a write conditioned on the step and the job's id. The stream publishes that
 *     change, which runs the next chunk; the last one sets the job `done`.
 *
 * Each restated transaction is a TransactionUpdated like any edit: the aggregator moves its
 * contribution to the new currency's month item, exactly once by its own recipe, and budgets and
 * goals follow it the same way.
 *
 * Idempotent and resumable: a chunk re-run after a crash reads from the same cursor and finds the
 * transactions it did in the new currency already (they are skipped, not written); a duplicate or
 * late event names a step or a job the item has left; of two concurrent runs of one chunk only one
 * advances the job. A newer change of home currency replaces the job, and the older one's next
 * chunk finds the profile in another currency and stops. A deleted user's job stops at the
 * profile read and writes nothing: every write is conditioned on an item that exists.
 */
import type { Profile, ProfileStore } from '../identity/public';
import type { RestateOutcome } from '../transactions/public';
import { RestatementEntity, type RestatementItem } from './items';
import type { RestatementStore } from './restatement-store';

/** Transactions per chunk: a few seconds of work at most, well inside the function's timeout. */
export const RESTATE_CHUNK = 25;
/** Transactions restated at once within a chunk. */
const CONCURRENCY = 5;

export type RestaterDeps = {
  jobs: Pick<RestatementStore, 'get' | 'start' | 'advance' | 'transactionPage' | 'transactionCount'>;
  profiles: Pick<ProfileStore, 'get'>;
  restate: (userId: string, transactionId: string, homeCurrency: string) => Promise<RestateOutcome>;
  now: () => Date;
  chunk?: number;
};

type ProfileChange = { userId: string; data: Profile; previous: Profile };

export type StartOutcome = 'started' | 'no-change' | 'stale' | 'user-gone';

/** Starts the job for a change of home currency (any other profile change starts nothing). */
export async function startRestatement(deps: RestaterDeps, change: ProfileChange): Promise<StartOutcome> {
  const { userId, data, previous } = change;
  if (data.homeCurrency === previous.homeCurrency) return 'no-change';
  const profile = await deps.profiles.get(userId);
  if (!profile) return 'user-gone';
  const existing = await deps.jobs.get(userId);
  if (existing && existing.profileVersion >= data.version) return 'stale';
  const now = deps.now().toISOString();
  const job: RestatementItem = {
    type: RestatementEntity.type,
    restatementId: String(data.version),
    profileVersion: data.version,
    fromCurrency: previous.homeCurrency,
    homeCurrency: data.homeCurrency,
    status: 'running',
    step: 0,
    cursor: null,
    progress: { restated: 0, total: await deps.jobs.transactionCount(userId), unpriceable: 0 },
    startedAt: now,
    updatedAt: now,
    completedAt: null,
    version: (existing?.version ?? 0) + 1,
  };
  return deps.jobs.start(userId, job);
}

export type StepOutcome = 'gone' | 'stale' | 'superseded' | 'advanced' | 'done';

/** Runs the job's chunk `step`, if the job is still `restatementId` at that step. */
export async function runRestatementStep(
  deps: RestaterDeps,
  userId: string,
  restatementId: string,
  step: number,
): Promise<StepOutcome> {
  const job = await deps.jobs.get(userId);
  if (!job) return 'gone';
  if (job.restatementId !== restatementId || job.step !== step || job.status !== 'running') return 'stale';
  // Read before any write: an erased user's transactions are never written back.
  const profile = await deps.profiles.get(userId);
  if (!profile) return 'gone';
  // A newer change is on its way: its own job restates everything in the currency the user has now.
  if (profile.homeCurrency !== job.homeCurrency) return 'superseded';

  const page = await deps.jobs.transactionPage(userId, job.cursor, deps.chunk ?? RESTATE_CHUNK);
  const outcomes: RestateOutcome[] = [];
  for (let i = 0; i < page.items.length; i += CONCURRENCY) {
    const batch = page.items.slice(i, i + CONCURRENCY);
    outcomes.push(
      ...(await Promise.all(
        batch.map((listed) =>
          // The index can lag a write: restateHome reads each one strongly and decides on that.
          deps.restate(userId, listed.transactionId, job.homeCurrency),
        ),
      )),
    );
  }
  const restated = job.progress.restated + outcomes.filter((o) => o === 'restated' || o === 'unchanged').length;
  const unpriceable = job.progress.unpriceable + outcomes.filter((o) => o === 'unpriceable').length;
  const done = page.cursor === null;
  const now = deps.now().toISOString();
  const total = job.progress.total;
  const advanced = await deps.jobs.advance(
    userId,
    job,
    {
      cursor: page.cursor,
      progress: {
        restated,
        // Transactions recorded while it ran are listed too: the total follows what was found.
        total: done ? restated + unpriceable : total === null ? null : Math.max(total, restated + unpriceable),
        unpriceable,
      },
      ...(done ? { status: 'done' as const, completedAt: now } : {}),
    },
    now,
  );
  if (advanced === 'stale') return 'stale';
  return done ? 'done' : 'advanced';
}

/** What the routes show of the job: null when none was ever started. */
export function restatementView(job: RestatementItem | undefined, profile: Pick<Profile, 'homeCurrency'>) {
  if (!job) return null;
  // The change is written, its job not yet started (or an older one is stopping).
  if (job.homeCurrency !== profile.homeCurrency) {
    return {
      status: 'queued' as const,
      homeCurrency: profile.homeCurrency,
      progress: { restated: 0, total: null, unpriceable: 0 },
      startedAt: null,
      completedAt: null,
    };
  }
  return {
    status: job.status,
    homeCurrency: job.homeCurrency,
    progress: job.progress,
    startedAt: job.startedAt,
    completedAt: job.completedAt,
  };
}

/** The insight reports name a restatement only while one is under way. */
export function pendingRestatement(job: RestatementItem | undefined, profile: Pick<Profile, 'homeCurrency'>) {
  const view = restatementView(job, profile);
  return view && view.status !== 'done' ? view : null;
}
