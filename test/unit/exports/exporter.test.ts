/**
 * The export job's chunks against a real DynamoDB Local, delivered as the bus delivers them: at
 * least once, in any order, and with a crash between a chunk's part and its progress. What a user
 * would notice is checked: the file holds each transaction of the range exactly once, in the
 * order the API lists them.
 */
import { ulid } from 'ulid';
import { AccountEntity } from '../../../shared/accounts/items';
import { CategoryEntity } from '../../../shared/categories/items';
import { type ExportFiles, exportFileKey } from '../../../shared/exports/files';
import type { ExportItem } from '../../../shared/exports/items';
import { type ExporterDeps, runExportStep } from '../../../shared/exports/run';
import { createExportSource } from '../../../shared/exports/source';
import { createExportStore, newExportItem } from '../../../shared/exports/store';
import { TransactionEntity, transactionIndexKeys } from '../../../shared/transactions/items';
import { startLocalDynamoDb } from '../support/local-dynamodb';
import { accountFixture, categoryFixture, transactionFixture } from '../transactions/support/ledger-fixtures';

jest.setTimeout(120_000);

let env: Awaited<ReturnType<typeof startLocalDynamoDb>>;
beforeAll(async () => {
  env = await startLocalDynamoDb();
}, 90_000);
afterAll(async () => env?.stop());

/** An in-memory bucket; `failPutAfter` makes the next job write fail once, as a crash would. */
function memoryFiles() {
  const objects = new Map<string, Buffer>();
  const files: ExportFiles = {
    async put(key, body) {
      objects.set(key, body);
    },
    async get(key) {
      const body = objects.get(key);
      if (!body) throw new Error(`NoSuchKey ${key}`);
      return body;
    },
  };
  return { objects, files };
}

let sequence = 0;
async function seedUser(count: number, dates: (index: number) => string) {
  const userId = `export-user-${++sequence}`;
  await env.putAll([
    { ...AccountEntity.key(userId, 'acc-eur'), ...accountFixture() },
    {
      ...AccountEntity.key(userId, 'acc-jpy'),
      ...accountFixture({ accountId: 'acc-jpy', name: 'Yen', currency: 'JPY' }),
    },
    { ...CategoryEntity.key(userId, 'food'), ...categoryFixture({ categoryId: 'food', name: 'Food' }) },
    {
      ...CategoryEntity.key(userId, 'groceries'),
      ...categoryFixture({ categoryId: 'groceries', name: 'Groceries', parentId: 'food' }),
    },
  ]);
  const transactions = Array.from({ length: count }, (_, index) =>
    transactionFixture({
      transactionId: ulid(),
      date: dates(index),
      accountId: index % 3 === 0 ? 'acc-jpy' : 'acc-eur',
      kind: index % 5 === 0 ? 'income' : 'expense',
      amount: 100 + index,
    }),
  );
  await env.putAll(
    transactions.map((t) => ({
      ...TransactionEntity.key(userId, t.transactionId),
      ...t,
      ...transactionIndexKeys(userId, t),
    })),
  );
  return { userId, transactions };
}

function depsFor(files: ExportFiles, overrides: Partial<ExporterDeps> = {}): ExporterDeps {
  return {
    store: createExportStore({ db: env.db, tableName: env.tableName }),
    source: createExportSource({ db: env.db, tableName: env.tableName }),
    files,
    chunkRows: 7,
    ...overrides,
  };
}

async function queue(userId: string, input: Partial<Parameters<typeof newExportItem>[0]> = {}) {
  const job = newExportItem(
    { format: 'csv', from: '2026-01-01', to: '2026-01-31', ...input },
    ulid(),
    new Date().toISOString(),
  );
  await createExportStore({ db: env.db, tableName: env.tableName }).create(userId, job);
  return job;
}

const jobOf = async (userId: string, exportId: string) =>
  (await createExportStore({ db: env.db, tableName: env.tableName }).get(userId, exportId)) as ExportItem;

/** Delivers the step the job asks for until it is finished, as the stream would. */
async function drive(userId: string, exportId: string, deps: ExporterDeps) {
  for (let guard = 0; guard < 100; guard++) {
    const job = await jobOf(userId, exportId);
    if (job.status === 'ready' || job.status === 'failed') return job;
    await runExportStep(userId, exportId, job.step, deps);
  }
  throw new Error('The export never finished');
}

/** The ids in the CSV file, in file order (the column before the last, Status). */
function csvIds(objects: Map<string, Buffer>, key: string): string[] {
  const lines = objects.get(key)!.subarray(3).toString('utf8').split('\r\n').slice(1, -1);
  return lines.map((line) => line.split(',').at(-2)!);
}

const newestFirst = (a: { date: string; transactionId: string }, b: { date: string; transactionId: string }) =>
  `${b.date}#${b.transactionId}`.localeCompare(`${a.date}#${a.transactionId}`);

test('writes every transaction of the range once, newest first, over several chunks', async () => {
  const { userId, transactions } = await seedUser(40, (i) => `2026-01-${String((i % 28) + 1).padStart(2, '0')}`);
  const inRange = transactions.filter((t) => t.date >= '2026-01-03' && t.date <= '2026-01-20').sort(newestFirst);
  const job = await queue(userId, { from: '2026-01-03', to: '2026-01-20' });
  const { objects, files } = memoryFiles();
  const done = await drive(userId, job.exportId, depsFor(files));

  expect(done.status).toBe('ready');
  expect(done.rowsWritten).toBe(inRange.length);
  expect(done.totalRows).toBe(inRange.length);
  expect(done.parts.length).toBeGreaterThan(1);
  expect(csvIds(objects, exportFileKey(userId, job.exportId, 'csv'))).toEqual(inRange.map((t) => t.transactionId));
  expect(done.fileSize).toBe(objects.get(done.fileKey!)!.length);
});

test('a duplicate or late chunk event changes nothing', async () => {
  const { userId, transactions } = await seedUser(20, (i) => `2026-01-${String(i + 1).padStart(2, '0')}`);
  const job = await queue(userId);
  const { objects, files } = memoryFiles();
  const deps = depsFor(files);

  expect(await runExportStep(userId, job.exportId, 0, deps)).toBe('read');
  const afterFirst = await jobOf(userId, job.exportId);
  // The same event again, and then once more after the next step: both are stale.
  expect(await runExportStep(userId, job.exportId, 0, deps)).toBe('stale');
  expect(await jobOf(userId, job.exportId)).toEqual(afterFirst);
  expect(await runExportStep(userId, job.exportId, 1, deps)).toBe('read');
  expect(await runExportStep(userId, job.exportId, 0, deps)).toBe('stale');

  const done = await drive(userId, job.exportId, deps);
  // A duplicate of the last step, after the file is written, is stale too.
  expect(await runExportStep(userId, job.exportId, done.step - 1, deps)).toBe('stale');
  const ids = csvIds(objects, done.fileKey!);
  expect(ids).toHaveLength(20);
  expect(new Set(ids).size).toBe(20);
  expect(ids).toEqual([...transactions].sort(newestFirst).map((t) => t.transactionId));
});

test('two deliveries of one chunk at once count its rows once', async () => {
  const { userId } = await seedUser(15, (i) => `2026-01-${String(i + 1).padStart(2, '0')}`);
  const job = await queue(userId);
  const { objects, files } = memoryFiles();
  const deps = depsFor(files);

  const outcomes = await Promise.all([
    runExportStep(userId, job.exportId, 0, deps),
    runExportStep(userId, job.exportId, 0, deps),
  ]);
  expect(outcomes.sort()).toEqual(['read', 'stale']);
  const after = await jobOf(userId, job.exportId);
  expect(after.rowsWritten).toBe(7);
  expect(after.parts).toHaveLength(1);

  const done = await drive(userId, job.exportId, deps);
  expect(done.rowsWritten).toBe(15);
  expect(new Set(csvIds(objects, done.fileKey!)).size).toBe(15);
  expect(csvIds(objects, done.fileKey!)).toHaveLength(15);
});

test('a chunk that crashed after writing its rows is redone without duplicating them', async () => {
  const { userId } = await seedUser(10, (i) => `2026-01-${String(i + 1).padStart(2, '0')}`);
  const job = await queue(userId);
  const { objects, files } = memoryFiles();
  const store = createExportStore({ db: env.db, tableName: env.tableName });
  let crashes = 1;
  const crashing = depsFor(files, {
    store: {
      get: store.get,
      advance: async (...args) => {
        if (crashes-- > 0) throw new Error('Lambda timed out');
        return store.advance(...args);
      },
    },
  });

  await expect(runExportStep(userId, job.exportId, 0, crashing)).rejects.toThrow('timed out');
  expect((await jobOf(userId, job.exportId)).rowsWritten).toBe(0);
  // The retry of the same event.
  expect(await runExportStep(userId, job.exportId, 0, crashing)).toBe('read');
  const done = await drive(userId, job.exportId, crashing);
  expect(done.rowsWritten).toBe(10);
  expect(csvIds(objects, done.fileKey!)).toHaveLength(10);
  expect(new Set(csvIds(objects, done.fileKey!)).size).toBe(10);
});

test('filters by account, category family and kind; stops with too-many-rows beyond the limit', async () => {
  const { userId, transactions } = await seedUser(30, (i) => `2026-01-${String((i % 28) + 1).padStart(2, '0')}`);
  const { objects, files } = memoryFiles();
  const filtered = await queue(userId, { accountIds: ['acc-jpy'], categoryIds: ['food'], kind: 'expense' });
  const done = await drive(userId, filtered.exportId, depsFor(files));
  const expected = transactions
    .filter((t) => t.accountId === 'acc-jpy' && t.kind === 'expense' && t.categoryId === 'groceries')
    .sort(newestFirst);
  expect(expected.length).toBeGreaterThan(0);
  expect(csvIds(objects, done.fileKey!)).toEqual(expected.map((t) => t.transactionId));
  expect(objects.get(done.fileKey!)!.toString('utf8')).toContain(',Yen,Corner Shop,Food / Groceries,');

  const tooMany = await queue(userId);
  const failed = await drive(userId, tooMany.exportId, depsFor(files, { maxRows: 10 }));
  expect(failed).toMatchObject({ status: 'failed', failure: 'too-many-rows', fileKey: null });
});
