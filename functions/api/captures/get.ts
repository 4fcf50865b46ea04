/** GET /v1/captures/{id}: one of the caller's captures; another user's id does not exist here (404). */

import { capturesGet } from '../../../shared/captures/operations';
import { createCaptureStore } from '../../../shared/captures/store';
import { toCaptureView } from '../../../shared/captures/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { NotFound } from '../../../shared/kit/http/problems';

const captures = createCaptureStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(capturesGet, async ({ userId, path }) => {
  const capture = await captures.get(userId, path.id);
  if (!capture) throw new NotFound('capture');
  return { status: 200, body: toCaptureView(capture) };
});
