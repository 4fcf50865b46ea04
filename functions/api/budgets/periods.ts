/**
 * GET /v1/budgets/{id}/periods?from=&to=: the budget's history, one entry per period overlapping
 * [from, to] (from the budget's startDate on), from its counters: one Query. Periods with no
 * counter spent nothing.
 */

import { budgetsPeriods } from '../../../shared/budgets/operations';
import { periodsBetween } from '../../../shared/budgets/periods';
import { figuresFor } from '../../../shared/budgets/rollover';
import { createBudgetStore } from '../../../shared/budgets/store';
import { toPeriodView } from '../../../shared/budgets/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { NotFound, ValidationFailed } from '../../../shared/kit/http/problems';
import { todayIn } from '../../../shared/transactions/schemas';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const budgets = createBudgetStore({ db, tableName });

/** Ten years of weeks: enough history for anyone, and a bound on the work one request can ask for. */
const MAX_PERIODS = 530;

export const handler = userRoute(budgetsPeriods, async ({ userId, profile, path, query }) => {
  const budget = await budgets.get(userId, path.id);
  if (!budget) throw new NotFound('budget');
  const to = query.to ?? todayIn(profile.timezone, new Date());
  const from = query.from && query.from > budget.startDate ? query.from : budget.startDate;
  const spans = periodsBetween(budget.period, from, to, MAX_PERIODS + 1);
  if (spans.length > MAX_PERIODS) {
    throw new ValidationFailed([{ in: 'query', field: 'from', message: `must span at most ${MAX_PERIODS} periods` }]);
  }
  const spent = await budgets.spentByPeriod(userId, budget.budgetId);
  const figures = figuresFor(budget, (periodId) => spent.get(periodId) ?? 0, spans);
  return { status: 200, body: { items: figures.map((f) => toPeriodView(f, budget.currency)) } };
});
