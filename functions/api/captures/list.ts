/** GET /v1/captures?status=…: the caller's captures in one status, newest first, one gsi1 Query a page. */

import { capturesList } from '../../../shared/captures/operations';
import { createCaptureStore } from '../../../shared/captures/store';
import { toCaptureView } from '../../../shared/captures/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { decodeCursor, pageBody } from '../../../shared/kit/http/cursor';

const captures = createCaptureStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(capturesList, async ({ userId, query }) => {
  const page = await captures.list(userId, query.status, {
    limit: query.limit,
    ...(query.cursor ? { before: decodeCursor(userId, query.cursor) } : {}),
  });
  return { status: 200, body: pageBody(userId, page, toCaptureView) };
});
