/** GET /v1/imports/{id}: one of the caller's imports, its status, counts and progress. */
import { userRoute } from '../../../shared/identity/public';
import { importsGet } from '../../../shared/imports/operations';
import { createImportStore } from '../../../shared/imports/store';
import { toImportView } from '../../../shared/imports/views';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { NotFound } from '../../../shared/kit/http/problems';

const jobs = createImportStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(importsGet, async ({ userId, path }) => {
  // The key is built from the caller's sub: another user's import id simply does not exist here.
  const job = await jobs.get(userId, path.id);
  if (!job) throw new NotFound('import');
  return { status: 200, body: toImportView(job) };
});
