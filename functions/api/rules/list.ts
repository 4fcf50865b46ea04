/** GET /v1/rules: every rule of the caller (at most 200), in evaluation order. */

import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { rulesList } from '../../../shared/rules/operations';
import { createRuleStore } from '../../../shared/rules/store';
import { toRuleView } from '../../../shared/rules/views';

const rules = createRuleStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(rulesList, async ({ userId }) => {
  const set = await rules.list(userId);
  return { status: 200, body: { items: set.rules.map((rule, index) => toRuleView(rule, index + 1)) } };
});
