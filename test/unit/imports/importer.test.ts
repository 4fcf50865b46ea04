/**
 * The importer's steps against a real DynamoDB Local, delivered as the bus delivers them: at least
 * once, late, and with a crash in the middle of a chunk. What a user would notice is checked: each
 * row is recorded once (the balance is the sum of the rows), every row has one report entry, a
 * re-import records nothing, and undo removes exactly what the import created and nobody changed.
 */
import { ulid } from 'ulid';
import { AccountEntity } from '../../../shared/accounts/items';
import { newImportItem } from '../../../shared/imports/create';
import type { ImportFiles } from '../../../shared/imports/files';
import { csvPresets, parseStatement } from '../../../shared/imports/formats';
import type { ParsedStatement, StatementRow } from '../../../shared/imports/formats/types';
import type { ImportItem } from '../../../shared/imports/items';
import { reviewRow } from '../../../shared/imports/review';
import { type ImporterDeps, runImportStep } from '../../../shared/imports/run';
import { createImportStore } from '../../../shared/imports/store';
import { createRuleEngine } from '../../../shared/rules/public';
import {
  createTransactionRecorder,
  createTransactionStore,
  type RecordingProfile,
} from '../../../shared/transactions/public';
import { startLocalDynamoDb } from '../support/local-dynamodb';
import { accountFixture } from '../transactions/support/ledger-fixtures';

jest.setTimeout(120_000);

let env: Awaited<ReturnType<typeof startLocalDynamoDb>>;
beforeAll(async () => {
  env = await startLocalDynamoDb();
}, 90_000);
afterAll(async () => env?.stop());

const profile: RecordingProfile = {
  timezone: 'Europe/Berlin',
  homeCurrency: 'EUR',
  notifications: { largeTransactionAmount: 1e9 },
};

function memoryFiles(): ImportFiles {
  const objects = new Map<string, Buffer>();
  return {
    async put(key, body) {
      objects.set(key, body);
    },
    async get(key) {
      return objects.get(key);
    },
    async size(key) {
      return objects.get(key)?.length;
    },
  };
}

const row = (line: number, overrides: Partial<StatementRow> = {}): StatementRow => ({
  line,
  date: '2026-11-03',
  amount: -350,
  currency: 'EUR',
  payee: 'Café Central',
  note: null,
  externalId: null,
  ...overrides,
});

/** Eight bookings (two identical coffees without ids), an unreadable line and a pending entry. */
const statement: ParsedStatement & { skipped: { line: number; reason: string }[] } = {
  rows: [
    row(2, { externalId: 'FIT-1', amount: 250_000, payee: 'Employer', date: '2026-11-01' }),
    row(3, { externalId: 'FIT-2', amount: -115_000, payee: 'Landlord', date: '2026-11-02' }),
    row(4),
    row(5),
    row(7, { externalId: 'FIT-3', amount: -6_743, payee: 'REWE', date: '2026-11-05' }),
    row(8, { externalId: 'FIT-4', amount: -1_999, payee: 'Netflix', date: '2026-11-06' }),
    row(9, { amount: -4_800, payee: 'Shell', date: '2026-11-07' }),
    row(10, { externalId: 'FIT-5', amount: 2_000, payee: 'Refund', date: '2026-11-08', note: 'returned shoes' }),
  ],
  failures: [{ line: 6, reason: 'amount: "12,3O" is not a number' }],
  skipped: [{ line: 11, reason: 'pending' }],
};
const NET = statement.rows.reduce((sum, r) => sum + r.amount, 0);

let sequence = 0;
async function seedUser() {
  const userId = `import-user-${++sequence}`;
  await env.putAll([{ ...AccountEntity.key(userId, 'acc-eur'), ...accountFixture() }]);
  return userId;
}

function depsFor(files: ImportFiles, overrides: Partial<ImporterDeps> = {}): ImporterDeps {
  const { db, tableName } = env;
  return {
    store: createImportStore({ db, tableName }),
    files,
    parse: () => structuredClone(statement),
    recorder: createTransactionRecorder({ db, tableName }),
    rules: createRuleEngine({ db, tableName }),
    transactions: createTransactionStore({ db, tableName }),
    profile: async () => profile,
    accountCurrency: async () => 'EUR',
    chunkRows: 3,
    ...overrides,
  };
}

async function queue(userId: string, files: ImportFiles) {
  const importId = ulid();
  const fileKey = `imports/${userId}/${importId}/statement`;
  await files.put(fileKey, Buffer.from('the file'), 'text/csv');
  const job = newImportItem({
    importId,
    accountId: 'acc-eur',
    format: 'csv',
    mapping: null,
    preset: 'iso',
    fileKey,
    status: 'queued',
    now: new Date().toISOString(),
  });
  await createImportStore({ db: env.db, tableName: env.tableName }).create(userId, job);
  return job;
}

const jobOf = async (userId: string, importId: string) =>
  (await createImportStore({ db: env.db, tableName: env.tableName }).get(userId, importId)) as ImportItem;

/** Delivers the step the job asks for until it rests, as the stream would. */
async function drive(userId: string, importId: string, deps: ImporterDeps) {
  for (let guard = 0; guard < 200; guard++) {
    const job = await jobOf(userId, importId);
    if (!['queued', 'running', 'undoing'].includes(job.status)) return job;
    await runImportStep(userId, importId, job.step, deps);
  }
  throw new Error('The import never finished');
}

async function report(userId: string, importId: string) {
  const store = createImportStore({ db: env.db, tableName: env.tableName });
  return (await store.rows(userId, importId, { limit: 200 })).items;
}

async function balance(userId: string) {
  return (await createTransactionStore({ db: env.db, tableName: env.tableName }).getAccount(userId, 'acc-eur'))!;
}

const counts = { created: 8, duplicates: 0, needsReview: 0, failed: 1, skipped: 1 };

test('records every row once over several chunks and reports each entry in file order', async () => {
  const userId = await seedUser();
  const files = memoryFiles();
  const job = await queue(userId, files);
  const done = await drive(userId, job.importId, depsFor(files));

  expect(done).toMatchObject({ status: 'completed', total: 10, processed: 10, counts });
  expect(await balance(userId)).toMatchObject({ balance: NET, transactionCount: 8 });
  const rows = await report(userId, job.importId);
  expect(rows.map((r) => [r.line, r.status])).toEqual([
    [2, 'created'],
    [3, 'created'],
    [4, 'created'],
    [5, 'created'],
    [6, 'failed'],
    [7, 'created'],
    [8, 'created'],
    [9, 'created'],
    [10, 'created'],
    [11, 'skipped'],
  ]);
  expect(rows.find((r) => r.line === 6)?.reason).toBe('amount: "12,3O" is not a number');
  // Two identical coffees are two transactions.
  const coffees = rows.filter((r) => r.line === 4 || r.line === 5);
  expect(new Set(coffees.map((r) => r.transactionId)).size).toBe(2);
  const refund = await createTransactionStore({ db: env.db, tableName: env.tableName }).get(
    userId,
    rows.find((r) => r.line === 10)!.transactionId!,
  );
  expect(refund).toMatchObject({
    kind: 'income',
    amount: 2_000,
    note: 'returned shoes',
    externalId: 'import:acc-eur:FIT-5',
  });
});

test('importing the same file again records nothing and names the transactions it duplicates', async () => {
  const userId = await seedUser();
  const files = memoryFiles();
  const first = await queue(userId, files);
  await drive(userId, first.importId, depsFor(files));
  const firstRows = await report(userId, first.importId);

  const second = await queue(userId, files);
  const done = await drive(userId, second.importId, depsFor(files));

  expect(done.counts).toEqual({ created: 0, duplicates: 8, needsReview: 0, failed: 1, skipped: 1 });
  expect(await balance(userId)).toMatchObject({ balance: NET, transactionCount: 8 });
  const secondRows = await report(userId, second.importId);
  for (const r of secondRows.filter((x) => x.status === 'duplicate')) {
    expect(r.transactionId).toBe(firstRows.find((x) => x.line === r.line)?.transactionId);
  }
});

test('a duplicate or late step event changes nothing', async () => {
  const userId = await seedUser();
  const files = memoryFiles();
  const job = await queue(userId, files);
  const deps = depsFor(files);

  expect(await runImportStep(userId, job.importId, 0, deps)).toBe('parsed');
  expect(await runImportStep(userId, job.importId, 0, deps)).toBe('stale');
  expect(await runImportStep(userId, job.importId, 1, deps)).toBe('chunk');
  expect(await runImportStep(userId, job.importId, 1, deps)).toBe('stale');
  expect(await runImportStep(userId, job.importId, 0, deps)).toBe('stale');
  const done = await drive(userId, job.importId, deps);

  expect(done.counts).toEqual(counts);
  expect(await balance(userId)).toMatchObject({ balance: NET, transactionCount: 8 });
  expect(await report(userId, job.importId)).toHaveLength(10);
});

test('two deliveries of one chunk at once record each row once and count it once', async () => {
  const userId = await seedUser();
  const files = memoryFiles();
  const job = await queue(userId, files);
  const deps = depsFor(files, { chunkRows: 10 });
  await runImportStep(userId, job.importId, 0, deps);

  const outcomes = await Promise.all([
    runImportStep(userId, job.importId, 1, deps),
    runImportStep(userId, job.importId, 1, deps),
  ]);

  expect(outcomes.sort()).toEqual(['completed', 'stale']);
  expect((await jobOf(userId, job.importId)).counts).toEqual(counts);
  expect(await balance(userId)).toMatchObject({ balance: NET, transactionCount: 8 });
});

test('a crash in the middle of a chunk resumes without recording any row twice', async () => {
  const userId = await seedUser();
  const files = memoryFiles();
  const job = await queue(userId, files);
  const healthy = depsFor(files, { chunkRows: 10 });
  let writes = 0;
  const crashing = depsFor(files, {
    chunkRows: 10,
    recorder: {
      plan: healthy.recorder.plan,
      async write(...args) {
        if (++writes === 4) throw new Error('Lambda timed out');
        return healthy.recorder.write(...args);
      },
    },
  });
  await runImportStep(userId, job.importId, 0, healthy);

  await expect(runImportStep(userId, job.importId, 1, crashing)).rejects.toThrow('Lambda timed out');
  expect(await balance(userId)).toMatchObject({ transactionCount: 3 });
  expect((await jobOf(userId, job.importId)).processed).toBe(0);

  // The bus redelivers the same event.
  expect(await runImportStep(userId, job.importId, 1, healthy)).toBe('completed');
  expect((await jobOf(userId, job.importId)).counts).toEqual(counts);
  expect(await balance(userId)).toMatchObject({ balance: NET, transactionCount: 8 });
  expect(await report(userId, job.importId)).toHaveLength(10);
});

test('a row like a transaction recorded before the import waits for review, naming it', async () => {
  const userId = await seedUser();
  const files = memoryFiles();
  const recorder = createTransactionRecorder({ db: env.db, tableName: env.tableName });
  const planned = await recorder.plan(userId, profile, {
    kind: 'expense',
    accountId: 'acc-eur',
    money: { amount: 4_800, currency: 'EUR' },
    payee: 'SHELL Station 42',
    date: '2026-11-06',
  });
  await recorder.write(userId, planned);
  const job = await queue(userId, files);
  const done = await drive(userId, job.importId, depsFor(files));

  expect(done.counts).toEqual({ ...counts, created: 7, needsReview: 1 });
  const review = (await report(userId, job.importId)).find((r) => r.status === 'needs-review');
  expect(review).toMatchObject({ line: 9, transactionId: planned.item.transactionId });
  expect(await balance(userId)).toMatchObject({ balance: NET, transactionCount: 8 });
});

test('deciding a row that needs review: concurrent decisions record it once, and undo removes it', async () => {
  const userId = await seedUser();
  const files = memoryFiles();
  const recorder = createTransactionRecorder({ db: env.db, tableName: env.tableName });
  const shell = await recorder.plan(userId, profile, {
    kind: 'expense',
    accountId: 'acc-eur',
    money: { amount: 4_800, currency: 'EUR' },
    payee: 'SHELL Station 42',
    date: '2026-11-06',
  });
  await recorder.write(userId, shell);
  const job = await queue(userId, files);
  const deps = depsFor(files);
  await drive(userId, job.importId, deps);
  const index = (await report(userId, job.importId)).find((r) => r.status === 'needs-review')!.index;

  const decide = (decision: 'record' | 'duplicate') =>
    reviewRow(deps, { userId, profile, importId: job.importId, index, decision, now: new Date() });
  const decided = await Promise.allSettled([decide('record'), decide('record'), decide('record'), decide('duplicate')]);
  const recorded = decided.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  // Whichever decision won, every answer agrees with it and the row was decided once.
  const winner = recorded[0]!.review;
  expect(recorded.every((row) => row.review === winner && row.transactionId === recorded[0]!.transactionId)).toBe(true);
  expect(decided.filter((outcome) => outcome.status === 'rejected')).toHaveLength(winner === 'record' ? 1 : 3);

  const after = await jobOf(userId, job.importId);
  const expected = winner === 'record' ? { created: 8, needsReview: 0 } : { duplicates: 1, needsReview: 0 };
  expect(after.counts).toEqual({ ...counts, created: 7, ...expected });
  expect(await balance(userId)).toMatchObject(
    winner === 'record' ? { balance: NET - 4_800, transactionCount: 9 } : { balance: NET, transactionCount: 8 },
  );

  const now = new Date().toISOString();
  await deps.store.transition(
    userId,
    job.importId,
    ['completed'],
    { status: 'undoing', undo: null, undoCursor: null },
    now,
  );
  const undone = await drive(userId, job.importId, deps);
  expect(undone.undo).toEqual({ removed: winner === 'record' ? 8 : 7, keptEdited: 0, alreadyDeleted: 0 });
  // Only the transaction entered by hand is left.
  expect(await balance(userId)).toMatchObject({ balance: -4_800, transactionCount: 1 });
  await expect(decide(winner === 'record' ? 'duplicate' : 'record')).rejects.toThrow();
});

test('undo removes what the import created, keeps what was edited, and a re-import records it again', async () => {
  const userId = await seedUser();
  const files = memoryFiles();
  const transactions = createTransactionStore({ db: env.db, tableName: env.tableName });
  const job = await queue(userId, files);
  await drive(userId, job.importId, depsFor(files));
  const rows = await report(userId, job.importId);
  const idOf = (line: number) => rows.find((r) => r.line === line)!.transactionId!;

  // The user re-categorises nothing but renames the rent's payee, and deletes the Netflix line.
  const rent = (await transactions.get(userId, idOf(3)))!;
  const now = new Date().toISOString();
  await transactions.apply(userId, {
    replaced: [{ item: { ...rent, payee: 'Hausverwaltung', version: 2, updatedAt: now }, readVersion: 1 }],
    deltas: { accounts: [], categories: [] },
    now,
  });
  const netflix = (await transactions.get(userId, idOf(8)))!;
  await transactions.apply(userId, {
    deleted: [netflix],
    deltas: { accounts: [{ accountId: 'acc-eur', balance: 1_999, count: -1 }], categories: [] },
    now,
  });

  const store = createImportStore({ db: env.db, tableName: env.tableName });
  await store.transition(userId, job.importId, ['completed'], { status: 'undoing', undo: null, undoCursor: null }, now);
  const undone = await drive(userId, job.importId, depsFor(files));

  expect(undone.status).toBe('undone');
  expect(undone.undo).toEqual({ removed: 6, keptEdited: 1, alreadyDeleted: 1 });
  expect(await balance(userId)).toMatchObject({ balance: -115_000, transactionCount: 1 });
  const after = await report(userId, job.importId);
  expect(after.find((r) => r.line === 3)?.undo).toBe('kept-edited');
  expect(after.find((r) => r.line === 8)?.undo).toBe('already-deleted');
  expect(after.filter((r) => r.undo === 'removed')).toHaveLength(6);

  // The claims went with the transactions: importing again records them (the rent is a duplicate).
  const again = await queue(userId, files);
  const redone = await drive(userId, again.importId, depsFor(files));
  expect(redone.counts).toEqual({ ...counts, created: 7, duplicates: 1 });
  expect(await balance(userId)).toMatchObject({ balance: NET, transactionCount: 8 });
});

test('an uploaded Windows-1252 statement reaches the parser as the text the bank wrote', async () => {
  const userId = await seedUser();
  const files = memoryFiles();
  const job = await queue(userId, files);
  await files.put(job.fileKey, Buffer.from('Date;Payee\n01.11.2026;B\xe4ckerei M\xfcller\n', 'latin1'), 'text/csv');
  let seen = '';
  const deps = depsFor(files, {
    parse: (_format, content) => {
      seen = content;
      return { rows: [], failures: [] };
    },
  });
  expect(await drive(userId, job.importId, deps)).toMatchObject({ status: 'completed', total: 0 });
  expect(seen).toContain('Bäckerei Müller');
});

test('a file that is not a statement, or is missing, fails the import with the reason', async () => {
  const userId = await seedUser();
  const files = memoryFiles();
  const job = await queue(userId, files);
  const unreadable = depsFor(files, {
    parse: () => {
      throw new Error('no <OFX> element');
    },
  });
  expect(await drive(userId, job.importId, unreadable)).toMatchObject({
    status: 'failed',
    failure: 'not-a-statement: no <OFX> element',
  });

  const lost = await queue(userId, memoryFiles());
  expect(await drive(userId, lost.importId, depsFor(memoryFiles()))).toMatchObject({
    status: 'failed',
    failure: 'file-missing',
  });
  expect(await balance(userId)).toMatchObject({ balance: 0, transactionCount: 0 });
});

test("a preset's file without its optional columns imports: the job keeps the preset's whole mapping", async () => {
  const userId = await seedUser();
  const files = memoryFiles();
  const importId = ulid();
  const fileKey = `imports/${userId}/${importId}/statement`;
  await files.put(fileKey, Buffer.from('Date;Payee;Amount\n06.11.2026;REWE Markt;-12,50\n'), 'text/csv');
  const store = createImportStore({ db: env.db, tableName: env.tableName });
  await store.create(
    userId,
    newImportItem({
      importId,
      accountId: 'acc-eur',
      format: 'csv',
      mapping: csvPresets['eu-semicolon'],
      preset: 'eu-semicolon',
      fileKey,
      status: 'queued',
      now: new Date().toISOString(),
    }),
  );
  const job = await drive(userId, importId, depsFor(files, { parse: parseStatement }));
  expect(job).toMatchObject({ status: 'completed', total: 1, failure: null });
  expect((await balance(userId)).balance).toBe(-1250);
});
