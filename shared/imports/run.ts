/**
 * The importer's one step, driven by the job item's own changes (ImportRequested when queued,
 * ImportUpdated while queued, running or undoing), each carrying the step to do next:
 *
 *   - step 0, `queued`: the statement is read from the files bucket and parsed; its entries (rows
 *     and unreadable lines, in file order) are written with their externalIds to `rows.json`, and
 *     the job moves to `running` with its total;
 *   - `running`: the next CHUNK_ROWS entries are reported on (./rows.ts), and the job advanced by
 *     them, `completed` after the last;
 *   - `undoing`: the next CHUNK_ROWS report items are undone (./rows.ts), `undone` after the last.
 *
 * Exactly once: every job write is conditioned on the step (a duplicate or late event does
 * nothing), and every row's report item is written once, a created row's in the same
 * TransactWriteItems as its transaction; a chunk re-run after a crash skips the rows it reported
 * and finishes the others. Counts are read back from the chunk's report items, so a chunk counts
 * each row once whichever delivery reported it.
 */
import type { RecordingProfile } from '../transactions/public';
import type { ImportFiles } from './files';
import { parsedRowsKey } from './files';
import { decodeStatement } from './formats/index';
import type { ParsedStatement, StatementFormat } from './formats/types';
import { rowExternalIds } from './identity';
import { type ImportCounts, type ImportItem, ImportRowEntity, type ImportRowItem, type UndoCounts } from './items';
import { type Entry, type RowDeps, reportChunk, type UndoDeps, undoChunk } from './rows';
import { MAX_IMPORT_ROWS } from './schemas';
import type { ImportStore } from './store';

/** Entries per chunk: well within a function's time (a few seconds on DynamoDB). */
export const CHUNK_ROWS = 200;

export type StatementParser = (
  format: StatementFormat,
  content: string,
  options: { currency: string; mapping?: NonNullable<ImportItem['mapping']>; dateOrder?: 'DMY' | 'MDY' },
) => ParsedStatement | Promise<ParsedStatement>;

export type ImporterDeps = RowDeps &
  UndoDeps & {
    store: ImportStore;
    files: ImportFiles;
    parse: StatementParser;
    profile: (userId: string) => Promise<RecordingProfile | undefined>;
    accountCurrency: (userId: string, accountId: string) => Promise<string | undefined>;
    chunkRows?: number;
    now?: () => Date;
  };

export type StepOutcome = 'gone' | 'stale' | 'parsed' | 'failed' | 'chunk' | 'completed' | 'undo-chunk' | 'undone';

export async function runImportStep(
  userId: string,
  importId: string,
  step: number,
  deps: ImporterDeps,
): Promise<StepOutcome> {
  const job = await deps.store.get(userId, importId);
  if (!job) return 'gone';
  if (job.step !== step) return 'stale';
  if (job.status === 'queued') return parse(userId, job, deps);
  if (job.status === 'running') return report(userId, job, deps);
  if (job.status === 'undoing') return undo(userId, job, deps);
  return 'stale';
}

const nowOf = (deps: ImporterDeps) => (deps.now ?? (() => new Date()))();

async function fail(userId: string, job: ImportItem, failure: string, deps: ImporterDeps): Promise<StepOutcome> {
  const now = nowOf(deps).toISOString();
  const status = await deps.store.advance(
    userId,
    job.importId,
    job.step,
    { status: 'failed', failure, completedAt: now },
    now,
  );
  return status === 'advanced' ? 'failed' : 'stale';
}

async function parse(userId: string, job: ImportItem, deps: ImporterDeps): Promise<StepOutcome> {
  const content = await deps.files.get(job.fileKey);
  if (!content) return fail(userId, job, 'file-missing', deps);
  const currency = await deps.accountCurrency(userId, job.accountId);
  if (!currency) return fail(userId, job, 'account-missing', deps);
  let parsed: ParsedStatement;
  try {
    // Uploads come as the bank wrote them: UTF-8, UTF-16 with a mark, or Windows-1252.
    parsed = await deps.parse(job.format, decodeStatement(content), {
      currency,
      ...(job.mapping ? { mapping: job.mapping } : {}),
      ...(job.dateOrder ? { dateOrder: job.dateOrder } : {}),
    });
  } catch (error) {
    return fail(userId, job, `not-a-statement: ${error instanceof Error ? error.message : String(error)}`, deps);
  }
  // Entries the file holds that are no booking (pending, zero): reported, never recorded.
  const skipped = parsed.skipped ?? [];
  const total = parsed.rows.length + parsed.failures.length + skipped.length;
  if (total > MAX_IMPORT_ROWS) return fail(userId, job, 'too-many-rows', deps);
  const ids = rowExternalIds(job.accountId, parsed.rows);
  const entries: Entry[] = [
    ...parsed.rows.map((row, i): Entry => ({ line: row.line, row, ...ids[i]! })),
    ...parsed.failures.map((failure): Entry => ({ line: failure.line, reason: failure.reason })),
    ...skipped.map((entry): Entry => ({ line: entry.line, reason: entry.reason, skipped: true })),
  ].sort((a, b) => a.line - b.line);
  await deps.files.put(parsedRowsKey(userId, job.importId), Buffer.from(JSON.stringify(entries)), 'application/json');
  const now = nowOf(deps).toISOString();
  const status = await deps.store.advance(
    userId,
    job.importId,
    job.step,
    total === 0 ? { status: 'completed', total, completedAt: now } : { status: 'running', total },
    now,
  );
  return status === 'advanced' ? 'parsed' : 'stale';
}

function tally(rows: readonly ImportRowItem[]): ImportCounts {
  const counts: ImportCounts = { created: 0, duplicates: 0, needsReview: 0, failed: 0, skipped: 0 };
  for (const row of rows) {
    if (row.status === 'created') counts.created++;
    else if (row.status === 'duplicate') counts.duplicates++;
    else if (row.status === 'needs-review') counts.needsReview++;
    else if (row.status === 'skipped') counts.skipped++;
    else counts.failed++;
  }
  return counts;
}

const add = <T extends Record<string, number>>(a: T, b: T): T =>
  Object.fromEntries(Object.keys(a).map((key) => [key, (a[key] ?? 0) + (b[key] ?? 0)])) as T;

async function report(userId: string, job: ImportItem, deps: ImporterDeps): Promise<StepOutcome> {
  const raw = await deps.files.get(parsedRowsKey(userId, job.importId));
  if (!raw) return fail(userId, job, 'file-missing', deps);
  const entries = JSON.parse(raw.toString('utf8')) as Entry[];
  const profile = await deps.profile(userId);
  if (!profile) return 'gone';
  const from = job.processed;
  const to = Math.min(entries.length, from + (deps.chunkRows ?? CHUNK_ROWS));
  await reportChunk(deps, { userId, job, profile, entries, from, to, now: nowOf(deps) });
  const counts = tally(await deps.store.rowsBetween(userId, job.importId, from, to));
  const now = nowOf(deps).toISOString();
  const done = to >= entries.length;
  const status = await deps.store.advance(
    userId,
    job.importId,
    job.step,
    {
      status: done ? 'completed' : 'running',
      processed: to,
      counts: add(job.counts, counts),
      ...(done ? { completedAt: now } : {}),
    },
    now,
  );
  if (status !== 'advanced') return 'stale';
  return done ? 'completed' : 'chunk';
}

async function undo(userId: string, job: ImportItem, deps: ImporterDeps): Promise<StepOutcome> {
  const limit = deps.chunkRows ?? CHUNK_ROWS;
  const { rows, more } = await deps.store.rowsAfter(userId, job.importId, job.undoCursor, limit);
  await undoChunk(deps, { userId, rows, now: nowOf(deps) });
  // Read back, so a row undone by another delivery counts once, with what that delivery did.
  const settled = (await deps.store.rowsAfter(userId, job.importId, job.undoCursor, limit)).rows;
  const counts: UndoCounts = { removed: 0, keptEdited: 0, alreadyDeleted: 0 };
  for (const row of settled) {
    if (row.undo === 'removed') counts.removed++;
    else if (row.undo === 'kept-edited') counts.keptEdited++;
    else if (row.undo === 'already-deleted') counts.alreadyDeleted++;
  }
  const last = settled.at(-1);
  const now = nowOf(deps).toISOString();
  const status = await deps.store.advance(
    userId,
    job.importId,
    job.step,
    {
      status: more ? 'undoing' : 'undone',
      undo: add(job.undo ?? { removed: 0, keptEdited: 0, alreadyDeleted: 0 }, counts),
      undoCursor: last ? ImportRowEntity.key(userId, last.importId, last.index).sk : job.undoCursor,
      ...(more ? {} : { completedAt: now }),
    },
    now,
  );
  if (status !== 'advanced') return 'stale';
  return more ? 'undo-chunk' : 'undone';
}
