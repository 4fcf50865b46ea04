/**
 * GET /v1/insights/net-worth: net worth on one day, or at each month end of a range (the current
 * month's point is today). Reads the accounts, the month counters and, for a day inside a month,
 * that month's later transactions (shared/insights/net-worth.ts).
 */
import { userRoute } from '../../../shared/identity/public';
import { lastDayOf, monthRange } from '../../../shared/insights/months';
import { netWorthOn } from '../../../shared/insights/net-worth';
import { insightsNetWorth } from '../../../shared/insights/operations';
import { otherCurrencies } from '../../../shared/insights/reports';
import { pendingRestatement } from '../../../shared/insights/restate';
import { createRestatementStore } from '../../../shared/insights/restatement-store';
import { checkNetWorthQuery } from '../../../shared/insights/schemas';
import { createInsightStore } from '../../../shared/insights/store';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { onceADay } from '../../../shared/rates/public';
import { createRateStore } from '../../../shared/rates/store';
import { todayIn } from '../../../shared/transactions/public';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const insights = createInsightStore({ db, tableName });
const jobs = createRestatementStore({ db, tableName });
const rateStore = createRateStore({ db, tableName });

export const handler = userRoute(insightsNetWorth, async ({ userId, profile, query }) => {
  checkNetWorthQuery(query);
  const today = todayIn(profile.timezone, new Date());
  // Month ends up to today: the current month's point is today, and later months would repeat it.
  const dates =
    query.from !== undefined && query.to !== undefined
      ? [
          ...new Set(
            monthRange(query.from, query.to).map((month) => (lastDayOf(month) < today ? lastDayOf(month) : today)),
          ),
        ]
      : [query.date ?? today];
  const [accounts, months, job] = await Promise.all([
    insights.accounts(userId),
    insights.months(userId),
    jobs.get(userId),
  ]);
  // One read of a day's rates however many accounts need them.
  const rates = onceADay(rateStore);
  const points = [];
  for (const date of dates) {
    const laterInMonth = await insights.laterInMonth(userId, date);
    points.push(await netWorthOn({ date, currency: profile.homeCurrency, accounts, months, laterInMonth, rates }));
  }
  return {
    status: 200,
    body: {
      currency: profile.homeCurrency,
      interval: query.interval ?? 'day',
      points,
      otherCurrencies: otherCurrencies(months, profile.homeCurrency),
      restatement: pendingRestatement(job, profile),
    },
  };
});
