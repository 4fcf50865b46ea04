/**
 * POST /v1/rules: a categorisation rule at a place in the order (default last). Its regexes are
 * compiled and its category checked before anything is written (422 naming the field).
 */

import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag } from '../../../shared/kit/http/etag';
import { newEntityId } from '../../../shared/kit/http/fields';
import { createRuleChecks, newRuleItem } from '../../../shared/rules/define';
import { rulesCreate } from '../../../shared/rules/operations';
import { createRuleStore } from '../../../shared/rules/store';
import { toRuleView } from '../../../shared/rules/views';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const rules = createRuleStore({ db, tableName });
const checks = createRuleChecks({ db, tableName });

export const handler = userRoute(rulesCreate, async ({ userId, body }) => {
  const now = new Date();
  const rule = newRuleItem(body, newEntityId(now.getTime()), now.toISOString());
  await checks.check(userId, rule);
  const position = await rules.create(userId, rule, body.position);
  return {
    status: 201,
    body: toRuleView(rule, position),
    headers: { etag: versionETag(rule.version), location: `/v1/rules/${rule.ruleId}` },
  };
});
