/**
 * The movement lifecycle as a user drives it (docs/lifecycle.md): a new entry is pending, then
 * cleared; void keeps the record and counts nowhere; the account shows its balance and its cleared
 * balance, budgets follow every status change exactly. Reconciliation against a statement reports a
 * difference without changing anything, or locks the cleared transactions it agrees with until they
 * are un-reconciled. Refunds link to their expense, lower the category's spent and never exceed it.
 * Another user can neither reconcile the account nor refund the expense.
 */
import { createBudget, getBudget, todayUtc } from './support/alerts';
import { api } from './support/api-client';
import { expectProblem, expectStatus } from './support/expectations';
import { type AccountView, createAccount, expectOk, type LedgerUser, ledgerUser } from './support/ledger';
import { settle } from './support/settle';
import { closeTable } from './support/table';
import { untilQuiescent } from './support/targets';

// Waits for quiescence with settle(), the local bus's idle signal: skipped (and said so) elsewhere.
const { describe, test } = untilQuiescent('lifecycle');

jest.setTimeout(120_000);

afterAll(() => closeTable());

const eur = (amount: number) => ({ amount, currency: 'EUR' });

type Lifecycle = {
  id: string;
  status: string;
  version: number;
  categoryId: string | null;
  refundOf: string | null;
  refundedAmount: { amount: number; currency: string };
  refundIds: string[];
};
type Figures = { balance: number; cleared: number; reconciled: number };

describe('movement lifecycle', () => {
  let user: LedgerUser;
  let other: LedgerUser;
  let account: AccountView;
  let budgetId: string;

  const figures = async (): Promise<Figures> => {
    const view = expectOk(await api.get(`/v1/accounts/${account.id}`, { token: user.token }), 200, 'get account')
      .json as Record<string, { amount: number }>;
    return {
      balance: view.balance?.amount as number,
      cleared: view.clearedBalance?.amount as number,
      reconciled: view.reconciledBalance?.amount as number,
    };
  };
  const spent = async () => {
    await settle();
    return (await getBudget(user, budgetId)).current.spent.amount;
  };
  const record = async (body: Record<string, unknown>, as: LedgerUser = user) =>
    api.post(
      '/v1/transactions',
      { kind: 'expense', accountId: account.id, categoryId: 'shopping', ...body },
      { token: as.token },
    );
  const created = async (body: Record<string, unknown>) =>
    expectOk(await record(body), 201, 'record').json as Lifecycle;
  const patch = (id: string, body: Record<string, unknown>) =>
    api.patch(`/v1/transactions/${id}`, body, { token: user.token });
  const read = async (id: string) =>
    expectOk(await api.get(`/v1/transactions/${id}`, { token: user.token }), 200, 'read').json as Lifecycle;
  const reconcile = (statementBalance: number, as: LedgerUser = user) =>
    api.post(
      `/v1/accounts/${account.id}/reconcile`,
      { statementDate: todayUtc(), statementBalance },
      { token: as.token },
    );

  beforeAll(async () => {
    [user, other] = await Promise.all([ledgerUser(), ledgerUser()]);
    account = await createAccount(user, { name: 'Everyday', currency: 'EUR' });
    budgetId = (
      await createBudget(user, { name: 'Shopping', limit: eur(100_000), thresholds: [], categoryIds: ['shopping'] })
    ).id;
    await settle();
  });

  test('pending → cleared → void → pending: balance, cleared balance and the budget stay exact', async () => {
    const entry = await created({ money: eur(5_000) });
    expect(entry.status).toBe('pending');
    expect(await figures()).toEqual({ balance: -5_000, cleared: 0, reconciled: 0 });
    expect(await spent()).toBe(5_000);

    expectStatus(await patch(entry.id, { status: 'cleared' }), 200);
    expect(await figures()).toEqual({ balance: -5_000, cleared: -5_000, reconciled: 0 });
    expect(await spent()).toBe(5_000);

    const voided = await patch(entry.id, { status: 'void' });
    expectStatus(voided, 200);
    expect(voided.json).toMatchObject({ status: 'void', version: 3 });
    expect(await figures()).toEqual({ balance: 0, cleared: 0, reconciled: 0 });
    expect(await spent()).toBe(0);
    expect((await read(entry.id)).status).toBe('void');

    expectStatus(await patch(entry.id, { status: 'pending' }), 200);
    expect(await figures()).toEqual({ balance: -5_000, cleared: 0, reconciled: 0 });
    expect(await spent()).toBe(5_000);
  });

  test('a statement that does not match: 409 with the difference, and nothing changes', async () => {
    const income = await created({ kind: 'income', categoryId: null, money: eur(20_000), status: 'cleared' });
    expect(income.status).toBe('cleared');
    const before = await figures();
    expect(before).toEqual({ balance: 15_000, cleared: 20_000, reconciled: 0 });

    const wrong = await reconcile(19_000);
    expectProblem(wrong, 409, ['statementBalance']);
    expect(wrong.json).toMatchObject({
      type: 'urn:moneta:problem:statement-mismatch',
      difference: eur(-1_000),
      computedBalance: eur(20_000),
    });
    expect(await figures()).toEqual(before);
    expect((await read(income.id)).status).toBe('cleared');
  });

  test('a statement that matches reconciles; reconciled transactions refuse edits until un-reconciled', async () => {
    const [income] = (
      expectOk(
        await api.get(`/v1/transactions?accountId=${account.id}&kind=income`, { token: user.token }),
        200,
        'list',
      ).json as { items: Lifecycle[] }
    ).items;
    const id = (income as Lifecycle).id;

    const agreed = await reconcile(20_000);
    expectStatus(agreed, 200);
    expect(agreed.json).toEqual({
      reconciled: true,
      reconciledCount: 1,
      reconciledBalance: eur(20_000),
      statementDate: todayUtc(),
    });
    expect(await figures()).toEqual({ balance: 15_000, cleared: 20_000, reconciled: 20_000 });
    expect((await read(id)).status).toBe('reconciled');

    expectProblem(await patch(id, { note: 'edited' }), 409, ['status']);
    expectProblem(await patch(id, { status: 'void' }), 409, ['status']);
    expectProblem(await patch(id, { status: 'cleared' }), 409, ['status']);
    expectProblem(await api.delete(`/v1/transactions/${id}`, { token: user.token }), 409, ['status']);
    expect((await read(id)).status).toBe('reconciled');

    // The same statement again changes nothing and agrees.
    expect((await reconcile(20_000)).json).toMatchObject({ reconciled: true, reconciledCount: 0 });

    const unlocked = await patch(id, { status: 'cleared', unreconcile: true });
    expectStatus(unlocked, 200);
    expect(unlocked.json).toMatchObject({ status: 'cleared' });
    expect(await figures()).toEqual({ balance: 15_000, cleared: 20_000, reconciled: 0 });
    expectStatus(await patch(id, { note: 'salary' }), 200);
  });

  test('a refund links to its expense, lowers the spent, and refunds never exceed the expense', async () => {
    const base = await spent();
    const purchase = await created({ money: eur(3_000), status: 'cleared' });

    const refund = await record({ kind: 'income', categoryId: undefined, money: eur(1_000), refundOf: purchase.id });
    expectStatus(refund, 201);
    const refundId = (refund.json as Lifecycle).id;
    expect(refund.json).toMatchObject({ kind: 'income', categoryId: 'shopping', refundOf: purchase.id });
    expect(await read(purchase.id)).toMatchObject({ refundedAmount: eur(1_000), refundIds: [refundId] });
    expect(await spent()).toBe(base + 3_000 - 1_000);

    const over = await record({ kind: 'income', categoryId: undefined, money: eur(2_001), refundOf: purchase.id });
    expectProblem(over, 422, ['money.amount']);
    const ofIncome = await record({ kind: 'income', categoryId: undefined, money: eur(100), refundOf: refundId });
    expectProblem(ofIncome, 422, ['refundOf']);
    const unknown = await record({
      kind: 'income',
      categoryId: undefined,
      money: eur(100),
      refundOf: '01JQZZZZZZZZZZZZZZZZZZZZZZ',
    });
    expectProblem(unknown, 422, ['refundOf']);

    const rest = await record({ kind: 'income', categoryId: undefined, money: eur(2_000), refundOf: purchase.id });
    expectStatus(rest, 201);
    expect((await read(purchase.id)).refundedAmount).toEqual(eur(3_000));
    expect(await spent()).toBe(base);
    expectProblem(await api.delete(`/v1/transactions/${purchase.id}`, { token: user.token }), 409);

    // Voiding a refund gives its amount back to the expense's refundable rest, and to the spent.
    expectStatus(await patch(refundId, { status: 'void' }), 200);
    expect((await read(purchase.id)).refundedAmount).toEqual(eur(2_000));
    expect(await spent()).toBe(base + 1_000);
  });

  test('another user can neither reconcile the account nor refund the expense', async () => {
    const purchase = await created({ money: eur(4_000) });
    const before = await figures();

    expectProblem(await reconcile(before.cleared, other), 404);

    const theirs = await createAccount(other, { name: 'Theirs', currency: 'EUR' });
    const foreign = await api.post(
      '/v1/transactions',
      { kind: 'income', accountId: theirs.id, money: eur(1_000), refundOf: purchase.id },
      { token: other.token },
    );
    expectProblem(foreign, 422, ['refundOf']);
    expect(await read(purchase.id)).toMatchObject({ refundedAmount: eur(0), refundIds: [] });
    expect(await figures()).toEqual(before);
    expectProblem(await api.get(`/v1/transactions/${purchase.id}`, { token: other.token }), 404);
  });
});
