/**
 * Refunds as a user records them: money back on a purchase is an income in the purchase's expense
 * category. It raises the account balance and lowers what the category's budgets have spent in its
 * period — a budget over the category and an all-spending budget alike. The alert already sent
 * stays the only one: falling back below a threshold and crossing it again sends nothing
 * (docs/budgets.md, Alerts). An expense edited into an income becomes a refund the same way, and
 * deleting a refund puts the spending back. An expense in an income category (salary paid back)
 * reverses income and counts for no budget.
 */
import { alertMails, createBudget, derivedFacts, getBudget, kindOf, waitForAlertMails } from './support/alerts';
import { api } from './support/api-client';
import { expectProblem, expectStatus } from './support/expectations';
import {
  type AccountView,
  createAccount,
  createTransaction,
  expectOk,
  getAccount,
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

describeWithMailbox('refunds', () => {
  let user: LedgerUser;
  let account: AccountView;
  let shoppingId: string;
  let everythingId: string;
  let refund: TransactionView;

  const record = (kind: 'expense' | 'income', amount: number, categoryId: string | null = 'shopping') =>
    createTransaction(user, { kind, accountId: account.id, money: eur(amount), categoryId });
  const balance = async () => (await getAccount(user, account.id)).balance.amount;
  const spent = async () => ({
    shopping: (await getBudget(user, shoppingId)).current.spent.amount,
    everything: (await getBudget(user, everythingId)).current.spent.amount,
  });
  /** Lets late or duplicate deliveries show up before counting mails. */
  const quiet = async () => {
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await settle();
  };

  beforeAll(async () => {
    user = await ledgerUser();
    account = await createAccount(user, { name: 'Everyday', currency: 'EUR' });
    shoppingId = (
      await createBudget(user, {
        name: 'Shopping',
        limit: eur(10_000),
        thresholds: [80],
        categoryIds: ['shopping'],
      })
    ).id;
    everythingId = (await createBudget(user, { name: 'Everything', limit: eur(100_000), thresholds: [] })).id;
    await settle();
  });

  test('90.00 of a 100.00 budget: one alert for 80 %', async () => {
    await record('expense', 9_000);
    await waitForAlertMails(user.email, (mail) => kindOf(mail) === 'budgetThreshold');
    await settle();
    expect((await alertMails(user.email)).map(kindOf)).toEqual(['budgetThreshold']);
    expect(await spent()).toEqual({ shopping: 9_000, everything: 9_000 });
    expect(await balance()).toBe(-9_000);
  });

  test('a refund of 20.00 in the same category: 201, the balance rises, spent drops to 70.00', async () => {
    const response = await api.post(
      '/v1/transactions',
      { kind: 'income', accountId: account.id, money: eur(2_000), categoryId: 'shopping', payee: 'Shoe Shop' },
      { token: user.token },
    );
    refund = expectOk(response, 201, 'record a refund').json as TransactionView;
    expect(refund).toMatchObject({ kind: 'income', categoryId: 'shopping', accountAmount: eur(2_000) });
    expect(await balance()).toBe(-9_000 + 2_000);
    await settle();
    expect(await spent()).toEqual({ shopping: 7_000, everything: 7_000 });
    const current = (await getBudget(user, shoppingId)).current;
    expect(current).toMatchObject({ percent: 70, remaining: eur(3_000) });
  });

  test('crossing 80 % again in the same period sends no second alert', async () => {
    await record('expense', 1_500);
    await quiet();
    const budget = await getBudget(user, shoppingId);
    expect(budget.current).toMatchObject({ spent: eur(8_500), percent: 85 });
    expect((await alertMails(user.email)).map(kindOf)).toEqual(['budgetThreshold']);
    expect((await derivedFacts(user.userId)).alerts).toEqual([`${shoppingId}#${budget.current.periodId}#80`]);
  });

  test('an expense PATCHed into an income becomes a refund: 200, the balance and the spent move twice its amount', async () => {
    const mistaken = await record('expense', 500);
    await settle();
    expect(await spent()).toEqual({ shopping: 9_000, everything: 9_000 });
    const before = await balance();
    const flipped = await api.patch(
      `/v1/transactions/${mistaken.id}`,
      { kind: 'income' },
      { token: user.token, headers: { 'if-match': '"1"' } },
    );
    expectStatus(flipped, 200);
    expect(flipped.json).toMatchObject({ kind: 'income', categoryId: 'shopping', accountAmount: eur(500), version: 2 });
    expect(await balance()).toBe(before + 1_000);
    await settle();
    expect(await spent()).toEqual({ shopping: 8_000, everything: 8_000 });
  });

  test('deleting a refund puts its amount back on the spent and takes it off the balance', async () => {
    const before = await balance();
    expectStatus(await api.delete(`/v1/transactions/${refund.id}`, { token: user.token }), 204);
    expect(await balance()).toBe(before - 2_000);
    await quiet();
    expect(await spent()).toEqual({ shopping: 10_000, everything: 10_000 });
    expect((await alertMails(user.email)).map(kindOf)).toEqual(['budgetThreshold']);
  });

  test('an expense in an income category reverses income: the balance falls, no budget counts it', async () => {
    const before = await balance();
    const reversal = await record('expense', 30_000, 'salary');
    expect(reversal).toMatchObject({ kind: 'expense', categoryId: 'salary', accountAmount: eur(-30_000) });
    expect(await balance()).toBe(before - 30_000);
    await settle();
    expect(await spent()).toEqual({ shopping: 10_000, everything: 10_000 });
  });

  test('a category that does not exist or is not an id is refused, naming the field, and nothing is written', async () => {
    const before = await getAccount(user, account.id);
    const post = (categoryId: unknown) =>
      api.post(
        '/v1/transactions',
        { kind: 'income', accountId: account.id, money: eur(100), categoryId },
        { token: user.token },
      );
    const missing = await post('no-such-category');
    expectProblem(missing, 404);
    expect(missing.json.detail).toMatch(/category/);
    expectProblem(await post(42), 400, ['categoryId']);
    expect(await getAccount(user, account.id)).toEqual(before);
  });
});
