/**
 * The rules of totals across a movement's life (docs/lifecycle.md), without I/O: what each status
 * adds to an account's balance, its pending and reconciled parts, budgets, insights and goals; the
 * lock on reconciled transactions; and the arithmetic of refund links.
 */
import { contributionOf as budgetContribution } from '../../../shared/budgets/contribution';
import { exportRowOf, storedRowOf } from '../../../shared/exports/rows';
import { summaryOf } from '../../../shared/exports/workbook';
import { transactionValue } from '../../../shared/goals/sources';
import { contributionOf as insightContribution } from '../../../shared/insights/contribution';
import { asProblem } from '../../../shared/kit/http/problems';
import { type TransactionItem, type TransactionStatus, transactionStatuses } from '../../../shared/transactions/items';
import { deltasBetween, planDelete, planTransfer, planUpdate } from '../../../shared/transactions/plan';
import { checkRefund, withRefund } from '../../../shared/transactions/refunds';
import { createTransferBody, patchTransactionBody } from '../../../shared/transactions/schemas';
import { toTransactionView } from '../../../shared/transactions/views';
import { accountFixture, transactionFixture } from './support/ledger-fixtures';

const NOW = '2026-01-10T12:00:00.000Z';
const patch = (body: Record<string, unknown>) => patchTransactionBody().parse(body);
const expense = (overrides: Partial<TransactionItem> = {}) => transactionFixture(overrides);

/** What an account shows, summed from the deltas applied so far. */
type Figures = { balance: number; pending: number; reconciled: number; count: number };
const applied = (figures: Figures, before: TransactionItem[], after: TransactionItem[]): Figures => {
  const [delta] = deltasBetween(before, after).accounts;
  if (!delta) return figures;
  return {
    balance: figures.balance + delta.balance,
    pending: figures.pending + (delta.pending ?? 0),
    reconciled: figures.reconciled + (delta.reconciled ?? 0),
    count: figures.count + delta.count,
  };
};
/** The same figures computed from scratch from what the account holds now. */
const expected = (item: TransactionItem): Figures => {
  const status = item.status ?? 'cleared';
  return {
    balance: status === 'void' ? 0 : item.accountAmount,
    pending: status === 'pending' ? item.accountAmount : 0,
    reconciled: status === 'reconciled' ? item.accountAmount : 0,
    count: 1,
  };
};

const problemOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return asProblem(error);
  }
  throw new Error('expected a refusal');
};

describe('what each status counts', () => {
  test.each(transactionStatuses.map((status) => [status]))('a new %s entry', (status) => {
    const item = expense({ status });
    expect(applied({ balance: 0, pending: 0, reconciled: 0, count: 0 }, [], [item])).toEqual(expected(item));
  });

  test('an item stored before statuses counts as cleared: in the balance, in neither part', () => {
    const old = expense();
    expect(old.status).toBeUndefined();
    expect(deltasBetween([], [old]).accounts).toEqual([{ accountId: 'acc-eur', balance: -1250, count: 1 }]);
    expect(toTransactionView(old).status).toBe('cleared');
  });

  test('every sequence of status changes leaves the figures those of the last status', () => {
    const path: TransactionStatus[] = ['pending', 'cleared', 'void', 'pending', 'void', 'cleared', 'reconciled'];
    let item = expense({ status: 'pending' });
    let figures = applied({ balance: 0, pending: 0, reconciled: 0, count: 0 }, [], [item]);
    for (const status of path.slice(1)) {
      const next: TransactionItem = { ...item, status, version: item.version + 1 };
      figures = applied(figures, [item], [next]);
      expect(figures).toEqual(expected(next));
      item = next;
    }
  });

  test('pending → cleared moves only the pending part (the cleared balance), not the balance', () => {
    const { deltas } = planUpdate(expense({ status: 'pending' }), patch({ status: 'cleared' }), { now: NOW });
    expect(deltas.accounts).toEqual([{ accountId: 'acc-eur', balance: 0, count: 0, pending: 1250 }]);
  });

  test('void takes the amount off the balance once; void → pending adds it back', () => {
    const cleared = expense({ status: 'cleared' });
    const voided = planUpdate(cleared, patch({ status: 'void' }), { now: NOW });
    expect(voided.deltas.accounts).toEqual([{ accountId: 'acc-eur', balance: 1250, count: 0 }]);
    const back = planUpdate(voided.item, patch({ status: 'pending' }), { now: NOW });
    expect(back.deltas.accounts).toEqual([{ accountId: 'acc-eur', balance: -1250, count: 0, pending: -1250 }]);
  });

  test('an amount edit of a void entry moves nothing but the record', () => {
    const { deltas } = planUpdate(expense({ status: 'void' }), patch({ money: { amount: 9000, currency: 'EUR' } }), {
      now: NOW,
    });
    expect(deltas.accounts).toEqual([]);
  });

  test('a void entry counts 0 in budgets, insights and goals; any other status counts in full', async () => {
    const budget = { categoryIds: ['groceries'], currency: 'EUR', period: 'monthly' as const, startDate: '2026-01-01' };
    const categoryOf = async () => ({ parentId: null, kind: 'expense' as const });
    for (const status of transactionStatuses) {
      const item = expense({ status, tags: ['goal:01kf0000000000000000000000'] });
      const counts = status !== 'void';
      expect((await budgetContribution(budget, item, categoryOf)).amount).toBe(counts ? 1250 : 0);
      expect(Object.keys((await insightContribution(item, categoryOf)).lines).length > 0).toBe(counts);
      expect(transactionValue(item, 'EUR')).toEqual({ kind: 'exact', amount: counts ? -1250 : 0 });
    }
  });
});

describe('transfers and exports', () => {
  test('a transfer starts both legs in the stated status: cleared moves no pending part', () => {
    const body = (status?: string) =>
      createTransferBody().parse({
        fromAccountId: 'acc-eur',
        toAccountId: 'acc-sav',
        money: { amount: 10000, currency: 'EUR' },
        ...(status ? { status } : {}),
      });
    const ctx = {
      transferId: 'T1',
      outLegId: 'T1',
      inLegId: 'T2',
      now: NOW,
      date: '2026-01-05',
      from: accountFixture(),
      to: accountFixture({ accountId: 'acc-sav' }),
      homeCurrency: 'EUR',
      rates: undefined,
    };
    const pending = planTransfer(body(), ctx);
    expect([pending.outLeg.status, pending.inLeg.status]).toEqual(['pending', 'pending']);
    expect(pending.deltas.accounts.map((d) => d.pending)).toEqual([-10000, 10000]);
    const cleared = planTransfer(body('cleared'), ctx);
    expect([cleared.outLeg.status, cleared.inLeg.status]).toEqual(['cleared', 'cleared']);
    expect(cleared.deltas.accounts.map((d) => d.pending)).toEqual([undefined, undefined]);
  });

  test("an export lists a void movement but leaves it out of the summary's totals", () => {
    const names = { accounts: new Map(), categories: new Map() };
    const rows = [expense({ status: 'cleared' }), expense({ transactionId: 'V', status: 'void', amount: 999 })].map(
      (item) => exportRowOf(storedRowOf(item), names),
    );
    expect(rows).toHaveLength(2);
    expect(summaryOf(rows).byMonth).toEqual([{ key: '2026-01', currency: 'EUR', amount: -1250 }]);
  });
});

describe('reconciled transactions are locked', () => {
  const reconciled = expense({ status: 'reconciled' });

  test.each([
    [{ note: 'edited' }],
    [{ status: 'void' }],
    [{ status: 'cleared' }],
    [{ status: 'cleared', unreconcile: true, note: 'and more' }],
  ])('PATCH %j is 409 naming status', (body) => {
    const problem = problemOf(() => planUpdate(reconciled, patch(body), { now: NOW }));
    expect(problem).toMatchObject({ status: 409, slug: 'reconciled' });
    expect(problem?.extensions?.errors).toEqual([{ in: 'body', field: 'status', message: 'is reconciled' }]);
  });

  test('un-reconciling makes it cleared: only the reconciled part moves', () => {
    const { item, deltas } = planUpdate(reconciled, patch({ status: 'cleared', unreconcile: true }), { now: NOW });
    expect(item.status).toBe('cleared');
    expect(deltas.accounts).toEqual([{ accountId: 'acc-eur', balance: 0, count: 0, reconciled: 1250 }]);
  });

  test('deleting it is 409 naming status', () => {
    expect(problemOf(() => planDelete([reconciled]))).toMatchObject({ status: 409, slug: 'reconciled' });
  });

  test('a transfer leg may change its status alone', () => {
    const leg = expense({ kind: 'transfer', transferId: 'T1', status: 'pending', categoryId: null });
    expect(planUpdate(leg, patch({ status: 'cleared' }), { now: NOW }).item.status).toBe('cleared');
  });
});

describe('refund links', () => {
  const purchase = expense({ transactionId: 'P', status: 'cleared', amount: 3000, accountAmount: -3000 });
  const refund = (amount: number, overrides: Partial<TransactionItem> = {}) =>
    expense({
      transactionId: `R${amount}`,
      kind: 'income',
      amount,
      accountAmount: amount,
      homeAmount: amount,
      refundOf: 'P',
      status: 'pending',
      ...overrides,
    });
  const refusal = (run: () => void) => problemOf(run)?.errors?.[0]?.field;

  test('up to the expense in full is accepted; a minor unit more is refused naming money.amount', () => {
    expect(() => checkRefund(purchase, refund(3000), 0)).not.toThrow();
    expect(() => checkRefund(purchase, refund(1000), 2000)).not.toThrow();
    expect(refusal(() => checkRefund(purchase, refund(1001), 2000))).toBe('money.amount');
  });

  test('an unknown transaction, a transfer, one of the same kind, a void one, another currency or category are refused', () => {
    expect(refusal(() => checkRefund(undefined, refund(10), 0))).toBe('refundOf');
    expect(refusal(() => checkRefund({ ...purchase, kind: 'transfer' }, refund(10), 0))).toBe('refundOf');
    expect(refusal(() => checkRefund({ ...purchase, kind: 'income' }, refund(10), 0))).toBe('kind');
    expect(refusal(() => checkRefund({ ...purchase, status: 'void' }, refund(10), 0))).toBe('refundOf');
    expect(refusal(() => checkRefund(purchase, refund(10, { accountCurrency: 'USD' }), 0))).toBe('refundOf');
    expect(refusal(() => checkRefund(purchase, refund(10, { categoryId: 'other' }), 0))).toBe('categoryId');
    expect(refusal(() => checkRefund(purchase, refund(10, { kind: 'expense' }), 0))).toBe('kind');
  });

  test("the expense's figures follow its refunds: created, voided, deleted", () => {
    const one = withRefund(purchase, undefined, refund(1000), NOW);
    expect(one).toMatchObject({ refundedAmount: 1000, refundIds: ['R1000'], version: 2 });
    const two = withRefund(one, undefined, refund(500), NOW);
    expect(two).toMatchObject({ refundedAmount: 1500, refundIds: ['R1000', 'R500'] });
    const voided = withRefund(two, refund(500), refund(500, { status: 'void' }), NOW);
    expect(voided).toMatchObject({ refundedAmount: 1000, refundIds: ['R1000', 'R500'] });
    const deleted = withRefund(voided, refund(1000), undefined, NOW);
    expect(deleted).toMatchObject({ refundedAmount: 0, refundIds: ['R500'], version: 5 });
  });

  test('an income is refunded by an expense the same way: up to the income, in its category and currency', () => {
    const earned = expense({
      transactionId: 'I',
      kind: 'income',
      categoryId: 'business',
      amount: 3000,
      accountAmount: 3000,
    });
    const giveBack = (amount: number, overrides: Partial<TransactionItem> = {}) =>
      expense({
        transactionId: `G${amount}`,
        categoryId: 'business',
        amount,
        accountAmount: -amount,
        homeAmount: -amount,
        refundOf: 'I',
        ...overrides,
      });
    expect(() => checkRefund(earned, giveBack(3000), 0)).not.toThrow();
    expect(refusal(() => checkRefund(earned, giveBack(1001), 2000))).toBe('money.amount');
    expect(refusal(() => checkRefund(earned, giveBack(10, { kind: 'income', accountAmount: 10 }), 0))).toBe('kind');
    expect(refusal(() => checkRefund(earned, giveBack(10, { categoryId: 'salary' }), 0))).toBe('categoryId');
    expect(refusal(() => checkRefund({ ...earned, status: 'void' }, giveBack(10), 0))).toBe('refundOf');
    // A refund is not refunded in turn: links stay one deep.
    expect(refusal(() => checkRefund({ ...earned, refundOf: 'P' }, giveBack(10), 0))).toBe('refundOf');
    expect(withRefund(earned, undefined, giveBack(500), NOW)).toMatchObject({
      refundedAmount: 500,
      refundIds: ['G500'],
    });
    const refunded = { ...earned, refundedAmount: 500, refundIds: ['G500'] };
    expect(problemOf(() => planUpdate(refunded, patch({ kind: 'expense' }), { now: NOW }))).toMatchObject({
      status: 422,
    });
    expect(problemOf(() => planDelete([refunded]))).toMatchObject({ status: 409, slug: 'has-refunds' });
  });

  test('a refunded expense cannot shrink below its refunds, stop being an expense, or be deleted', () => {
    const refunded = { ...purchase, refundedAmount: 2000, refundIds: ['R2000'] };
    const shrink = problemOf(() =>
      planUpdate(refunded, patch({ money: { amount: 1999, currency: 'EUR' } }), { now: NOW }),
    );
    expect(shrink).toMatchObject({ status: 422 });
    expect(problemOf(() => planUpdate(refunded, patch({ kind: 'income' }), { now: NOW }))).toMatchObject({
      status: 422,
    });
    expect(problemOf(() => planDelete([refunded]))).toMatchObject({ status: 409, slug: 'has-refunds' });
  });
});
