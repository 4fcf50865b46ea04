/** GET /v1/payees/{id}/jobs/{jobId}: a rename's or merge's progress. */
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { NotFound } from '../../../shared/kit/http/problems';
import { payeesJobGet } from '../../../shared/payees/operations';
import { createPayeeStore } from '../../../shared/payees/store';
import { toPayeeJobView } from '../../../shared/payees/views';

const payees = createPayeeStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(payeesJobGet, async ({ userId, path }) => {
  const job = await payees.getJob(userId, path.jobId);
  if (!job || (job.payeeId !== path.id && job.intoId !== path.id)) throw new NotFound('payee job');
  return { status: 200, body: toPayeeJobView(job) };
});
