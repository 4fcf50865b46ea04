/** POST /v1/rules/suggestions/dismissals: turns down a suggested rule, so it is not proposed again. */

import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { rulesDismissSuggestion } from '../../../shared/rules/operations';
import { createRuleSuggester } from '../../../shared/rules/suggest';

const suggester = createRuleSuggester({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(rulesDismissSuggestion, async ({ userId, body }) => {
  const dismissal = await suggester.dismiss(userId, body.payee, body.categoryId, new Date().toISOString());
  return {
    status: 200,
    body: { payee: dismissal.payee, categoryId: dismissal.categoryId, dismissedAt: dismissal.dismissedAt },
  };
});
