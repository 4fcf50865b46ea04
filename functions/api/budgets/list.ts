/** GET /v1/budgets: the caller's budgets in creation order, a page at a time. */

import { budgetsList } from '../../../shared/budgets/operations';
import { createBudgetStore } from '../../../shared/budgets/store';
import { toBudgetView } from '../../../shared/budgets/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { continueAfter, pageBody } from '../../../shared/kit/http/cursor';

const budgets = createBudgetStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(budgetsList, async ({ userId, query }) => {
  const page = await budgets.list(userId, {
    limit: query.limit,
    ...continueAfter(userId, query.cursor),
  });
  return {
    status: 200,
    body: pageBody(userId, page, toBudgetView),
  };
});
