/** GET /v1/exports: the caller's exports, newest first, a page at a time. */

import { exportsList } from '../../../shared/exports/operations';
import { createExportStore } from '../../../shared/exports/store';
import { toExportView } from '../../../shared/exports/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { continueAfter, pageBody } from '../../../shared/kit/http/cursor';

const jobs = createExportStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(exportsList, async ({ userId, query }) => {
  const page = await jobs.list(userId, { limit: query.limit, ...continueAfter(userId, query.cursor) });
  return { status: 200, body: pageBody(userId, page, toExportView) };
});
