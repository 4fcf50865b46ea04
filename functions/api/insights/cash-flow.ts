/** GET /v1/insights/cash-flow: income, expense, net and savings rate for each of the last `months` months. */
import { userRoute } from '../../../shared/identity/public';
import { addMonths } from '../../../shared/insights/months';
import { insightsCashFlow } from '../../../shared/insights/operations';
import { cashFlowReport } from '../../../shared/insights/reports';
import { pendingRestatement } from '../../../shared/insights/restate';
import { createRestatementStore } from '../../../shared/insights/restatement-store';
import { createInsightStore } from '../../../shared/insights/store';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { todayIn } from '../../../shared/transactions/public';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const insights = createInsightStore({ db, tableName });
const jobs = createRestatementStore({ db, tableName });

export const handler = userRoute(insightsCashFlow, async ({ userId, profile, query }) => {
  const to = todayIn(profile.timezone, new Date()).slice(0, 7);
  const from = addMonths(to, 1 - query.months);
  const [months, job] = await Promise.all([insights.months(userId, { from, to }), jobs.get(userId)]);
  return {
    status: 200,
    body: {
      ...cashFlowReport({ months, currency: profile.homeCurrency, from, to }),
      restatement: pendingRestatement(job, profile),
    },
  };
});
