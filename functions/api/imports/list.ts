/** GET /v1/imports: the caller's imports, newest first, a page at a time. */
import { userRoute } from '../../../shared/identity/public';
import { importsList } from '../../../shared/imports/operations';
import { createImportStore } from '../../../shared/imports/store';
import { toImportView } from '../../../shared/imports/views';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { continueAfter, pageBody } from '../../../shared/kit/http/cursor';

const jobs = createImportStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(importsList, async ({ userId, query }) => {
  const page = await jobs.list(userId, { limit: query.limit, ...continueAfter(userId, query.cursor) });
  return { status: 200, body: pageBody(userId, page, (job) => toImportView(job)) };
});
