/**
 * PATCH /v1/budgets/{id}: name, categoryIds, limit, thresholds, rollover, enforce. `If-Match` → 412
 * when stale. A change of categoryIds is recomputed asynchronously by the budget evaluator from
 * BudgetUpdated: the current period (and later ones) under the new coverage; past periods keep
 * their history (docs/budgets.md).
 */

import { budgetsUpdate } from '../../../shared/budgets/operations';
import { checkCategories, checkLimitCurrency } from '../../../shared/budgets/rules';
import { createBudgetStore } from '../../../shared/budgets/store';
import { toBudgetView } from '../../../shared/budgets/views';
import { createCategoryStore } from '../../../shared/categories/store';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag, versionsFromIfMatch } from '../../../shared/kit/http/etag';
import { NotFound, PreconditionFailed } from '../../../shared/kit/http/problems';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const budgets = createBudgetStore({ db, tableName });
const categories = createCategoryStore({ db, tableName });

export const handler = userRoute(budgetsUpdate, async ({ userId, path, body, headers }) => {
  if (body.limit) {
    // The currency of a budget never changes (its counters are in it); read it to check the limit.
    const current = await budgets.get(userId, path.id);
    if (!current) throw new NotFound('budget');
    checkLimitCurrency(body.limit, current.currency, 'the budget currency');
  }
  if (body.categoryIds) checkCategories(body.categoryIds, await categories.listAll(userId));
  const outcome = await budgets.update(
    userId,
    path.id,
    {
      name: body.name,
      categoryIds: body.categoryIds,
      limit: body.limit?.amount,
      thresholds: body.thresholds,
      rollover: body.rollover,
      enforce: body.enforce,
    },
    { now: new Date().toISOString(), expectedVersions: versionsFromIfMatch(headers['if-match']) },
  );
  if (outcome.status === 'not-found') throw new NotFound('budget');
  if (outcome.status === 'version-mismatch') throw new PreconditionFailed();
  return { status: 200, body: toBudgetView(outcome.item), headers: { etag: versionETag(outcome.item.version) } };
});
