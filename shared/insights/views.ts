/**
 * The shapes the insight routes return (built in ./reports.ts and ./net-worth.ts), as zod schemas
 * for the OpenAPI contract. Money is `{ amount, currency }` in minor units of the home currency.
 */
import { moneySchema } from '../kit/http/response-schemas';
import * as z from '../kit/schema';

const percentOrNull = (description: string) => z.nullable(z.number()).check(z.describe(description));

const change = () =>
  z.strictObject({
    amount: moneySchema(),
    percent: percentOrNull('Against the previous figure, one decimal; null when that was 0.'),
  });

const otherCurrencies = () =>
  z
    .array(z.string())
    .check(
      z.describe(
        'Home currencies of months left out: recorded before the home currency changed, not yet restated (see restatement).',
      ),
    );

export const restatementView = z.lazily(() =>
  z
    .strictObject({
      status: z.enum(['queued', 'running', 'done']),
      homeCurrency: z.string().check(z.describe('The home currency the history is restated in.')),
      progress: z.strictObject({
        restated: z.int().check(z.describe('Transactions in the new home currency so far.')),
        total: z
          .nullable(z.int())
          .check(z.describe('The transactions to restate (counted when the job started); null while queued.')),
        unpriceable: z.int().check(z.describe('Left in their recorded currency: no reference rate to convert them.')),
      }),
      startedAt: z.nullable(z.string()),
      completedAt: z.nullable(z.string()),
    })
    .check(z.describe("The restatement of the user's history after a change of home currency.")),
);

const pendingRestatement = () =>
  z
    .nullable(restatementView())
    .check(
      z.describe(
        'Set while the history is being restated in a new home currency (the figures are then incomplete); null otherwise.',
      ),
    );

const groupFields = () => ({
  key: z.nullable(z.string()).check(z.describe('Category or account id, normalized payee, tag; null: none.')),
  name: z.nullable(z.string()),
  amount: moneySchema().check(z.describe('Spending: expenses minus refunds.')),
  count: z.int(),
  share: percentOrNull("Of the period's total spending, percent with one decimal."),
  previous: moneySchema().check(z.describe('The same group in the previous period of the same length.')),
  change: change(),
});

const group = () =>
  z.strictObject({
    ...groupFields(),
    children: z
      .optional(z.array(z.strictObject(groupFields())))
      .check(z.describe('Subcategories (groupBy=category), included in the amounts above.')),
  });

export const spendingView = z.lazily(() =>
  z.strictObject({
    from: z.string(),
    to: z.string(),
    groupBy: z.enum(['category', 'payee', 'tag', 'account']),
    currency: z.string(),
    total: moneySchema(),
    count: z.int(),
    previousPeriod: z.strictObject({ from: z.string(), to: z.string(), total: moneySchema(), count: z.int() }),
    change: change(),
    groups: z.array(group()),
    otherCurrencies: otherCurrencies(),
    restatement: pendingRestatement(),
  }),
);

const flow = () =>
  z.strictObject({
    income: moneySchema(),
    expense: moneySchema(),
    net: moneySchema(),
    transfers: moneySchema().check(z.describe('Moved between own accounts: neither income nor expense.')),
    savingsRate: percentOrNull('Net of income, percent with one decimal; null without income.'),
    counts: z.strictObject({ income: z.int(), expense: z.int(), transfers: z.int() }),
  });

export const cashFlowView = z.lazily(() =>
  z.strictObject({
    from: z.string(),
    to: z.string(),
    currency: z.string(),
    months: z.array(z.extend(flow(), { month: z.string() })),
    total: flow(),
    otherCurrencies: otherCurrencies(),
    restatement: pendingRestatement(),
  }),
);

const valuation = () =>
  z.union([
    z.strictObject({ source: z.literal('same-currency') }),
    z.strictObject({
      source: z.literal('ECB'),
      rateDate: z.string(),
      rateAgeDays: z.int().check(z.describe('Days between the rate used and the date valued.')),
      provisional: z.boolean(),
    }),
    z
      .strictObject({ source: z.literal('recorded') })
      .check(z.describe('No ECB rate for this currency: the home amounts recorded on its transactions.')),
  ]);

const point = () =>
  z.strictObject({
    date: z.string(),
    total: moneySchema(),
    assets: moneySchema(),
    liabilities: moneySchema(),
    accounts: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        kind: z.string(),
        archived: z.boolean(),
        balance: moneySchema().check(z.describe("On that day, in the account's currency.")),
        value: moneySchema().check(z.describe('In the home currency.')),
        valuation: valuation(),
      }),
    ),
  });

export const netWorthView = z.lazily(() =>
  z.strictObject({
    currency: z.string(),
    interval: z.enum(['day', 'month']),
    points: z.array(point()),
    otherCurrencies: otherCurrencies(),
    restatement: pendingRestatement(),
  }),
);
