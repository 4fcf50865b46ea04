/** GET /v1/rules/{id}: one of the caller's rules with its place in the order; its version is the ETag. */

import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag } from '../../../shared/kit/http/etag';
import { NotFound } from '../../../shared/kit/http/problems';
import { rulesGet } from '../../../shared/rules/operations';
import { createRuleStore } from '../../../shared/rules/store';
import { toRuleView } from '../../../shared/rules/views';

const rules = createRuleStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(rulesGet, async ({ userId, path }) => {
  // The key is built from the caller's sub: another user's rule id simply does not exist here.
  const set = await rules.list(userId);
  const index = set.rules.findIndex((rule) => rule.ruleId === path.id);
  const rule = set.rules[index];
  if (!rule) throw new NotFound('rule');
  return { status: 200, body: toRuleView(rule, index + 1), headers: { etag: versionETag(rule.version) } };
});
