/**
 * POST /v1/payees/{id}/merge {intoId}: the payee's name becomes an alias of the target at once,
 * and a job moves its transactions there, exactly once, then deletes it (shared/payees/jobs.ts).
 */
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionsFromIfMatch } from '../../../shared/kit/http/etag';
import { newEntityId } from '../../../shared/kit/http/fields';
import { payeesMerge } from '../../../shared/payees/operations';
import { createPayeeStore } from '../../../shared/payees/store';
import { toPayeeJobView } from '../../../shared/payees/views';

const payees = createPayeeStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(payeesMerge, async ({ userId, path, body, headers }) => {
  const now = new Date();
  const expectedVersions = versionsFromIfMatch(headers['if-match']);
  const { job } = await payees.merge(userId, path.id, body.intoId, {
    now: now.toISOString(),
    jobId: newEntityId(now.getTime()),
    ...(expectedVersions ? { expectedVersions } : {}),
  });
  return {
    status: 202,
    body: toPayeeJobView(job),
    headers: { location: `/v1/payees/${path.id}/jobs/${job.jobId}` },
  };
});
