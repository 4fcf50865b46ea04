/** GET /v1/rules/suggestions: payees consistently re-categorised by hand, each with a rule to POST. */

import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { rulesSuggestions } from '../../../shared/rules/operations';
import { createRuleStore } from '../../../shared/rules/store';
import { createRuleSuggester } from '../../../shared/rules/suggest';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const rules = createRuleStore({ db, tableName });
const suggester = createRuleSuggester({ db, tableName });

export const handler = userRoute(rulesSuggestions, async ({ userId }) => {
  const { rules: current } = await rules.list(userId);
  return { status: 200, body: { items: await suggester.suggestions(userId, current) } };
});
