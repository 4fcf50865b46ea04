/**
 * GET /v1/transactions against a real DynamoDB Local: real indexes, real Limit-before-filter
 * semantics, real ExclusiveStartKey. User A has 1,000 transactions; user B has some on the same
 * days, in an account and categories with the same ids as A's.
 */
import { ulid } from 'ulid';
import type { handler as ListHandler } from '../../../../functions/api/transactions/list';
import { encodeCursor } from '../../../../shared/kit/http/cursor';
import { httpEvent, lambdaContext, parseResponse } from '../../support/http-event';
import {
  accountRecord,
  categoryRecord,
  type LocalTable,
  newestFirst,
  profileRecord,
  putAll,
  type SeededTransaction,
  seededRandom,
  startLedgerTable,
  stopLedgerTable,
  transactionRecord,
} from './support/ledger-table';

jest.setTimeout(120_000);

const A = 'user-a-0b6f';
const B = 'user-b-91c2';
const accountsOfA = ['acc-1', 'acc-2', 'acc-3'];
const categoriesOfA: [string, string | null][] = [
  ['food', null],
  ['groceries', 'food'],
  ['restaurants', 'food'],
  ['salary', null],
  ['rent', null],
];
const payees = ['ACME Corp', 'Corner Shop', 'Café Central', 'Landlord Ltd', null];
const notes = ['Birthday gift for Sam', 'monthly', 'Team lunch', null, null];
const tagSets = [[], ['work'], ['travel'], ['work', 'travel'], ['family']];

let table: LocalTable;
let handler: typeof ListHandler;
const ofA: SeededTransaction[] = [];
const ofB: SeededTransaction[] = [];

function seedTransactions(userId: string, count: number, seed: number, into: SeededTransaction[]) {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const records: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    // ~120 distinct days, so many transactions share a date and the id breaks the tie.
    const day = new Date(Date.UTC(2025, 0, 1 + Math.floor(random() * 120))).toISOString().slice(0, 10);
    const { record, seeded } = transactionRecord(userId, {
      transactionId: ulid(Date.UTC(2025, 0, 1) + i * 1000, random),
      date: day,
      kind: pick(['expense', 'expense', 'income', 'transfer'] as const),
      accountId: pick(accountsOfA),
      categoryId: pick([...categoriesOfA.map(([id]) => id), null]),
      payee: pick(payees),
      note: pick(notes),
      tags: pick(tagSets),
      amount: 1 + Math.floor(random() * 100_000),
    });
    records.push(record);
    into.push(seeded);
  }
  return records;
}

beforeAll(async () => {
  table = await startLedgerTable();
  // Imported after the endpoint variable is set: the handler builds its client at module scope.
  ({ handler } = await import('../../../../functions/api/transactions/list'));
  await putAll(table, [
    profileRecord(A),
    profileRecord(B),
    ...accountsOfA.map((id) => accountRecord(A, id)),
    ...categoriesOfA.map(([id, parent]) => categoryRecord(A, id, parent)),
    accountRecord(B, 'acc-1'),
    accountRecord(B, 'acc-b'),
    categoryRecord(B, 'food'),
    categoryRecord(B, 'b-only'),
    ...seedTransactions(A, 1000, 42, ofA),
    ...seedTransactions(B, 60, 7, ofB),
  ]);
});
afterAll(() => stopLedgerTable(table));

async function list(userId: string, query: Record<string, string>) {
  const event = httpEvent({ path: '/v1/transactions', claims: { sub: userId }, queryStringParameters: query });
  return parseResponse(await handler(event, lambdaContext()));
}

/** Follows nextCursor to the end; returns the ids in order and every page's size. */
async function pageThrough(userId: string, query: Record<string, string>) {
  const ids: string[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 2000; page++) {
    const response = await list(userId, cursor ? { ...query, cursor } : query);
    expect(response.status).toBe(200);
    ids.push(...response.body.items.map((item: { id: string }) => item.id));
    sizes.push(response.body.items.length);
    if (response.body.nextCursor === null) return { ids, sizes };
    cursor = response.body.nextCursor;
  }
  throw new Error('The cursor never reached the end');
}

const ids = (transactions: SeededTransaction[]) => newestFirst(transactions);
const familyOfFood = new Set(['food', 'groceries', 'restaurants']);

test('paging through 1,000 transactions with limit 37 returns each exactly once, newest first', async () => {
  const { ids: seen, sizes } = await pageThrough(A, { limit: '37' });
  expect(seen).toEqual(ids(ofA));
  expect(new Set(seen).size).toBe(1000);
  expect(sizes).toHaveLength(Math.ceil(1000 / 37));
  expect(sizes.slice(0, -1).every((size) => size === 37)).toBe(true);
});

test('a page holds 50 views by default, each with money, account and home amounts', async () => {
  const response = await list(A, {});
  expect(response.status).toBe(200);
  expect(response.body.items).toHaveLength(50);
  const newest = ofA.find((t) => t.transactionId === ids(ofA)[0])!;
  expect(response.body.items[0]).toMatchObject({
    id: newest.transactionId,
    date: newest.date,
    accountId: newest.accountId,
    money: { amount: newest.amount, currency: 'EUR' },
    accountAmount: { amount: newest.accountAmount, currency: 'EUR' },
    homeAmount: { amount: newest.homeAmount, currency: 'EUR' },
  });
  expect(response.body.items[0]).not.toHaveProperty('pk');
  expect(response.body.items[0]).not.toHaveProperty('gsi1sk');
  expect(typeof response.body.nextCursor).toBe('string');
});

test('from and to are inclusive days', async () => {
  const from = '2025-02-10';
  const to = '2025-03-05';
  const { ids: seen } = await pageThrough(A, { from, to, limit: '25' });
  const expected = ids(ofA.filter((t) => t.date >= from && t.date <= to));
  expect(expected.length).toBeGreaterThan(100);
  expect(seen).toEqual(expected);
  const oneDay = await pageThrough(A, { from: '2025-02-10', to: '2025-02-10' });
  expect(oneDay.ids).toEqual(ids(ofA.filter((t) => t.date === '2025-02-10')));
  expect(oneDay.ids.length).toBeGreaterThan(0);
});

test('filters combine: account, kind, tag and date range', async () => {
  const query = {
    accountId: 'acc-2',
    kind: 'expense',
    tag: ' Work ',
    from: '2025-01-15',
    to: '2025-04-10',
    limit: '4',
  };
  const { ids: seen } = await pageThrough(A, query);
  const expected = ids(
    ofA.filter(
      (t) =>
        t.accountId === 'acc-2' &&
        t.kind === 'expense' &&
        t.tags.includes('work') &&
        t.date >= '2025-01-15' &&
        t.date <= '2025-04-10',
    ),
  );
  expect(expected.length).toBeGreaterThan(10);
  expect(seen).toEqual(expected);
});

test('q matches the payee or the note, case-insensitively', async () => {
  const cafe = await pageThrough(A, { q: 'CAFÉ', limit: '30' });
  expect(cafe.ids).toEqual(ids(ofA.filter((t) => t.payee === 'Café Central')));
  const gift = await pageThrough(A, { q: 'birthday', kind: 'income', limit: '9' });
  expect(gift.ids).toEqual(ids(ofA.filter((t) => t.note === 'Birthday gift for Sam' && t.kind === 'income')));
  expect(gift.ids.length).toBeGreaterThan(0);
  // "shop" is in a payee ("Corner Shop") only; "lunch" in a note only: both fields are searched.
  const lunch = await pageThrough(A, { q: 'LUNCH', limit: '50' });
  expect(lunch.ids).toEqual(ids(ofA.filter((t) => t.note === 'Team lunch')));
});

test('a category includes its subcategories, merged newest first', async () => {
  const { ids: seen } = await pageThrough(A, { categoryId: 'food', limit: '7' });
  const expected = ids(ofA.filter((t) => t.categoryId !== null && familyOfFood.has(t.categoryId)));
  expect(new Set(ofA.filter((t) => familyOfFood.has(t.categoryId ?? '')).map((t) => t.categoryId)).size).toBe(3);
  expect(seen).toEqual(expected);

  const groceries = await pageThrough(A, { categoryId: 'groceries', limit: '50' });
  expect(groceries.ids).toEqual(ids(ofA.filter((t) => t.categoryId === 'groceries')));
});

test('a category filter combines with account, kind and dates', async () => {
  const query = { categoryId: 'food', accountId: 'acc-3', kind: 'expense', from: '2025-02-01', limit: '3' };
  const { ids: seen } = await pageThrough(A, query);
  const expected = ids(
    ofA.filter(
      (t) =>
        familyOfFood.has(t.categoryId ?? '') &&
        t.accountId === 'acc-3' &&
        t.kind === 'expense' &&
        t.date >= '2025-02-01',
    ),
  );
  expect(expected.length).toBeGreaterThan(5);
  expect(seen).toEqual(expected);
});

test("another user's transactions never appear, even under the same account and category ids", async () => {
  const everythingOfA = new Set(ofA.map((t) => t.transactionId));
  const { ids: seenByB } = await pageThrough(B, { limit: '200' });
  expect(seenByB).toEqual(ids(ofB));
  expect(seenByB.some((id) => everythingOfA.has(id))).toBe(false);

  const idsOfB = new Set(ofB.map((t) => t.transactionId));
  for (const query of [{ accountId: 'acc-1' }, { categoryId: 'food' }, {}] as Record<string, string>[]) {
    const { ids: seenByA } = await pageThrough(A, { ...query, limit: '200' });
    expect(seenByA.some((id) => idsOfB.has(id))).toBe(false);
  }
  const bAccount = await pageThrough(B, { accountId: 'acc-1', limit: '200' });
  expect(bAccount.ids).toEqual(ids(ofB.filter((t) => t.accountId === 'acc-1')));
});

test('an account or category the caller does not have is a 404, not an empty list', async () => {
  for (const [query, what] of [
    [{ accountId: 'acc-b' }, 'account'],
    [{ accountId: 'no-such-account' }, 'account'],
    [{ categoryId: 'b-only' }, 'category'],
    [{ categoryId: 'food', accountId: 'acc-b' }, 'account'],
  ] as const) {
    const response = await list(A, query);
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.body.detail).toContain(what);
  }
});

test('a cursor issued to user B is refused for user A with 400 naming cursor, as is garbage', async () => {
  const ofBPage = await list(B, { limit: '5' });
  expect(ofBPage.body.nextCursor).toEqual(expect.any(String));
  const forged = encodeCursor(A, 'not-a-position');
  for (const cursor of [ofBPage.body.nextCursor, 'garbage', 'eyJ2IjoxfQ', forged]) {
    const response = await list(A, { cursor });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ in: 'query', field: 'cursor' })]);
  }
});

test('strict query: unknown parameters and bad values are 400 naming the parameter', async () => {
  const cases: [Record<string, string>, string][] = [
    [{ accountid: 'acc-1' }, 'accountid'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '201' }, 'limit'],
    [{ limit: '2.5' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ from: '2025-13-01' }, 'from'],
    [{ to: 'yesterday' }, 'to'],
    [{ from: '2025-03-02', to: '2025-03-01' }, 'to'],
    [{ kind: 'refund' }, 'kind'],
    [{ accountId: 'acc#1' }, 'accountId'],
    [{ categoryId: '' }, 'categoryId'],
  ];
  for (const [query, field] of cases) {
    const response = await list(A, query);
    expect({ query, status: response.status }).toEqual({ query, status: 400 });
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  }
});

test('a range with nothing in it is an empty page with no cursor', async () => {
  const response = await list(A, { from: '2030-01-01' });
  expect(response.status).toBe(200);
  expect(response.body).toEqual({ items: [], nextCursor: null });
});
