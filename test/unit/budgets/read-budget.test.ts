/**
 * The read budget of the list query, against a real DynamoDB Local. DynamoDB's Limit applies
 * before the filter, so sparse matches need many reads; a request stops after its budget and the
 * cursor continues from the last position examined. Paging must still return every match exactly
 * once, in order, and no request may exceed its budget.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { createTransactionQueries } from '../../../shared/transactions/queries';
import type { TransactionFilter } from '../../../shared/transactions/query-schema';
import {
  accountRecord,
  categoryRecord,
  type LocalTable,
  newestFirst,
  putAll,
  type SeededTransaction,
  seededRandom,
  startLedgerTable,
  stopLedgerTable,
  transactionRecord,
} from '../transactions/queries/support/ledger-table';

jest.setTimeout(120_000);

const USER = 'user-budget-5e1d';
/** Owns a category whose subcategory hides its only match deep under non-matching items. */
const DEEP = 'user-deep-8a03';
const categories = ['bills', 'power', 'water', 'phone'];
let table: LocalTable;
const seeded: SeededTransaction[] = [];
const deep: SeededTransaction[] = [];

beforeAll(async () => {
  table = await startLedgerTable();
  const random = seededRandom(2026);
  const records: Record<string, unknown>[] = [
    accountRecord(USER, 'main'),
    categoryRecord(USER, 'bills'),
    ...['power', 'water', 'phone'].map((id) => categoryRecord(USER, id, 'bills')),
  ];
  for (let i = 0; i < 1500; i++) {
    const day = new Date(Date.UTC(2025, 5, 1 + Math.floor(random() * 200))).toISOString().slice(0, 10);
    const { record, seeded: item } = transactionRecord(USER, {
      transactionId: ulid(Date.UTC(2025, 5, 1) + i, random),
      date: day,
      accountId: 'main',
      categoryId: categories[Math.floor(random() * categories.length)]!,
      // About one in forty matches the text filter: most reads come back with nothing.
      payee: random() < 0.025 ? 'Rare Needle GmbH' : 'Everyday Haystack',
      kind: random() < 0.5 ? 'expense' : 'income',
    });
    records.push(record);
    seeded.push(item);
  }
  // DEEP: "trip" has 50 matches in November; its child "flights" has 300 December items of which
  // only one, near the bottom, matches. After one read of each, "flights" has matched nothing yet
  // but is still far above November: returning November items now would skip its match.
  records.push(categoryRecord(DEEP, 'trip'), categoryRecord(DEEP, 'flights', 'trip'));
  for (let i = 0; i < 50; i++) {
    const date = `2025-11-${String(1 + (i % 28)).padStart(2, '0')}`;
    const { record, seeded: item } = transactionRecord(DEEP, { date, categoryId: 'trip', note: 'match' });
    records.push(record);
    deep.push(item);
  }
  for (let i = 0; i < 300; i++) {
    const date = `2025-12-${String(31 - Math.floor(i / 10)).padStart(2, '0')}`;
    const note = i === 280 ? 'match' : 'other';
    const { record, seeded: item } = transactionRecord(DEEP, { date, categoryId: 'flights', note });
    records.push(record);
    deep.push(item);
  }
  await putAll(table, records);
});
afterAll(() => stopLedgerTable(table));

/** A client that counts the index queries each request makes. */
function countingQueries(maxReadsPerRequest: number) {
  const counter = { indexQueries: 0 };
  const db = {
    send: (command: Parameters<LocalTable['doc']['send']>[0]) => {
      if (command instanceof QueryCommand && command.input.IndexName) counter.indexQueries++;
      return table.doc.send(command as never);
    },
  } as LocalTable['doc'];
  return { counter, queries: createTransactionQueries({ db, tableName: table.tableName, maxReadsPerRequest }) };
}

async function pageThrough(maxReads: number, filter: TransactionFilter, limit: number, userId = USER) {
  const { counter, queries } = countingQueries(maxReads);
  const ids: string[] = [];
  const readsPerRequest: number[] = [];
  const sizes: number[] = [];
  let after: string | undefined;
  for (let request = 0; request < 5000; request++) {
    counter.indexQueries = 0;
    const outcome = await queries.list(userId, filter, { limit, ...(after ? { after } : {}) });
    if (outcome.status !== 'ok') throw new Error(outcome.status);
    readsPerRequest.push(counter.indexQueries);
    sizes.push(outcome.items.length);
    ids.push(...outcome.items.map((item) => item.transactionId));
    if (outcome.after === undefined) return { ids, readsPerRequest, sizes };
    after = outcome.after;
  }
  throw new Error('Never reached the end');
}

test('a sparse filter with a one-read budget still returns every match exactly once, newest first', async () => {
  const { ids, readsPerRequest, sizes } = await pageThrough(1, { q: 'needle' }, 5);
  const expected = newestFirst(seeded.filter((t) => t.payee === 'Rare Needle GmbH'));
  expect(expected.length).toBeGreaterThan(15);
  expect(ids).toEqual(expected);
  expect(Math.max(...readsPerRequest)).toBe(1);
  // The budget really cut requests short: some pages came back with fewer than 5 and a cursor.
  expect(sizes.slice(0, -1).some((size) => size < 5)).toBe(true);
});

test('merging a category and its subcategories under a tight budget loses and repeats nothing', async () => {
  const filter: TransactionFilter = { categoryId: 'bills', kind: 'income', q: 'NEEDLE', from: '2025-07-01' };
  const { ids, readsPerRequest } = await pageThrough(2, filter, 3);
  const expected = newestFirst(
    seeded.filter((t) => t.kind === 'income' && t.payee === 'Rare Needle GmbH' && t.date >= '2025-07-01'),
  );
  expect(expected.length).toBeGreaterThan(5);
  expect(ids).toEqual(expected);
  // Four sources (bills + three children): each must be read once for the merge to move, no more.
  expect(Math.max(...readsPerRequest)).toBeLessThanOrEqual(4);
});

test('without filters, a page costs one read of limit + 1 items', async () => {
  const { ids, readsPerRequest } = await pageThrough(10, { accountId: 'main' }, 100);
  expect(ids).toEqual(newestFirst(seeded));
  expect(readsPerRequest.every((reads) => reads === 1)).toBe(true);
});

test('an item is returned only once every source has read past it', async () => {
  const { ids } = await pageThrough(2, { categoryId: 'trip', q: 'match' }, 10, DEEP);
  const expected = newestFirst(deep.filter((t) => t.note === 'match'));
  expect(expected).toHaveLength(51);
  expect(ids[0]).toBe(deep.find((t) => t.categoryId === 'flights' && t.note === 'match')!.transactionId);
  expect(ids).toEqual(expected);
});
