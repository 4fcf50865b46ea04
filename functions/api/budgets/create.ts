/**
 * POST /v1/budgets: a spending budget per period, in the home currency. With an `Idempotency-Key`,
 * a retry returns the first response and creates nothing (the key's record is written in the same
 * transaction as the budget). Its current period is computed asynchronously by the budget
 * evaluator from BudgetCreated (a backfill of the transactions since its startDate).
 */

import type { BudgetItem } from '../../../shared/budgets/items';
import { BudgetEntity } from '../../../shared/budgets/items';
import { budgetsCreate } from '../../../shared/budgets/operations';
import { checkCategories, checkLimitCurrency, resolveStartDate } from '../../../shared/budgets/rules';
import { DEFAULT_THRESHOLDS } from '../../../shared/budgets/schemas';
import { createBudgetStore } from '../../../shared/budgets/store';
import { toBudgetView } from '../../../shared/budgets/views';
import { createCategoryStore } from '../../../shared/categories/store';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag } from '../../../shared/kit/http/etag';
import { newEntityId } from '../../../shared/kit/http/fields';
import { idempotency, idempotencyKeyFrom } from '../../../shared/kit/http/idempotency';
import { todayIn } from '../../../shared/transactions/schemas';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const budgets = createBudgetStore({ db, tableName });
const categories = createCategoryStore({ db, tableName });

export const handler = userRoute(budgetsCreate, async ({ userId, profile, body, headers }) => {
  const scope = { tableName, userId, operation: 'create-budget', key: idempotencyKeyFrom(headers), request: body };
  // A retry is answered with the first response: the profile may have changed since.
  const keyed = await idempotency(db, scope);
  if (keyed.earlier) return keyed.earlier;
  checkLimitCurrency(body.limit, profile.homeCurrency, 'your home currency');
  const categoryIds = body.categoryIds ?? null;
  if (categoryIds) checkCategories(categoryIds, await categories.listAll(userId));
  const now = new Date();
  const period = body.period ?? 'monthly';
  const budget: BudgetItem = {
    type: BudgetEntity.type,
    budgetId: newEntityId(now.getTime()),
    name: body.name,
    categoryIds,
    period,
    limit: body.limit.amount,
    currency: body.limit.currency,
    thresholds: body.thresholds ?? DEFAULT_THRESHOLDS,
    rollover: body.rollover ?? false,
    enforce: body.enforce ?? false,
    startDate: resolveStartDate(period, body.startDate, todayIn(profile.timezone, now)),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  };
  const response = {
    status: 201,
    body: toBudgetView(budget),
    headers: { etag: versionETag(budget.version), location: `/v1/budgets/${budget.budgetId}` },
  };
  return keyed.create(response, (record) => budgets.create(userId, budget, record ? [record] : []));
});
