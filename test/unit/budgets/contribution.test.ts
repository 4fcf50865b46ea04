/** What a transaction contributes to a budget: coverage by category and parent, sign, currency, date. */
import { cachedParentOf, contributionOf } from '../../../shared/budgets/contribution';
import { budgetFixture, txn } from './support/budget-fixtures';

const parents: Record<string, string | null> = { groceries: 'food', food: null, dining: null };
const parentOf = async (id: string) => parents[id] ?? null;

test('a covered expense counts positive in the period of its date; a refund in it counts negative', async () => {
  const budget = budgetFixture({ categoryIds: ['food'] });
  expect(await contributionOf(budget, txn({ transactionId: 't', categoryId: 'groceries' }), parentOf)).toEqual({
    periodId: '2026-03',
    amount: 1000,
  });
  expect(
    await contributionOf(
      budget,
      txn({ transactionId: 't', kind: 'income', categoryId: 'food', homeAmount: 250 }),
      parentOf,
    ),
  ).toEqual({ periodId: '2026-03', amount: -250 });
  expect(await contributionOf(budget, txn({ transactionId: 't', categoryId: 'dining' }), parentOf)).toEqual({
    periodId: null,
    amount: 0,
  });
});

test('all spending covers expenses only; transfers, earlier dates and other home currencies never count', async () => {
  const all = budgetFixture({ categoryIds: null, startDate: '2026-03-01' });
  expect((await contributionOf(all, txn({ transactionId: 't', categoryId: null }), parentOf)).amount).toBe(1000);
  expect(
    (await contributionOf(all, txn({ transactionId: 't', kind: 'income', homeAmount: 50 }), parentOf)).amount,
  ).toBe(0);
  expect((await contributionOf(all, txn({ transactionId: 't', kind: 'transfer' }), parentOf)).periodId).toBeNull();
  expect((await contributionOf(all, txn({ transactionId: 't', date: '2026-02-28' }), parentOf)).periodId).toBeNull();
  expect(await contributionOf(all, txn({ transactionId: 't', homeCurrency: 'USD' }), parentOf)).toEqual({
    periodId: null,
    amount: 0,
    currencyMismatch: true,
  });
});

test('each category parent is read once per invocation', async () => {
  const read = jest.fn(async (id: string) => ({ parentId: parents[id] ?? null }));
  const cached = cachedParentOf(read);
  await Promise.all([cached('groceries'), cached('groceries'), cached('dining')]);
  expect(await cached('groceries')).toBe('food');
  expect(read).toHaveBeenCalledTimes(2);
});
