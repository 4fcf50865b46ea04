/** POST /v1/captures/{id}/accept: records a capture in review, with the caller's corrections. */
import { capturesAccept } from '../../../shared/captures/operations';
import { toCaptureView } from '../../../shared/captures/views';
import { userRoute } from '../../../shared/identity/public';
import { captureService } from './service';

const captures = captureService();

export const handler = userRoute(capturesAccept, async ({ userId, profile, path, body }) => {
  const capture = await captures.accept(userId, profile, path.id, body ?? {});
  return { status: 200, body: toCaptureView(capture) };
});
