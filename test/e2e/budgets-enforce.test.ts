/**
 * Enforce mode: a budget with `enforce: true` refuses a transaction create or edit that would take
 * its period past the limit — 409 problem `budget-exceeded` naming the budget, the period and by
 * how much — and writes nothing: not the transaction, not the balance, not the budget's spent.
 * The refusal is part of the write itself, so concurrent writes cannot overspend together.
 */
import { type BudgetView, createBudget, getBudget } from './support/alerts';
import { type ApiResult, api } from './support/api-client';
import { expectProblem, expectStatus } from './support/expectations';
import {
  type AccountView,
  balanceCheck,
  createAccount,
  createTransaction,
  inPool,
  type LedgerUser,
  ledgerUser,
  listTransactions,
} from './support/ledger';
import { settle } from './support/settle';
import { closeTable, userDataSortKeys } from './support/table';
import { describeWithMailbox } from './support/targets';

jest.setTimeout(90_000);

afterAll(() => closeTable());

const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** Everything a refused write must leave as it was: the API's figures and the table's items. */
async function stateOf(user: LedgerUser, account: AccountView, budget: BudgetView) {
  const [balance, transactions, current, sortKeys] = await Promise.all([
    balanceCheck(user, account.id),
    listTransactions(user),
    getBudget(user, budget.id),
    userDataSortKeys(user.userId),
  ]);
  return {
    balance,
    transactions,
    spent: current.current.spent,
    // Notification bookkeeping (the welcome mail's claim) lands on its own schedule.
    sortKeys: sortKeys.filter((sk) => !sk.startsWith('NOTIFY')).sort(),
  };
}

function expectBudgetExceeded(result: ApiResult, budget: BudgetView, spent: number, overBy: number) {
  expectProblem(result, 409);
  expect(result.json.type).toMatch(/budget-exceeded$/);
  expect(result.json).toMatchObject({
    budgetId: budget.id,
    budgetName: budget.name,
    periodId: expect.stringMatching(/^\d{4}-\d{2}$/),
    limit: eur(budget.limit.amount),
    spent: eur(spent),
    overBy: eur(overBy),
  });
}

describeWithMailbox('a budget in enforce mode', () => {
  let user: LedgerUser;
  let account: AccountView;
  let budget: BudgetView;

  beforeAll(async () => {
    user = await ledgerUser();
    account = await createAccount(user, { name: 'Everyday', currency: 'EUR' });
    budget = await createBudget(user, { name: 'Hard cap', limit: eur(10_000), enforce: true });
    await settle();
  });

  test('a create that would overspend is refused with the budget and overBy, and writes nothing', async () => {
    const kept = await createTransaction(user, { accountId: account.id, money: eur(6_000), categoryId: 'groceries' });
    await settle();
    const before = await stateOf(user, account, budget);
    expect(before.spent).toEqual(eur(6_000));

    const refused = await api.post(
      '/v1/transactions',
      { kind: 'expense', accountId: account.id, money: eur(5_000), categoryId: 'restaurants', payee: 'Never Written' },
      { token: user.token },
    );
    expectBudgetExceeded(refused, budget, 6_000, 1_000);
    await settle();
    expect(await stateOf(user, account, budget)).toEqual(before);
    expect((await api.get('/v1/payees', { token: user.token })).json.items).toEqual([]);

    // An edit that would overspend is refused the same way, and the transaction keeps its version.
    const edit = await api.patch(`/v1/transactions/${kept.id}`, { money: eur(11_000) }, { token: user.token });
    expectBudgetExceeded(edit, budget, 6_000, 1_000);
    await settle();
    expect(await stateOf(user, account, budget)).toEqual(before);
  });

  test('up to the limit exactly is allowed; one cent more is not; income and lowering edits always are', async () => {
    await createTransaction(user, { accountId: account.id, money: eur(4_000) });
    expect((await getBudget(user, budget.id)).current.spent).toEqual(eur(10_000));
    const refused = await api.post(
      '/v1/transactions',
      { kind: 'expense', accountId: account.id, money: eur(1) },
      { token: user.token },
    );
    expectBudgetExceeded(refused, budget, 10_000, 1);
    await createTransaction(user, { kind: 'income', accountId: account.id, money: eur(50_000) });
    const [big] = (await listTransactions(user)).filter((t) => t.money.amount === 4_000);
    expectStatus(await api.patch(`/v1/transactions/${big?.id}`, { money: eur(3_000) }, { token: user.token }), 200);
    await settle();
    expect((await getBudget(user, budget.id)).current.spent).toEqual(eur(9_000));
    expect((await balanceCheck(user, account.id)).balance).toBe(50_000 - 6_000 - 3_000);
  });

  test('concurrent writes cannot overspend together: the spent never passes the limit', async () => {
    // 1,000 left; eight writes of 300 at once: at most three fit.
    const results = await inPool(
      8,
      Array.from(
        { length: 8 },
        () => () =>
          api.post(
            '/v1/transactions',
            { kind: 'expense', accountId: account.id, money: eur(300) },
            { token: user.token },
          ),
      ),
    );
    const accepted = results.filter((r) => r.status === 201).length;
    for (const result of results.filter((r) => r.status !== 201)) expectProblem(result, 409);
    expect(results.filter((r) => r.json?.type?.endsWith('budget-exceeded')).length).toBeGreaterThanOrEqual(5);
    expect(accepted).toBeLessThanOrEqual(3);
    await settle();
    const spent = (await getBudget(user, budget.id)).current.spent.amount;
    expect(spent).toBe(9_000 + accepted * 300);
    expect(spent).toBeLessThanOrEqual(10_000);
    const check = await balanceCheck(user, account.id);
    expect(check.balance).toBe(check.sum);
    expect(check.balance).toBe(50_000 - 9_000 - accepted * 300);
  });

  test('at the limit, a refund is still accepted: it lowers the spent and makes room again', async () => {
    const { amount: before } = (await getBudget(user, budget.id)).current.spent;
    if (before < 10_000) {
      await createTransaction(user, { accountId: account.id, money: eur(10_000 - before), categoryId: 'groceries' });
    }
    await settle();
    expect((await getBudget(user, budget.id)).current.spent).toEqual(eur(10_000));
    expectBudgetExceeded(
      await api.post(
        '/v1/transactions',
        { kind: 'expense', accountId: account.id, money: eur(1) },
        { token: user.token },
      ),
      budget,
      10_000,
      1,
    );

    await createTransaction(user, {
      kind: 'income',
      accountId: account.id,
      money: eur(1_000),
      categoryId: 'groceries',
    });
    await settle();
    expect((await getBudget(user, budget.id)).current.spent).toEqual(eur(9_000));
    // The room the refund made can be spent; an expense turned into a refund is accepted too.
    const spentAgain = await createTransaction(user, {
      accountId: account.id,
      money: eur(1_000),
      categoryId: 'groceries',
    });
    expectStatus(await api.patch(`/v1/transactions/${spentAgain.id}`, { kind: 'income' }, { token: user.token }), 200);
    await settle();
    expect((await getBudget(user, budget.id)).current.spent).toEqual(eur(8_000));
    const check = await balanceCheck(user, account.id);
    expect(check.balance).toBe(check.sum);
  });
});
