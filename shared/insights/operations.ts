/** The insight routes, declared once (shared/kit/http/operation.ts). They read precomputed month counters only. */
import { defineOperation, noParams } from '../kit/http/operation';
import { cashFlowQuery, netWorthQuery, spendingQuery } from './schemas';
import { cashFlowView, netWorthView, restatementView, spendingView } from './views';

export const insightsSpending = defineOperation({
  function: 'insights-spending',
  feature: 'insights',
  entry: 'functions/api/insights/spending.ts',
  method: 'GET',
  path: '/v1/insights/spending',
  auth: 'user',
  functionDescription: 'Spending by category, payee, tag or account over a range of months',
  summary: 'Spending by category, payee, tag or account, against the previous period',
  description:
    'Totals, share and count per group for the months `from`..`to` (default: the current month, month-to-date), and the change against the previous period of the same length. Categories roll up into their parents.',
  grants: { table: 'read' },
  request: { query: spendingQuery },
  response: { status: 200, description: 'Spending by group', schema: () => spendingView() },
});

export const insightsCashFlow = defineOperation({
  function: 'insights-cash-flow',
  feature: 'insights',
  entry: 'functions/api/insights/cash-flow.ts',
  method: 'GET',
  path: '/v1/insights/cash-flow',
  auth: 'user',
  functionDescription: 'Income, expense, net and savings rate per month',
  summary: 'Income, expense, net and savings rate for each of the last `months` months',
  description: 'The current month is month-to-date. Transfers between own accounts are shown apart.',
  grants: { table: 'read' },
  request: { query: cashFlowQuery },
  response: { status: 200, description: 'Cash flow per month', schema: () => cashFlowView() },
});

export const insightsNetWorth = defineOperation({
  function: 'insights-net-worth',
  feature: 'insights',
  entry: 'functions/api/insights/net-worth.ts',
  method: 'GET',
  path: '/v1/insights/net-worth',
  auth: 'user',
  functionDescription: 'Net worth on a day, or at each month end of a range',
  summary: 'Net worth on a day (`date`, default today) or at each month end (`from`, `to`, `interval=month`)',
  description:
    "The sum of the accounts' signed balances on that day, each converted to the home currency at the day's ECB reference rate; a currency without one is valued at its transactions' recorded home amounts.",
  grants: { table: 'read' },
  request: { query: netWorthQuery },
  response: { status: 200, description: 'Net worth with per-account detail', schema: () => netWorthView() },
});

export const insightsRestatement = defineOperation({
  function: 'insights-restatement',
  feature: 'insights',
  entry: 'functions/api/insights/restatement.ts',
  method: 'GET',
  path: '/v1/insights/restatement',
  auth: 'user',
  functionDescription: 'Progress of restating the history in a new home currency',
  summary: 'The restatement of your history after the latest change of home currency',
  description:
    "After `PATCH /v1/me {homeCurrency}` a job restates every transaction in the new home currency at its date's rate, and the insight totals with it. 404 when the home currency never changed.",
  grants: { table: 'read' },
  request: { query: noParams },
  response: { status: 200, description: 'The restatement and its progress', schema: () => restatementView() },
  problems: [404],
});

export const insightsOperations = [insightsSpending, insightsCashFlow, insightsNetWorth, insightsRestatement] as const;
