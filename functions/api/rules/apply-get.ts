/** GET /v1/rules/{id}/apply/{jobId}: an apply job's status and progress. */

import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { NotFound } from '../../../shared/kit/http/problems';
import { rulesApplyGet } from '../../../shared/rules/operations';
import { createRuleStore } from '../../../shared/rules/store';
import { toJobView } from '../../../shared/rules/views';

const rules = createRuleStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(rulesApplyGet, async ({ userId, path }) => {
  const job = await rules.getJob(userId, path.jobId);
  if (!job || job.ruleId !== path.id) throw new NotFound('apply job');
  return { status: 200, body: toJobView(job) };
});
