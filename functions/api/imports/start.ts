/**
 * POST /v1/imports/{id}/start: the client says its upload is done. The file's presence is checked
 * (HeadObject) and the job queued; its change drives the importer. The client calls this rather
 * than the bucket notifying a function, so the same steps run on AWS and on the local cloud (whose
 * S3 sends no notifications), and an upload that never happens starts nothing.
 */
import { userRoute } from '../../../shared/identity/public';
import { bucketImportFiles } from '../../../shared/imports/files';
import { importsStart } from '../../../shared/imports/operations';
import { createImportStore } from '../../../shared/imports/store';
import { toImportView } from '../../../shared/imports/views';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { Conflict, NotFound } from '../../../shared/kit/http/problems';

const jobs = createImportStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });
const files = bucketImportFiles();

export const handler = userRoute(importsStart, async ({ userId, path }) => {
  const job = await jobs.get(userId, path.id);
  if (!job) throw new NotFound('import');
  if (job.status === 'awaiting-upload') {
    if ((await files.size(job.fileKey)) === undefined) {
      throw new Conflict(
        'The statement has not been uploaded yet; upload it with the grant, then start.',
        {},
        'upload-missing',
      );
    }
    await jobs.transition(userId, job.importId, ['awaiting-upload'], { status: 'queued' }, new Date().toISOString());
  }
  const now = await jobs.get(userId, path.id);
  if (!now) throw new NotFound('import');
  return { status: 202, body: toImportView(now) };
});
