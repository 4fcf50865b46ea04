/**
 * A budget's history follows every change of its transactions: editing the amount, the category
 * (in or out of the budget, through a parent category) and the date (into another month), and
 * deleting, each moves the totals of GET /v1/budgets/{id}/periods to exactly what the ledger now
 * holds. Foreign-currency spending counts its home amount; income and transfers count for no
 * spending budget; weekly budgets count by ISO week.
 */
import { createBudget, monthOf, spentByPeriod, todayUtc } from './support/alerts';
import { api } from './support/api-client';
import { expectProblem, expectStatus } from './support/expectations';
import {
  type AccountView,
  createAccount,
  createTransaction,
  expectOk,
  type LedgerUser,
  ledgerUser,
  type TransactionView,
} from './support/ledger';
import { settle } from './support/settle';
import { closeTable } from './support/table';
import { describeWithMailbox } from './support/targets';

jest.setTimeout(90_000);

afterAll(() => closeTable());

const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** ISO 8601 week of a date: `2026-W47` (weeks start on Monday; week 1 holds the first Thursday). */
function isoWeek(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7;
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000)) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

describeWithMailbox('budget periods follow edits and deletes', () => {
  const today = todayUtc();
  const [m2, m1, m0] = [monthOf(today, -2), monthOf(today, -1), monthOf(today, 0)];
  const day = (month: { id: string }, d: number) => `${month.id}-${String(d).padStart(2, '0')}`;
  let user: LedgerUser;
  let account: AccountView;
  let dollars: AccountView;
  let food: string;
  let all: string;
  let t1: TransactionView;
  let t2: TransactionView;
  let t3: TransactionView;

  const edit = async (transaction: TransactionView, patch: Record<string, unknown>) =>
    expectOk(await api.patch(`/v1/transactions/${transaction.id}`, patch, { token: user.token }), 200, 'edit')
      .json as TransactionView;
  /** Both budgets' months after everything settled. */
  const totals = async () => {
    await settle();
    const [forFood, forAll] = await Promise.all([
      spentByPeriod(user, food, m2.start, today),
      spentByPeriod(user, all, m2.start, today),
    ]);
    return { food: forFood, all: forAll };
  };
  const months = (a: number, b: number, c: number) => ({ [m2.id]: a, [m1.id]: b, [m0.id]: c });

  beforeAll(async () => {
    user = await ledgerUser();
    [account, dollars] = await Promise.all([
      createAccount(user, { name: 'Everyday', currency: 'EUR' }),
      createAccount(user, { name: 'Dollars', currency: 'USD' }),
    ]);
    food = (await createBudget(user, { name: 'Food', limit: eur(100_000), categoryIds: ['food'], startDate: m2.start }))
      .id;
    all = (await createBudget(user, { name: 'All spending', limit: eur(500_000), startDate: m2.start })).id;
    await settle();
  });

  test('new transactions count in their month, food through its subcategories', async () => {
    t1 = await createTransaction(user, {
      accountId: account.id,
      money: eur(3_000),
      categoryId: 'groceries',
      date: day(m1, 5),
    });
    t2 = await createTransaction(user, {
      accountId: account.id,
      money: eur(2_000),
      categoryId: 'restaurants',
      date: day(m0, 1),
    });
    t3 = await createTransaction(user, {
      accountId: account.id,
      money: eur(1_000),
      categoryId: 'transport',
      date: day(m0, 1),
    });
    expect(await totals()).toEqual({ food: months(0, 3_000, 2_000), all: months(0, 3_000, 3_000) });
  });

  test('editing the amount', async () => {
    t1 = await edit(t1, { money: eur(4_500) });
    expect(await totals()).toEqual({ food: months(0, 4_500, 2_000), all: months(0, 4_500, 3_000) });
  });

  test('editing the category out of the budget, and another one into it', async () => {
    t1 = await edit(t1, { categoryId: 'transport' });
    t3 = await edit(t3, { categoryId: 'groceries' });
    expect(await totals()).toEqual({ food: months(0, 0, 3_000), all: months(0, 4_500, 3_000) });
  });

  test('editing the date into another month, with and without the amount', async () => {
    t3 = await edit(t3, { date: day(m2, 20) });
    t2 = await edit(t2, { date: day(m1, 28), money: eur(2_500) });
    expect(await totals()).toEqual({ food: months(1_000, 2_500, 0), all: months(1_000, 7_000, 0) });
  });

  test('deleting', async () => {
    expectStatus(await api.delete(`/v1/transactions/${t2.id}`, { token: user.token }), 204);
    expect(await totals()).toEqual({ food: months(1_000, 0, 0), all: months(1_000, 4_500, 0) });
  });

  test('foreign spending counts its home amount; income and transfers count nothing', async () => {
    const usd = await createTransaction(user, {
      accountId: dollars.id,
      money: { amount: 5_000, currency: 'USD' },
      categoryId: 'groceries',
      date: day(m0, 1),
    });
    expect(usd.homeAmount.currency).toBe('EUR');
    const home = -usd.homeAmount.amount;
    expect(home).toBeGreaterThan(0);
    await createTransaction(user, { kind: 'income', accountId: account.id, money: eur(90_000), date: day(m0, 1) });
    expectStatus(
      await api.post(
        '/v1/transfers',
        { fromAccountId: account.id, toAccountId: dollars.id, money: eur(10_000), date: day(m0, 1) },
        { token: user.token },
      ),
      201,
    );
    expect(await totals()).toEqual({ food: months(1_000, 0, home), all: months(1_000, 4_500, home) });
  });

  test('the history lists every month with its limit, spent and remaining', async () => {
    const periods = (await api.get(`/v1/budgets/${food}/periods?from=${m2.start}&to=${today}`, { token: user.token }))
      .json.items;
    expect(periods.map((p: { periodId: string }) => p.periodId)).toEqual([m2.id, m1.id, m0.id]);
    expect(periods[0]).toMatchObject({
      start: m2.start,
      end: m2.end,
      limit: eur(100_000),
      spent: eur(1_000),
      remaining: eur(99_000),
      percent: 1,
    });
    expectProblem(
      await api.get(`/v1/budgets/${food}/periods?from=${today}&to=${m2.start}`, { token: user.token }),
      400,
      ['to'],
    );
  });
});

describeWithMailbox('a weekly budget', () => {
  test('counts by ISO week, Monday first', async () => {
    const user = await ledgerUser();
    const account = await createAccount(user, { name: 'Main', currency: 'EUR' });
    const today = todayUtc();
    // The Monday of this week and the Sunday before it: two different ISO weeks.
    const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
    const monday = new Date(Date.parse(`${today}T00:00:00Z`) - weekday * 86_400_000).toISOString().slice(0, 10);
    const sunday = new Date(Date.parse(`${monday}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const lastMonday = new Date(Date.parse(`${monday}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
    const budget = await createBudget(user, {
      name: 'Weekly',
      period: 'weekly',
      limit: eur(10_000),
      startDate: lastMonday,
    });
    await settle();
    await createTransaction(user, { accountId: account.id, money: eur(700), date: sunday });
    await createTransaction(user, { accountId: account.id, money: eur(300), date: monday });
    await settle();
    expect(await spentByPeriod(user, budget.id, lastMonday, today)).toEqual({
      [isoWeek(sunday)]: 700,
      [isoWeek(monday)]: 300,
    });
  });
});
