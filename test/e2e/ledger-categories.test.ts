/**
 * Categories as a user meets them: the default tree is there right after sign-up; a subcategory
 * can be made, moved under another parent, archived; a category in use cannot be deleted, and a
 * transaction listed by the parent includes its subcategories' transactions wherever they move.
 */
import { defaultCategoryTree } from '../../shared/categories/defaults';
import { api } from './support/api-client';
import { expectProblem, expectStatus } from './support/expectations';
import {
  createAccount,
  createTransaction,
  expectOk,
  type LedgerUser,
  ledgerUser,
  listAll,
  listTransactions,
} from './support/ledger';

jest.setTimeout(60_000);

type CategoryView = {
  id: string;
  name: string;
  kind: 'expense' | 'income';
  parentId: string | null;
  transactionCount: number;
  archived: boolean;
  version: number;
};

let user: LedgerUser;
beforeAll(async () => {
  user = await ledgerUser();
});

const categories = (query: Record<string, string> = {}) =>
  listAll<CategoryView>(user, '/v1/categories', { limit: 10, ...query }).then((page) => page.items);

test('the default categories are there right after sign-up, parents and children', async () => {
  const listed = await categories();
  const expected = defaultCategoryTree.flatMap((top) => [
    { id: top.id, name: top.name, kind: top.kind, parentId: null },
    ...(top.children ?? []).map((child) => ({ id: child.id, name: child.name, kind: top.kind, parentId: top.id })),
  ]);
  const shape = ({ id, name, kind, parentId }: CategoryView) => ({ id, name, kind, parentId });
  expect(listed.map(shape).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
    expected.sort((a, b) => a.id.localeCompare(b.id)),
  );
  expect(listed.every((category) => category.transactionCount === 0 && !category.archived)).toBe(true);
});

test('a subcategory: created, moved to another parent, archived, and refused deletion while used', async () => {
  const token = user.token;
  const created = await api.post('/v1/categories', { name: 'Coffee', kind: 'expense', parentId: 'food' }, { token });
  expectStatus(created, 201);
  const coffee = created.json as CategoryView;
  expect(coffee).toMatchObject({ name: 'Coffee', kind: 'expense', parentId: 'food', transactionCount: 0 });

  // A subcategory must sit under a top-level category of its own kind.
  expectProblem(
    await api.post('/v1/categories', { name: 'Bad', kind: 'expense', parentId: coffee.id }, { token }),
    400,
    ['parentId'],
  );
  expectProblem(
    await api.post('/v1/categories', { name: 'Bad', kind: 'expense', parentId: 'salary' }, { token }),
    400,
    ['parentId'],
  );

  const account = await createAccount(user, { currency: 'EUR' });
  const spent = await createTransaction(user, {
    accountId: account.id,
    money: { amount: 380, currency: 'EUR' },
    categoryId: coffee.id,
  });
  const ids = async (categoryId: string) => (await listTransactions(user, { categoryId })).map((t) => t.id);
  expect(await ids('food')).toEqual([spent.id]);

  // Re-parent: the transaction now counts under "entertainment", no longer under "food".
  const moved = await api.patch(`/v1/categories/${coffee.id}`, { parentId: 'entertainment' }, { token });
  expectStatus(moved, 200);
  expect(moved.json).toMatchObject({ parentId: 'entertainment', version: coffee.version + 1 });
  expect(await ids('entertainment')).toEqual([spent.id]);
  expect(await ids('food')).toEqual([]);

  // Used: cannot be deleted.
  const refused = await api.delete(`/v1/categories/${coffee.id}`, { token });
  expectProblem(refused, 409);
  expect(refused.json.type).toBe('urn:moneta:problem:category-has-transactions');
  // A parent with subcategories cannot be deleted either.
  expectProblem(await api.delete('/v1/categories/entertainment', { token }), 409);

  // Archived: hidden from the default listing, shown on request, and it takes no new entries.
  expectStatus(await api.patch(`/v1/categories/${coffee.id}`, { archived: true }, { token }), 200);
  expect((await categories()).map((c) => c.id)).not.toContain(coffee.id);
  expect((await categories({ includeArchived: 'true' })).find((c) => c.id === coffee.id)).toMatchObject({
    archived: true,
    transactionCount: 1,
  });
  expectProblem(
    await api.post(
      '/v1/transactions',
      { kind: 'expense', accountId: account.id, money: { amount: 1, currency: 'EUR' }, categoryId: coffee.id },
      { token },
    ),
    409,
  );

  // Once its transaction is gone it can be deleted.
  expectStatus(await api.delete(`/v1/transactions/${spent.id}`, { token }), 204);
  expectStatus(await api.delete(`/v1/categories/${coffee.id}`, { token }), 204);
  expect((await categories({ includeArchived: 'true' })).map((c) => c.id)).not.toContain(coffee.id);
});

test('an income in an expense category is a refund, an expense in an income category a reversal; both count', async () => {
  const account = await createAccount(user, { currency: 'EUR' });
  const refund = await createTransaction(user, {
    kind: 'income',
    accountId: account.id,
    money: { amount: 100, currency: 'EUR' },
    categoryId: 'groceries',
  });
  expect(refund).toMatchObject({ kind: 'income', categoryId: 'groceries', accountAmount: { amount: 100 } });
  const reversal = await createTransaction(user, {
    kind: 'expense',
    accountId: account.id,
    money: { amount: 30, currency: 'EUR' },
    categoryId: 'salary',
  });
  expect(reversal).toMatchObject({ kind: 'expense', categoryId: 'salary', accountAmount: { amount: -30 } });
  expect(expectOk(await api.get(`/v1/accounts/${account.id}`, { token: user.token }), 200, 'get').json).toMatchObject({
    transactionCount: 2,
    balance: { amount: 70 },
  });
  const counts = Object.fromEntries((await categories()).map((c) => [c.id, c.transactionCount]));
  expect(counts).toMatchObject({ groceries: 1, salary: 1 });
  expect((await listTransactions(user, { categoryId: 'food' })).map((t) => t.id)).toEqual([refund.id]);
});
