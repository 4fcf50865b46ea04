/** PUT /v1/rules/order: the whole evaluation order at once; `ids` names every rule exactly once. */

import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { rulesOrder } from '../../../shared/rules/operations';
import { createRuleStore } from '../../../shared/rules/store';
import { toRuleView } from '../../../shared/rules/views';

const rules = createRuleStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(rulesOrder, async ({ userId, body }) => {
  const ordered = await rules.reorder(userId, body.ids, new Date().toISOString());
  return { status: 200, body: { items: ordered.map((rule, index) => toRuleView(rule, index + 1)) } };
});
