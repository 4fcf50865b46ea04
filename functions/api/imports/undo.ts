/**
 * DELETE /v1/imports/{id}: undoes an import in the background. A finished import (completed or
 * failed part-way) turns `undoing`, and its change drives the importer through the report
 * (shared/imports/rows.ts undoChunk). One awaiting its upload has nothing to undo and is `undone`
 * at once; one queued or running is a 409 (undo it once it has finished). Asking again answers the
 * import as it is.
 */
import { userRoute } from '../../../shared/identity/public';
import { importsUndo } from '../../../shared/imports/operations';
import { createImportStore } from '../../../shared/imports/store';
import { toImportView } from '../../../shared/imports/views';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { Conflict, NotFound } from '../../../shared/kit/http/problems';

const jobs = createImportStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(importsUndo, async ({ userId, path }) => {
  const job = await jobs.get(userId, path.id);
  if (!job) throw new NotFound('import');
  const now = new Date().toISOString();
  if (job.status === 'queued' || job.status === 'running') {
    throw new Conflict(
      'The import is still running; undo it once it has finished.',
      { status: job.status },
      'import-running',
    );
  }
  if (job.status === 'awaiting-upload') {
    await jobs.transition(userId, job.importId, ['awaiting-upload'], { status: 'undone', completedAt: now }, now);
  } else if (job.status === 'completed' || job.status === 'failed') {
    await jobs.transition(
      userId,
      job.importId,
      ['completed', 'failed'],
      {
        status: 'undoing',
        undo: { removed: 0, keptEdited: 0, alreadyDeleted: 0 },
        undoCursor: null,
        completedAt: null,
      },
      now,
    );
  }
  const current = await jobs.get(userId, path.id);
  if (!current) throw new NotFound('import');
  return { status: 202, body: toImportView(current) };
});
