/**
 * GET /v1/insights/spending: spending by group over whole months of the caller's calendar, from
 * the month counters (shared/insights): months × groups read, whatever the number of transactions.
 */
import { createCategoryStore } from '../../../shared/categories/public';
import { userRoute } from '../../../shared/identity/public';
import { entriesOf } from '../../../shared/insights/lines';
import { addMonths, monthsBetween } from '../../../shared/insights/months';
import { insightsSpending } from '../../../shared/insights/operations';
import { spendingReport } from '../../../shared/insights/reports';
import { pendingRestatement } from '../../../shared/insights/restate';
import { createRestatementStore } from '../../../shared/insights/restatement-store';
import { checkMonthRange } from '../../../shared/insights/schemas';
import { createInsightStore } from '../../../shared/insights/store';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { createPayeeResolver, todayIn } from '../../../shared/transactions/public';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const insights = createInsightStore({ db, tableName });
const jobs = createRestatementStore({ db, tableName });
const categories = createCategoryStore({ db, tableName });
const payees = createPayeeResolver({ db, tableName });

export const handler = userRoute(insightsSpending, async ({ userId, profile, query }) => {
  const thisMonth = todayIn(profile.timezone, new Date()).slice(0, 7);
  const from = query.from ?? query.to ?? thisMonth;
  // Only `from`: up to this month; only `to`: that one month.
  const to = query.to ?? (from > thisMonth ? from : thisMonth);
  checkMonthRange(from, to);
  const previousFrom = addMonths(from, -monthsBetween(from, to));
  const [months, job] = await Promise.all([insights.months(userId, { from: previousFrom, to }), jobs.get(userId)]);
  const names = await groupNames(userId, query.groupBy, months);
  return {
    status: 200,
    body: {
      ...spendingReport({ months, currency: profile.homeCurrency, from, to, groupBy: query.groupBy, names }),
      restatement: pendingRestatement(job, profile),
    },
  };
});

/** Reads only the names the grouping shows. */
async function groupNames(
  userId: string,
  groupBy: 'category' | 'payee' | 'tag' | 'account',
  months: Awaited<ReturnType<typeof insights.months>>,
) {
  const none = () => undefined;
  if (groupBy === 'category') {
    const byId = new Map((await categories.listAll(userId)).map((c) => [c.categoryId, c]));
    return { category: (id: string) => byId.get(id), payee: none, account: none };
  }
  if (groupBy === 'payee') {
    const keys = new Set<string>();
    for (const month of months) for (const key of entriesOf(month.lines, 'p').keys()) keys.add(key);
    const names = await payees.names(
      userId,
      [...keys].filter((key) => key !== '-'),
    );
    return { category: none, payee: (key: string) => names.get(key), account: none };
  }
  if (groupBy === 'account') {
    const byId = new Map((await insights.accounts(userId)).map((a) => [a.accountId, a.name]));
    return { category: none, payee: none, account: (id: string) => byId.get(id) };
  }
  return { category: none, payee: none, account: none };
}
