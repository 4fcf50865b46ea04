/**
 * POST /v1/captures: reads a bank message and records it, ignores it (not a transaction) or puts it
 * in review (shared/captures/capture.ts). A recorded capture and its transaction are one write.
 */
import { capturesCreate } from '../../../shared/captures/operations';
import { toCaptureView } from '../../../shared/captures/views';
import { userRoute } from '../../../shared/identity/public';
import { captureService } from './service';

const captures = captureService();

export const handler = userRoute(capturesCreate, async ({ userId, profile, body }) => {
  const capture = await captures.ingest(userId, profile, body);
  return {
    status: 201,
    body: toCaptureView(capture),
    headers: { location: `/v1/captures/${capture.captureId}` },
  };
});
