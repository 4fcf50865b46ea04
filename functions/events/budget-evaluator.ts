/**
 * The budget evaluator (rule `evaluate-budgets`): keeps every budget's period counters exact under
 * at-least-once, out-of-order delivery, and writes one alert fact per budget, period and crossed
 * threshold, ever. The work is in shared/budgets/evaluate.ts; see docs/budgets.md.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { eventConsumer } from '../../shared/app/consumer';
import { budgetEvaluator } from '../../shared/budgets/consumers';
import { evaluateEvent } from '../../shared/budgets/evaluate';
import { createBudgetStore } from '../../shared/budgets/store';
import { createProfileStore } from '../../shared/identity/profile-store';
import { documentClient } from '../../shared/kit/aws/document-client';
import { requireEnv } from '../../shared/kit/config';
import { logger, metrics } from '../../shared/kit/observability';

/** The events its declaration (and so its rule) routes here. */
export const acceptedDetailTypes = budgetEvaluator.events;

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const deps = {
  store: createBudgetStore({ db, tableName }),
  profiles: createProfileStore({ db, tableName }),
  now: () => new Date(),
};

export const handler = eventConsumer(budgetEvaluator, async (event) => {
  const outcome = await evaluateEvent(deps, event);
  // Alerts only, and only when there are some: the applies are about one per invocation (Lambda's
  // Invocations metric), and a count's missing datapoint sums as 0.
  if (outcome.alerts > 0) metrics.addMetric('BudgetAlerts', MetricUnit.Count, outcome.alerts);
  // Ids and counts only: never amounts, names or the event.
  logger.debug('Budgets evaluated', {
    userId: event.detail.userId,
    entityId: event.detail.id,
    budgets: outcome.budgets,
    applied: outcome.applied,
    alerts: outcome.alerts,
    ...(outcome.userGone ? { userGone: true } : {}),
  });
});
