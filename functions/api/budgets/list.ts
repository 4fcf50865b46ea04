/** GET /v1/budgets: the caller's budgets in creation order, a page at a time. */
import { documentClient } from '../../../shared/aws/clients';
import { budgetListQuery } from '../../../shared/budgets/schemas';
import { toBudgetView } from '../../../shared/budgets/views';
import { requireEnv } from '../../../shared/config';
import { authenticatedRoute } from '../../../shared/http/api-handler';
import { decodeCursor, encodeCursor } from '../../../shared/http/cursor';
import { createBudgetStore } from '../../../shared/store/budget-store';

const budgets = createBudgetStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = authenticatedRoute({ query: budgetListQuery }, async ({ userId, query }) => {
  const page = await budgets.list(userId, {
    limit: query.limit,
    ...(query.cursor ? { after: decodeCursor(userId, query.cursor) } : {}),
  });
  return {
    status: 200,
    body: { items: page.items.map(toBudgetView), nextCursor: page.last ? encodeCursor(userId, page.last) : null },
  };
});
