/** GET /v1/exports/{id}: one of the caller's exports, its status and progress. */

import { exportsGet } from '../../../shared/exports/operations';
import { createExportStore } from '../../../shared/exports/store';
import { toExportView } from '../../../shared/exports/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { NotFound } from '../../../shared/kit/http/problems';

const jobs = createExportStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(exportsGet, async ({ userId, path }) => {
  // The key is built from the caller's sub: another user's export id simply does not exist here.
  const job = await jobs.get(userId, path.id);
  if (!job) throw new NotFound('export');
  return { status: 200, body: toExportView(job) };
});
