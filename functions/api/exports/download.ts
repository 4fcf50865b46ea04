/**
 * GET /v1/exports/{id}/download: a freshly signed, short-lived link to a ready export's file, as a
 * 303 redirect (Location) and in the body. Links are minted per request because a URL signed with
 * a function's temporary credentials dies with its session: the email links here, not to S3.
 */

import { exportFileName } from '../../../shared/exports/file-names';
import { exportsDownload } from '../../../shared/exports/operations';
import { createExportStore } from '../../../shared/exports/store';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { downloadLink } from '../../../shared/kit/aws/download-link';
import { requireEnv } from '../../../shared/kit/config';
import { Conflict, NotFound } from '../../../shared/kit/http/problems';

const jobs = createExportStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(exportsDownload, async ({ userId, path }) => {
  const job = await jobs.get(userId, path.id);
  if (!job) throw new NotFound('export');
  if (job.status !== 'ready' || job.fileKey === null) {
    throw new Conflict(
      job.status === 'failed'
        ? 'This export failed; request a new one.'
        : 'This export is not ready yet; follow GET /v1/exports/{id}.',
      { status: job.status },
      'export-not-ready',
    );
  }
  const link = await downloadLink({ key: job.fileKey, filename: exportFileName(job) });
  return { status: 303, body: link, headers: { location: link.url } };
});
