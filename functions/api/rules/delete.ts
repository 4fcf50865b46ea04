/** DELETE /v1/rules/{id}: the rule leaves the order; what it categorised stays as it is. */

import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { NotFound } from '../../../shared/kit/http/problems';
import { rulesDelete } from '../../../shared/rules/operations';
import { createRuleStore } from '../../../shared/rules/store';

const rules = createRuleStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(rulesDelete, async ({ userId, path }) => {
  if ((await rules.delete(userId, path.id, new Date().toISOString())) === 'not-found') throw new NotFound('rule');
  return { status: 204 };
});
