/**
 * GET /v1/budgets/{id}: the budget and its current period (the one holding today in the user's
 * timezone): limit, rollover, effective limit, spent, remaining, percent and a linear forecast.
 */

import { forecast } from '../../../shared/budgets/forecast';
import { budgetsGet } from '../../../shared/budgets/operations';
import { periodOf } from '../../../shared/budgets/periods';
import { figuresFor } from '../../../shared/budgets/rollover';
import { createBudgetStore } from '../../../shared/budgets/store';
import { toBudgetView, toCurrentView } from '../../../shared/budgets/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag } from '../../../shared/kit/http/etag';
import { NotFound } from '../../../shared/kit/http/problems';
import { todayIn } from '../../../shared/transactions/schemas';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const budgets = createBudgetStore({ db, tableName });

export const handler = userRoute(budgetsGet, async ({ userId, profile, path }) => {
  // The key is built from the caller's sub: another user's budget simply does not exist here.
  const budget = await budgets.get(userId, path.id);
  if (!budget) throw new NotFound('budget');
  const today = todayIn(profile.timezone, new Date());
  const span = periodOf(budget.period, today);
  // Rollover needs every earlier period (one Query of the counters); otherwise one GetItem.
  const spent = budget.rollover
    ? await budgets.spentByPeriod(userId, budget.budgetId)
    : new Map([[span.periodId, await budgets.spentIn(userId, budget.budgetId, span.periodId)]]);
  const [figures] = figuresFor(budget, (periodId) => spent.get(periodId) ?? 0, [span]);
  if (!figures) throw new Error('No figures for the current period');
  return {
    status: 200,
    body: { ...toBudgetView(budget), current: toCurrentView(figures, forecast(figures, today), budget.currency) },
    headers: { etag: versionETag(budget.version) },
  };
});
