/**
 * POST /v1/rules/{id}/apply: queues a job that applies the rule to existing transactions of the
 * range (shared/rules/apply.ts); its total is counted now, its progress follows on the job.
 */

import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { newEntityId } from '../../../shared/kit/http/fields';
import { NotFound } from '../../../shared/kit/http/problems';
import { createRuleApplier, newJobItem } from '../../../shared/rules/apply';
import { rulesApply } from '../../../shared/rules/operations';
import { createRuleStore } from '../../../shared/rules/store';
import { toJobView } from '../../../shared/rules/views';
import { createTransactionUpdater } from '../../../shared/transactions/public';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const rules = createRuleStore({ db, tableName });
const applier = createRuleApplier({ db, tableName, rules, updater: createTransactionUpdater({ db, tableName }) });

export const handler = userRoute(rulesApply, async ({ userId, path, body }) => {
  const rule = await rules.get(userId, path.id);
  if (!rule) throw new NotFound('rule');
  const now = new Date();
  const total = await applier.countInRange(userId, { from: body.from ?? null, to: body.to ?? null });
  const job = newJobItem(rule.ruleId, body, newEntityId(now.getTime()), total, now.toISOString());
  await rules.createJob(userId, job);
  return {
    status: 202,
    body: toJobView(job),
    headers: { location: `/v1/rules/${rule.ruleId}/apply/${job.jobId}` },
  };
});
