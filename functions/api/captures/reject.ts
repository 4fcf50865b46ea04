/** POST /v1/captures/{id}/reject: dismisses a capture in review; nothing is recorded. */
import { capturesReject } from '../../../shared/captures/operations';
import { toCaptureView } from '../../../shared/captures/views';
import { userRoute } from '../../../shared/identity/public';
import { captureService } from './service';

const captures = captureService();

export const handler = userRoute(capturesReject, async ({ userId, path }) => {
  const capture = await captures.reject(userId, path.id);
  return { status: 200, body: toCaptureView(capture) };
});
