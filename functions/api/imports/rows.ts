/** GET /v1/imports/{id}/rows: an import's per-row report in file order, of one status when asked. */
import { userRoute } from '../../../shared/identity/public';
import { importsRows } from '../../../shared/imports/operations';
import { createImportStore } from '../../../shared/imports/store';
import { toImportRowView } from '../../../shared/imports/views';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { continueAfter, pageBody } from '../../../shared/kit/http/cursor';
import { NotFound } from '../../../shared/kit/http/problems';

const jobs = createImportStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(importsRows, async ({ userId, path, query }) => {
  const job = await jobs.get(userId, path.id);
  if (!job) throw new NotFound('import');
  const page = await jobs.rows(userId, job.importId, {
    limit: query.limit,
    ...continueAfter(userId, query.cursor),
    ...(query.status ? { status: query.status } : {}),
  });
  return { status: 200, body: pageBody(userId, page, toImportRowView) };
});
