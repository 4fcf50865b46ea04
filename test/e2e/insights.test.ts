/**
 * Insights over a year of multi-currency activity: salaries, expenses in EUR, USD and JPY across
 * parent and child categories, payees spelt two ways, tags, a refund, transfers, an edit that moves
 * an expense to another month, category and account, and a deletion. Once the system is at rest,
 * cash flow, spending by every grouping and the month-end balances behind net worth must equal what
 * the test computes itself from the transactions, categories and accounts the API lists.
 */
import { api } from './support/api-client';
import { expectProblem } from './support/expectations';
import { computedInsights, foreignCurrencyDay, reportedInsights } from './support/insights';
import {
  type AccountView,
  createAccount,
  createTransaction,
  expectOk,
  inPool,
  type LedgerUser,
  ledgerUser,
} from './support/ledger';
import { settle } from './support/settle';
import { untilQuiescent } from './support/targets';

// Waits for quiescence with settle(), the local bus's idle signal: skipped (and said so) elsewhere.
const { test } = untilQuiescent('insights');

jest.setTimeout(240_000);

const today = new Date().toISOString().slice(0, 10);
const thisMonth = today.slice(0, 7);

function addMonths(month: string, count: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + m - 1 + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
const from = addMonths(thisMonth, -11);
const months = Array.from({ length: 12 }, (_, i) => addMonths(from, i));
/** A day of `month` no later than today. */
const dayOf = (month: string, day: number) => {
  const date = `${month}-${String(day).padStart(2, '0')}`;
  return date <= today ? date : today;
};
/** Days the bundled ECB file has rates for: foreign money is entered only then. */
const pricedDays = ['2026-01-12', '2026-02-10', '2026-03-16', '2026-04-10'];

let user: LedgerUser;
let other: LedgerUser;
let eur: AccountView;
let usd: AccountView;
let card: AccountView;

beforeAll(async () => {
  [user, other] = await Promise.all([
    ledgerUser({ homeCurrency: 'EUR', timezone: 'UTC' }),
    ledgerUser({ homeCurrency: 'EUR', timezone: 'UTC' }),
  ]);
  [eur, usd, card] = await Promise.all([
    createAccount(user, { name: 'Everyday', currency: 'EUR' }),
    createAccount(user, { name: 'Dollars', kind: 'savings', currency: 'USD' }),
    createAccount(user, { name: 'Card', kind: 'credit_card', currency: 'EUR' }),
  ]);
  const payees = ['ACME Market', 'acme  market ', 'Café Central', null];
  const tags = [[], ['trip'], ['family', 'trip'], ['family']];
  const tasks: (() => Promise<unknown>)[] = [];
  months.forEach((month, m) => {
    tasks.push(() =>
      createTransaction(user, {
        kind: 'income',
        accountId: eur.id,
        money: { amount: 300_000, currency: 'EUR' },
        date: dayOf(month, 1),
        categoryId: 'salary',
        payee: 'Employer',
      }),
    );
    const spend: [string | null, number][] = [
      ['groceries', 4_210 + m * 13],
      ['restaurants', 2_890 + m * 7],
      ['rent', 95_000],
      ['transport', 1_250 + m],
      [null, 777 + m],
      ['food', 1_999],
    ];
    spend.forEach(([categoryId, amount], i) => {
      tasks.push(() =>
        createTransaction(user, {
          accountId: i % 3 === 2 ? card.id : eur.id,
          money: { amount, currency: 'EUR' },
          date: dayOf(month, 2 + i),
          categoryId,
          payee: payees[(m + i) % payees.length] ?? null,
          tags: tags[(m + i) % tags.length] ?? [],
        }),
      );
    });
  });
  for (const [i, date] of pricedDays.entries()) {
    if (date.slice(0, 7) < from) continue;
    tasks.push(...foreignCurrencyDay(user, { eur, usd }, date, i));
  }
  tasks.push(
    // A refund: an income in an expense category lowers spending there.
    () =>
      createTransaction(user, {
        kind: 'income',
        accountId: eur.id,
        money: { amount: 1_500, currency: 'EUR' },
        date: dayOf(thisMonth, 1),
        categoryId: 'groceries',
        payee: 'ACME Market',
      }),
    () =>
      api.post(
        '/v1/transfers',
        {
          fromAccountId: eur.id,
          toAccountId: card.id,
          money: { amount: 50_000, currency: 'EUR' },
          date: dayOf(thisMonth, 1),
        },
        { token: user.token },
      ),
  );
  await inPool(8, tasks);
  // An edit that moves an expense to another month, category and account, and a deletion.
  const moved = await createTransaction(user, {
    accountId: eur.id,
    money: { amount: 8_800, currency: 'EUR' },
    date: dayOf(months[3] as string, 20),
    categoryId: 'transport',
    payee: 'Taxi',
  });
  expectOk(
    await api.patch(
      `/v1/transactions/${moved.id}`,
      { date: dayOf(months[9] as string, 21), categoryId: 'health', accountId: card.id, tags: ['family'] },
      { token: user.token },
    ),
    200,
    'move an expense',
  );
  const gone = await createTransaction(user, {
    accountId: eur.id,
    money: { amount: 66_600, currency: 'EUR' },
    date: dayOf(months[5] as string, 15),
    categoryId: 'shopping',
  });
  expectOk(await api.delete(`/v1/transactions/${gone.id}`, { token: user.token }), 204, 'delete an expense');
  await settle();
});

test('cash flow, spending by every grouping and month-end balances equal the totals of the listed transactions', async () => {
  const reported = await reportedInsights(user, from, thisMonth);
  const computed = await computedInsights(user, from, thisMonth, today);
  expect(reported).toEqual(computed);
  // The figures are not trivially empty.
  expect(Object.keys(reported.spending.category)).toEqual(expect.arrayContaining(['Food', 'Housing', 'Travel']));
  expect(reported.spending.payee['acme market']).toBeGreaterThan(0);
});

test('spending: shares, subcategories and the change against the previous period', async () => {
  const result = expectOk(
    await api.get(`/v1/insights/spending?from=${from}&to=${thisMonth}&groupBy=category`, { token: user.token }),
    200,
    'spending',
  ).json;
  expect(result.currency).toBe('EUR');
  expect(result.previousPeriod.from).toBe(addMonths(from, -12));
  const food = result.groups.find((g: { key: string }) => g.key === 'food');
  expect(food.children.map((c: { name: string }) => c.name).sort()).toEqual(['Groceries', 'Restaurants']);
  const shares = result.groups.reduce((sum: number, g: { share: number }) => sum + g.share, 0);
  expect(shares).toBeGreaterThan(99.5);
  expect(shares).toBeLessThan(100.5);
});

test('net worth today: balances as the accounts show them, foreign ones valued at an ECB rate that says its age', async () => {
  const result = expectOk(await api.get('/v1/insights/net-worth', { token: user.token }), 200, 'net worth').json;
  const [point] = result.points;
  expect(point.date).toBe(today);
  const accounts = expectOk(await api.get('/v1/accounts', { token: user.token }), 200, 'accounts').json.items;
  for (const account of accounts) {
    const detail = point.accounts.find((a: { id: string }) => a.id === account.id);
    expect(detail.balance).toEqual(account.balance);
  }
  const dollars = point.accounts.find((a: { id: string }) => a.id === usd.id);
  expect(dollars.valuation).toMatchObject({ source: 'ECB' });
  expect(dollars.valuation.rateAgeDays).toBeGreaterThanOrEqual(0);
  const everyday = point.accounts.find((a: { id: string }) => a.id === eur.id);
  expect(everyday.value).toEqual(everyday.balance);
  const sum = point.accounts.reduce((s: number, a: { value: { amount: number } }) => s + a.value.amount, 0);
  expect(point.total.amount).toBe(sum);
  expect(point.liabilities.amount).toBeLessThan(0);
});

test("another user sees none of it: empty reports, and no way to name someone else's data", async () => {
  const spending = expectOk(
    await api.get(`/v1/insights/spending?from=${from}&to=${thisMonth}`, { token: other.token }),
    200,
    'spending',
  ).json;
  expect(spending.total.amount).toBe(0);
  expect(spending.groups).toEqual([]);
  const flow = expectOk(await api.get('/v1/insights/cash-flow', { token: other.token }), 200, 'cash flow').json;
  expect(flow.months.every((m: { income: { amount: number } }) => m.income.amount === 0)).toBe(true);
  const worth = expectOk(await api.get('/v1/insights/net-worth', { token: other.token }), 200, 'net worth').json;
  expect(worth.points[0].accounts).toEqual([]);
  expect((await api.get('/v1/insights/cash-flow')).status).toBe(401);
});

test('bad queries are 400 problems naming the field', async () => {
  const get = (path: string) => api.get(path, { token: user.token });
  expectProblem(await get('/v1/insights/spending?groupBy=merchant'), 400, ['groupBy']);
  expectProblem(await get('/v1/insights/spending?from=2026-05&to=2026-04'), 400, ['to']);
  expectProblem(await get('/v1/insights/spending?from=2026-13'), 400, ['from']);
  expectProblem(await get('/v1/insights/cash-flow?months=0'), 400, ['months']);
  expectProblem(await get('/v1/insights/cash-flow?months=121'), 400, ['months']);
  expectProblem(await get('/v1/insights/net-worth?date=2026-02-30'), 400, ['date']);
  expectProblem(await get('/v1/insights/net-worth?date=2026-02-01&from=2026-01'), 400, ['date']);
  expectProblem(await get('/v1/insights/net-worth?from=2026-01&to=2026-03'), 400, ['interval']);
});
