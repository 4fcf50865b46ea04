/** What a transaction contributes to a budget: coverage by category and parent, sign, currency, date. */
import { cachedCategoryOf, contributionOf } from '../../../shared/budgets/contribution';
import { budgetFixture, txn } from './support/budget-fixtures';

const categories: Record<string, { parentId: string | null; kind: 'expense' | 'income' }> = {
  food: { parentId: null, kind: 'expense' },
  groceries: { parentId: 'food', kind: 'expense' },
  dining: { parentId: null, kind: 'expense' },
  salary: { parentId: null, kind: 'income' },
};
const categoryOf = async (id: string) => categories[id];

test('a covered expense counts positive in the period of its date; a refund in it counts negative', async () => {
  const budget = budgetFixture({ categoryIds: ['food'] });
  expect(await contributionOf(budget, txn({ transactionId: 't', categoryId: 'groceries' }), categoryOf)).toEqual({
    periodId: '2026-03',
    amount: 1000,
  });
  expect(
    await contributionOf(
      budget,
      txn({ transactionId: 't', kind: 'income', categoryId: 'food', homeAmount: 250 }),
      categoryOf,
    ),
  ).toEqual({ periodId: '2026-03', amount: -250 });
  expect(await contributionOf(budget, txn({ transactionId: 't', categoryId: 'dining' }), categoryOf)).toEqual({
    periodId: null,
    amount: 0,
  });
});

test('all spending: expenses and refunds in expense categories, uncategorized expenses; never an income category', async () => {
  const all = budgetFixture({ categoryIds: null, startDate: '2026-03-01' });
  const count = async (overrides: Parameters<typeof txn>[0]) =>
    (await contributionOf(all, txn(overrides), categoryOf)).amount;
  expect(await count({ transactionId: 't', categoryId: null })).toBe(1000);
  expect(await count({ transactionId: 't', categoryId: 'groceries' })).toBe(1000);
  // A refund of a purchase lowers spending, as it does in a budget over its category.
  expect(await count({ transactionId: 't', kind: 'income', categoryId: 'groceries', homeAmount: 50 })).toBe(-50);
  // Income is not spending: uncategorized, in an income category, or reversed (salary paid back).
  expect(await count({ transactionId: 't', kind: 'income', categoryId: null, homeAmount: 50 })).toBe(0);
  expect(await count({ transactionId: 't', kind: 'income', categoryId: 'salary', homeAmount: 50 })).toBe(0);
  expect(await count({ transactionId: 't', kind: 'expense', categoryId: 'salary', homeAmount: -50 })).toBe(0);
  // A category that no longer exists (only an old event can name one): the transaction's kind decides.
  expect(await count({ transactionId: 't', categoryId: 'gone' })).toBe(1000);
  expect(await count({ transactionId: 't', kind: 'income', categoryId: 'gone', homeAmount: 50 })).toBe(0);
});

test('transfers, earlier dates and other home currencies never count', async () => {
  const all = budgetFixture({ categoryIds: null, startDate: '2026-03-01' });
  expect((await contributionOf(all, txn({ transactionId: 't', kind: 'transfer' }), categoryOf)).periodId).toBeNull();
  expect((await contributionOf(all, txn({ transactionId: 't', date: '2026-02-28' }), categoryOf)).periodId).toBeNull();
  expect(await contributionOf(all, txn({ transactionId: 't', homeCurrency: 'USD' }), categoryOf)).toEqual({
    periodId: null,
    amount: 0,
    currencyMismatch: true,
  });
});

test('an expense in an income category counts for no budget over categories either', async () => {
  // A budget lists expense categories only; an income category and its children are never covered.
  const budget = budgetFixture({ categoryIds: ['food', 'dining'] });
  expect(
    await contributionOf(budget, txn({ transactionId: 't', categoryId: 'salary', homeAmount: -700 }), categoryOf),
  ).toEqual({ periodId: null, amount: 0 });
});

test('each category is read once per invocation', async () => {
  const read = jest.fn(async (id: string) => categories[id]);
  const cached = cachedCategoryOf(read);
  await Promise.all([cached('groceries'), cached('groceries'), cached('dining')]);
  expect(await cached('groceries')).toEqual({ parentId: 'food', kind: 'expense' });
  expect(read).toHaveBeenCalledTimes(2);
});
