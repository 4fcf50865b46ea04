/**
 * Deciding a row that needs review: it resembled a transaction already recorded (same account,
 * amount and close date, but no id of its own to prove it), so the import left it out and asked.
 *
 *   - `record`: recorded after all, as the import would have (rules applied, budgets guarding,
 *     `cleared`), the row becoming `created` in the same TransactWriteItems; undoing the import
 *     removes it like the rest.
 *   - `duplicate`: the row becomes `duplicate` of the transaction it resembled; nothing is recorded.
 *
 * Either way the job's counts move in that same write, so they always add up to its rows. Asking
 * again with the same decision answers the row as decided; a different decision is a 409.
 */

import { ConflictError, NotFoundError } from '../kit/errors';
import type { RuleEngine } from '../rules/public';
import type { RecordingProfile, TransactionRecorder } from '../transactions/public';
import type { ImportItem, ImportRowItem, ReviewDecision } from './items';
import { statementTransaction } from './rows';
import { ImportNotReviewable, type ImportStore } from './store';
import { transactionFingerprint } from './undo';

export type ReviewDeps = {
  store: ImportStore;
  recorder: Pick<TransactionRecorder, 'plan' | 'write'>;
  rules: Pick<RuleEngine, 'forCreate'>;
};

/** The import's state refuses decisions: still running (its tally would count them), or undone. */
function refuseUnfinished(job: ImportItem): void {
  if (job.status === 'completed' || job.status === 'failed') return;
  const running = job.status === 'queued' || job.status === 'running' || job.status === 'awaiting-upload';
  throw new ConflictError(
    running
      ? 'The import is still running; review its rows once it has finished.'
      : 'The import was undone; its rows are no longer recorded or reviewed.',
    running ? 'import-running' : 'import-undone',
    { importStatus: job.status },
  );
}

function decided(row: ImportRowItem, decision: ReviewDecision): ImportRowItem {
  if (row.review === decision) return row;
  throw new ConflictError(
    row.review
      ? `This row was already decided: ${row.review}.`
      : `This row is ${row.status}: only rows that need review are decided.`,
    'row-not-in-review',
    { rowStatus: row.status, review: row.review ?? null },
  );
}

export async function reviewRow(
  deps: ReviewDeps,
  input: {
    userId: string;
    profile: RecordingProfile;
    importId: string;
    index: number;
    decision: ReviewDecision;
    now: Date;
  },
): Promise<ImportRowItem> {
  const { userId, profile, importId, index, decision, now } = input;
  const job = await deps.store.get(userId, importId);
  if (!job) throw new NotFoundError('import');
  const row = await deps.store.row(userId, importId, index);
  if (!row) throw new NotFoundError('import row');
  if (row.status !== 'needs-review') return decided(row, decision);
  refuseUnfinished(job);
  const stamp = now.toISOString();
  try {
    if (decision === 'duplicate') {
      await deps.store.review(userId, row, { decision }, stamp);
    } else {
      await record(deps, { userId, profile, job, row, now });
    }
  } catch (error) {
    // A concurrent decision may have won (its row condition or its claim of the line's identity
    // failed ours): answer what was decided. Otherwise the import moved on or the write was refused.
    const current = await deps.store.row(userId, importId, index);
    if (!current) throw new NotFoundError('import row');
    if (current.status !== 'needs-review') return decided(current, decision);
    if (error instanceof ImportNotReviewable) {
      const moved = await deps.store.get(userId, importId);
      if (!moved) throw new NotFoundError('import');
      refuseUnfinished(moved);
    }
    throw error;
  }
  const after = await deps.store.row(userId, importId, index);
  if (!after) throw new NotFoundError('import row');
  return decided(after, decision);
}

async function record(
  deps: ReviewDeps,
  input: { userId: string; profile: RecordingProfile; job: ImportItem; row: ImportRowItem; now: Date },
): Promise<void> {
  const { userId, profile, job, row, now } = input;
  const { date, amount, currency, externalId } = row;
  if (date === null || amount === null || currency === null || externalId === null) {
    // A row needs review only once read whole; anything else is a report item of another kind.
    throw new ConflictError('This row has nothing to record.', 'row-not-in-review', { rowStatus: row.status });
  }
  const body = statementTransaction(job, {
    date,
    amount,
    currency,
    payee: row.payee,
    note: row.note ?? null,
    externalId,
  });
  if (!body.success) throw new ConflictError(body.reason, 'row-not-recordable');
  const planned = await deps.recorder.plan(userId, profile, await deps.rules.forCreate(userId, body.data), now);
  const review = {
    decision: 'record' as const,
    transactionId: planned.item.transactionId,
    fingerprint: transactionFingerprint(planned.item),
  };
  await deps.recorder.write(userId, planned, deps.store.reviewWrites(userId, row, review, now.toISOString()));
}
