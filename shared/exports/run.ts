/**
 * The exporter's one step, driven by the job item's own changes: ExportRequested (step 0) and
 * every ExportUpdated while queued or running carry the step to do next. A step is
 *
 *   - a read chunk: up to CHUNK_ROWS transactions after the job's cursor, written to a part
 *     object of its own, then the job advanced (cursor, parts, rowsWritten) by a write
 *     conditioned on the step; or, once reading is done,
 *   - the file: every part read back, names resolved, the workbook or CSV written to
 *     `exports/<userId>/<exportId>.<ext>`, and the job set `ready` (→ ExportReady → the email).
 *
 * Idempotent and resumable: a step re-run after a crash reads from the same cursor; a duplicate
 * or late event finds the job at another step and does nothing; of two concurrent runs of one
 * step only one advances the job, and only the part it names counts (the loser's part is an
 * orphan the bucket's 7-day rule removes). So no row is ever counted or printed twice.
 */
import { randomUUID } from 'node:crypto';
import { writeCsv } from './csv';
import { contentTypes } from './file-names';
import { type ExportFiles, exportFileKey, exportPartKey } from './files';
import type { ExportItem } from './items';
import { type ExportRow, exportRowOf, type StoredRow } from './rows';
import type { ExportSource } from './source';
import type { ExportStore } from './store';
import { writeWorkbook } from './workbook';

/** The most rows an export holds; beyond, it fails as `too-many-rows` (narrow the range). */
export const MAX_EXPORT_ROWS = 100_000;
/** Rows per read chunk: a few seconds of reading, a part object of about a megabyte. */
export const CHUNK_ROWS = 2_000;
/** Queries per chunk, so a sparse filter cannot make one chunk read for ever. */
const MAX_QUERIES_PER_CHUNK = 20;

export type ExporterDeps = {
  store: Pick<ExportStore, 'get' | 'advance'>;
  source: Pick<ExportSource, 'readChunk' | 'names' | 'categoryFamilies'>;
  files: ExportFiles;
  chunkRows?: number;
  maxRows?: number;
  now?: () => Date;
};

export type StepOutcome = 'gone' | 'stale' | 'read' | 'ready' | 'failed';

export async function runExportStep(
  userId: string,
  exportId: string,
  step: number,
  deps: ExporterDeps,
): Promise<StepOutcome> {
  const job = await deps.store.get(userId, exportId);
  if (!job) return 'gone';
  if (job.step !== step || job.status === 'ready' || job.status === 'failed') return 'stale';
  const advanced = job.readDone ? await writeFile(userId, job, deps) : await readChunk(userId, job, deps);
  return advanced.status === 'advanced' ? advanced.outcome : 'stale';
}

type Advanced = { status: 'advanced' | 'stale'; outcome: StepOutcome };

async function readChunk(userId: string, job: ExportItem, deps: ExporterDeps): Promise<Advanced> {
  const now = (deps.now ?? (() => new Date()))().toISOString();
  const maxRows = deps.maxRows ?? MAX_EXPORT_ROWS;
  // Categories are expanded at each chunk from the current tree: a subcategory added meanwhile counts.
  const categoryIds = job.categoryIds ? (await deps.source.categoryFamilies(userId, job.categoryIds)).ids : null;
  const chunk = await deps.source.readChunk(
    userId,
    { from: job.from, to: job.to, accountIds: job.accountIds, categoryIds, kind: job.kind },
    job.cursor,
    { maxRows: deps.chunkRows ?? CHUNK_ROWS, maxQueries: MAX_QUERIES_PER_CHUNK },
  );
  const rowsWritten = job.rowsWritten + chunk.rows.length;
  if (rowsWritten > maxRows) {
    const status = await deps.store.advance(
      userId,
      job.exportId,
      job.step,
      { status: 'failed', failure: 'too-many-rows', completedAt: now },
      now,
    );
    return { status, outcome: 'failed' };
  }
  let parts = job.parts;
  if (chunk.rows.length > 0) {
    const key = exportPartKey(userId, job.exportId, job.step, randomUUID());
    await deps.files.put(key, Buffer.from(JSON.stringify(chunk.rows)), 'application/json');
    parts = [...parts, key];
  }
  const status = await deps.store.advance(
    userId,
    job.exportId,
    job.step,
    {
      status: 'running',
      cursor: chunk.cursor,
      readDone: chunk.done,
      parts,
      rowsWritten,
      totalRows: chunk.done ? rowsWritten : null,
    },
    now,
  );
  return { status, outcome: 'read' };
}

async function writeFile(userId: string, job: ExportItem, deps: ExporterDeps): Promise<Advanced> {
  const stored: StoredRow[] = [];
  for (const key of job.parts)
    stored.push(...(JSON.parse((await deps.files.get(key)).toString('utf8')) as StoredRow[]));
  const names = await deps.source.names(userId);
  const rows: ExportRow[] = stored.map((row) => exportRowOf(row, names));
  const body = job.format === 'xlsx' ? await writeWorkbook(rows) : await writeCsv(rows);
  const fileKey = exportFileKey(userId, job.exportId, job.format);
  await deps.files.put(fileKey, body, contentTypes[job.format]);
  const now = (deps.now ?? (() => new Date()))().toISOString();
  const status = await deps.store.advance(
    userId,
    job.exportId,
    job.step,
    { status: 'ready', fileKey, fileSize: body.length, completedAt: now },
    now,
  );
  return { status, outcome: 'ready' };
}
