/**
 * A thousand transactions, listed 37 at a time: every one exactly once, newest first, no gaps;
 * and each filter (account, category with its subcategories, tag, text, date range) returns
 * exactly the set the suite knows it created. The transactions are created through the API,
 * 20 requests in flight, over three accounts, five categories and two months.
 */
import { api } from './support/api-client';
import { expectStatus } from './support/expectations';
import {
  type AccountView,
  balanceCheck,
  createAccount,
  createTransaction,
  inPool,
  isNewestFirst,
  type LedgerUser,
  ledgerUser,
  listAll,
  type TransactionView,
} from './support/ledger';

jest.setTimeout(120_000);

const COUNT = 1000;
const IN_FLIGHT = 20;
const PAGE = 37;

/** What the suite asked for, by index: the expected sets are computed from this, not from the API. */
type Planned = {
  account: number;
  date: string;
  categoryId: string | null;
  tags: string[];
  payee: string | null;
  note: string | null;
  amount: number;
};

const CATEGORIES = ['groceries', 'restaurants', 'food', 'transport', null] as const;
const FOOD_FAMILY = new Set(['food', 'groceries', 'restaurants']);

function plan(i: number): Planned {
  const day = new Date(Date.UTC(2026, 0, 1) + (i % 59) * 86_400_000).toISOString().slice(0, 10);
  return {
    account: i % 3,
    date: day,
    categoryId: CATEGORIES[i % CATEGORIES.length] ?? null,
    tags: i % 7 === 0 ? ['Trip', 'paris'] : i % 2 === 0 ? ['even'] : [],
    payee: i % 11 === 0 ? 'Corner Bakery' : null,
    note: i % 13 === 0 ? `Birthday cake #${i}` : null,
    amount: 100 + i,
  };
}

let user: LedgerUser;
let accounts: AccountView[];
let created: { planned: Planned; transaction: TransactionView }[];

beforeAll(async () => {
  user = await ledgerUser();
  accounts = await Promise.all(['One', 'Two', 'Three'].map((name) => createAccount(user, { name, currency: 'EUR' })));
  const planned = Array.from({ length: COUNT }, (_, i) => plan(i));
  const transactions = await inPool(
    IN_FLIGHT,
    planned.map(
      (p) => () =>
        createTransaction(user, {
          accountId: (accounts[p.account] as AccountView).id,
          money: { amount: p.amount, currency: 'EUR' },
          date: p.date,
          categoryId: p.categoryId,
          tags: p.tags,
          payee: p.payee,
          note: p.note,
        }),
    ),
  );
  created = transactions.map((transaction, i) => ({ planned: planned[i] as Planned, transaction }));
}, 150_000);

const idsWhere = (predicate: (p: Planned) => boolean) =>
  created
    .filter(({ planned }) => predicate(planned))
    .map(({ transaction }) => transaction.id)
    .sort();

async function listedIds(query: Record<string, string | number>) {
  const { items, pages } = await listAll<TransactionView>(user, '/v1/transactions', { limit: PAGE, ...query });
  expect(isNewestFirst(items)).toBe(true);
  const ids = items.map((item) => item.id);
  expect(new Set(ids).size).toBe(ids.length);
  return { ids: [...ids].sort(), pages };
}

test(`all ${COUNT} in pages of ${PAGE}: each exactly once, newest first, every page full but the last`, async () => {
  const { items, pages } = await listAll<TransactionView>(user, '/v1/transactions', { limit: PAGE });
  expect(items).toHaveLength(COUNT);
  expect(new Set(items.map((item) => item.id)).size).toBe(COUNT);
  expect(items.map((item) => item.id).sort()).toEqual(idsWhere(() => true));
  expect(isNewestFirst(items)).toBe(true);
  expect(pages).toHaveLength(Math.ceil(COUNT / PAGE));
  expect(pages.slice(0, -1).every((size) => size === PAGE)).toBe(true);
  expect(pages.at(-1)).toBe(COUNT % PAGE || PAGE);
  // What the list shows is what was created, field for field.
  const byId = new Map(created.map(({ transaction }) => [transaction.id, transaction]));
  for (const item of items) expect(item).toEqual(byId.get(item.id));
});

test('by account: exactly that account’s transactions, and its balance is their sum', async () => {
  const account = accounts[1] as AccountView;
  const { ids } = await listedIds({ accountId: account.id });
  expect(ids).toEqual(idsWhere((p) => p.account === 1));
  const expectedBalance = -created
    .filter(({ planned }) => planned.account === 1)
    .reduce((sum, { planned }) => sum + planned.amount, 0);
  expect(await balanceCheck(user, account.id)).toEqual({
    balance: expectedBalance,
    count: ids.length,
    sum: expectedBalance,
    listed: ids.length,
  });
});

test('by category: "food" includes its subcategories groceries and restaurants', async () => {
  const { ids } = await listedIds({ categoryId: 'food' });
  expect(ids).toEqual(idsWhere((p) => p.categoryId !== null && FOOD_FAMILY.has(p.categoryId)));
  expect((await listedIds({ categoryId: 'groceries' })).ids).toEqual(idsWhere((p) => p.categoryId === 'groceries'));
});

test('by tag, case-insensitively (tags are stored lower-cased)', async () => {
  const { ids, pages } = await listedIds({ tag: 'TRIP' });
  expect(ids).toEqual(idsWhere((p) => p.tags.includes('Trip')));
  expect(ids.length).toBe(Math.ceil(COUNT / 7));
  expect(pages.slice(0, -1).every((size) => size === PAGE)).toBe(true);
});

test('by text in the payee or the note, case-insensitively', async () => {
  expect((await listedIds({ q: 'bakery' })).ids).toEqual(idsWhere((p) => p.payee === 'Corner Bakery'));
  expect((await listedIds({ q: 'CAKE #1' })).ids).toEqual(idsWhere((p) => (p.note ?? '').includes('cake #1')));
});

test('filters combine: an account, a category family, a tag and a date range at once', async () => {
  const account = accounts[0] as AccountView;
  const { ids } = await listedIds({
    accountId: account.id,
    categoryId: 'food',
    tag: 'even',
    from: '2026-01-10',
    to: '2026-02-05',
  });
  const expected = idsWhere(
    (p) =>
      p.account === 0 &&
      p.categoryId !== null &&
      FOOD_FAMILY.has(p.categoryId) &&
      p.tags.includes('even') &&
      p.date >= '2026-01-10' &&
      p.date <= '2026-02-05',
  );
  expect(expected.length).toBeGreaterThan(0);
  expect(ids).toEqual(expected);
});

test('payees remembered from the transactions, found by any spelling of a prefix', async () => {
  const result = await api.get('/v1/payees?prefix=%20CORNER', { token: user.token });
  expectStatus(result, 200);
  expect(result.json.items).toEqual([
    expect.objectContaining({ name: 'Corner Bakery', transactionCount: idsWhere((p) => p.payee !== null).length }),
  ]);
});
