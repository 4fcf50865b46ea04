/**
 * Statement imports as a user drives them: an OFX 1.02 file and a bank-style CSV (semicolons,
 * decimal commas, day-first dates) each imported twice create each transaction once; undo removes
 * exactly those; the account balance and an all-spending budget's total are exact after every
 * step. Then a CSV without ids (two identical coffees stay two; a row like an earlier entry waits
 * for review), the upload path (grant, POST to the bucket, start), validation, and isolation on
 * every import route.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBudget, spentByPeriod } from './support/alerts';
import { api } from './support/api-client';
import { expectProblem } from './support/expectations';
import {
  type AccountView,
  createAccount,
  createTransaction,
  expectOk,
  getAccount,
  type LedgerUser,
  ledgerUser,
  listAll,
  listTransactions,
} from './support/ledger';
import { sleep } from './support/poll';
import { CHAOS_OFF, CHAOS_ON, setChaos, settle } from './support/settle';
import { closeTable } from './support/table';
import { describeWithMailbox } from './support/targets';

jest.setTimeout(300_000);
afterAll(() => closeTable());

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/statements', name), 'utf8');

type Counts = {
  total: number | null;
  created: number;
  duplicates: number;
  needsReview: number;
  failed: number;
  skipped: number;
};
type ImportView = {
  id: string;
  status: string;
  counts: Counts;
  progress: { processed: number; total: number | null };
  undo: { removed: number; keptEdited: number; alreadyDeleted: number } | null;
  failure: string | null;
  upload: { url: string; fields: Record<string, string>; contentType: string; start: string } | null;
};
type RowView = {
  line: number;
  status: string;
  transactionId: string | null;
  undo: string | null;
  reason: string | null;
};

const RESTING = ['completed', 'failed', 'undone', 'awaiting-upload'];

/** Follows an import until it rests (completed, failed, undone). */
async function follow(user: LedgerUser, id: string): Promise<ImportView> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const view = expectOk(await api.get(`/v1/imports/${id}`, { token: user.token }), 200, 'get import')
      .json as ImportView;
    if (RESTING.includes(view.status)) return view;
    if (Date.now() > deadline) throw new Error(`Import ${id} still ${view.status}`);
    await sleep(200);
  }
}

async function importInline(user: LedgerUser, body: Record<string, unknown>): Promise<ImportView> {
  const created = expectOk(await api.post('/v1/imports', body, { token: user.token }), 202, 'create import');
  expect(created.json).toMatchObject({ status: 'queued', upload: null });
  expect(created.headers.get('location')).toBe(`/v1/imports/${created.json.id}`);
  return follow(user, created.json.id);
}

async function undo(user: LedgerUser, id: string): Promise<ImportView> {
  expectOk(await api.delete(`/v1/imports/${id}`, { token: user.token }), 202, 'undo import');
  return follow(user, id);
}

const reportOf = async (user: LedgerUser, id: string, query: Record<string, string> = {}) =>
  (await listAll<RowView>(user, `/v1/imports/${id}/rows`, { limit: 7, ...query })).items;

const statements = [
  {
    name: 'an OFX 1.02 statement',
    body: { format: 'ofx', content: fixture('bank-1.02.ofx') },
    currency: 'USD',
    rows: 10,
    out: 204_464,
    net: 45_659,
  },
  {
    name: 'a semicolon CSV with decimal commas and day-first dates',
    body: { format: 'csv', preset: 'eu-semicolon', content: fixture('eu-semicolon.csv') },
    currency: 'EUR',
    rows: 15,
    out: 170_175,
    net: 198_612,
  },
];

describe.each(statements)('$name', ({ body, currency, rows, out, net }) => {
  let user: LedgerUser;
  let account: AccountView;
  let budgetId: string;
  let first: ImportView;
  let firstIds: string[];

  const balance = async () => (await getAccount(user, account.id)).balance.amount;
  const spent = async () => {
    await settle();
    return Object.values(await spentByPeriod(user, budgetId, '2026-11-01', '2026-11-30')).reduce((a, b) => a + b, 0);
  };
  const ledgerIds = async () => (await listTransactions(user, { accountId: account.id })).map((t) => t.id).sort();

  beforeAll(async () => {
    user = await ledgerUser({ homeCurrency: currency });
    account = await createAccount(user, { name: 'Bank', currency });
    budgetId = (
      await createBudget(user, {
        name: 'Everything',
        limit: { amount: 10_000_000, currency },
        thresholds: [],
        startDate: '2026-11-01',
      })
    ).id;
    await settle();
  });

  test('the first import creates every row once; balance and budget are exact', async () => {
    first = await importInline(user, { accountId: account.id, ...body });
    expect(first).toMatchObject({
      status: 'completed',
      counts: { total: rows, created: rows, duplicates: 0, needsReview: 0, failed: 0, skipped: 0 },
      progress: { processed: rows, total: rows },
    });
    const report = await reportOf(user, first.id);
    expect(report.map((r) => r.status)).toEqual(Array(rows).fill('created'));
    firstIds = report.map((r) => r.transactionId!).sort();
    expect(await ledgerIds()).toEqual(firstIds);
    expect(await balance()).toBe(net);
    expect(await spent()).toBe(out);
  });

  test('importing the same file again creates nothing and names each duplicate', async () => {
    const second = await importInline(user, { accountId: account.id, ...body });
    expect(second.counts).toEqual({ total: rows, created: 0, duplicates: rows, needsReview: 0, failed: 0, skipped: 0 });
    const report = await reportOf(user, second.id, { status: 'duplicate' });
    expect(report.map((r) => r.transactionId!).sort()).toEqual(firstIds);
    expect(await ledgerIds()).toEqual(firstIds);
    expect(await balance()).toBe(net);
    expect(await spent()).toBe(out);
  });

  test('undo removes exactly what the import created; balance and budget go back to zero', async () => {
    const undone = await undo(user, first.id);
    expect(undone).toMatchObject({ status: 'undone', undo: { removed: rows, keptEdited: 0, alreadyDeleted: 0 } });
    expect((await reportOf(user, first.id)).every((r) => r.undo === 'removed')).toBe(true);
    expect(await ledgerIds()).toEqual([]);
    expect(await balance()).toBe(0);
    expect(await spent()).toBe(0);
    // Asking again changes nothing.
    expect((await undo(user, first.id)).status).toBe('undone');
  });

  test('after undo the file imports again', async () => {
    const again = await importInline(user, { accountId: account.id, ...body });
    expect(again.counts.created).toBe(rows);
    expect(await balance()).toBe(net);
    expect(await spent()).toBe(out);
  });
});

describe('a CSV without ids', () => {
  const csv = [
    'Date,Payee,Description,Amount',
    '2026-11-10,Coffee Bar,,-3.50',
    '2026-11-10,Coffee Bar,,-3.50',
    '2026-11-12,SHELL,fuel,-48.00',
    '2026-11-13,Bakery,,-2.2x',
  ].join('\n');
  let user: LedgerUser;
  let account: AccountView;
  let fuelId: string;
  let firstId: string;
  let secondId: string;

  beforeAll(async () => {
    user = await ledgerUser();
    account = await createAccount(user, { currency: 'EUR' });
  });

  test('two identical coffees are two transactions; a row like an earlier entry waits for review', async () => {
    const fuel = await createTransaction(user, {
      accountId: account.id,
      money: { amount: 4_800, currency: 'EUR' },
      payee: 'Shell Station 42',
      date: '2026-11-11',
    });
    fuelId = fuel.id;
    const first = await importInline(user, { accountId: account.id, format: 'csv', preset: 'iso', content: csv });
    firstId = first.id;
    expect(first.counts).toEqual({ total: 4, created: 2, duplicates: 0, needsReview: 1, failed: 1, skipped: 0 });
    const report = await reportOf(user, first.id);
    expect(report.map((r) => [r.line, r.status])).toEqual([
      [2, 'created'],
      [3, 'created'],
      [4, 'needs-review'],
      [5, 'failed'],
    ]);
    expect(report[2]!.transactionId).toBe(fuel.id);
    expect(report[3]!.reason).toEqual(expect.any(String));
    expect(await getAccount(user, account.id)).toMatchObject({ balance: { amount: -5_500 }, transactionCount: 3 });

    const second = await importInline(user, { accountId: account.id, format: 'csv', preset: 'iso', content: csv });
    secondId = second.id;
    expect(second.counts).toEqual({ total: 4, created: 0, duplicates: 2, needsReview: 1, failed: 1, skipped: 0 });
    expect(await getAccount(user, account.id)).toMatchObject({ balance: { amount: -5_500 }, transactionCount: 3 });
  });

  test('a row that needs review is recorded on request, once; its twin in a later import is then a duplicate', async () => {
    const review = (id: string, index: number, body: unknown) =>
      api.post(`/v1/imports/${id}/rows/${index}/review`, body, { token: user.token });
    expectProblem(await review(firstId, 2, { decision: 'maybe' }), 400, ['decision']);
    expectProblem(await review(firstId, 0, { decision: 'record' }), 409);
    expectProblem(await review(firstId, 99, { decision: 'record' }), 404);

    const recorded = expectOk(await review(firstId, 2, { decision: 'record' }), 200, 'record').json as RowView & {
      review: string;
      candidateId: string;
    };
    expect(recorded).toMatchObject({ line: 4, status: 'created', review: 'record', candidateId: fuelId });
    expect(recorded.transactionId).not.toBe(fuelId);
    const fuel = expectOk(
      await api.get(`/v1/transactions/${recorded.transactionId}`, { token: user.token }),
      200,
      'the recorded row',
    ).json;
    expect(fuel).toMatchObject({ money: { amount: 4_800, currency: 'EUR' }, note: 'fuel', status: 'cleared' });
    // Asked again, the same answer and nothing more recorded.
    expect(expectOk(await review(firstId, 2, { decision: 'record' }), 200, 'again').json).toEqual(recorded);
    expectProblem(await review(firstId, 2, { decision: 'duplicate' }), 409);
    expect(await getAccount(user, account.id)).toMatchObject({ balance: { amount: -10_300 }, transactionCount: 4 });
    expect((await follow(user, firstId)).counts).toEqual({
      total: 4,
      created: 3,
      duplicates: 0,
      needsReview: 0,
      failed: 1,
      skipped: 0,
    });

    // The later import's row is the same line: recording it again would book it twice.
    expectProblem(await review(secondId, 2, { decision: 'record' }), 409);
    const confirmed = expectOk(await review(secondId, 2, { decision: 'duplicate' }), 200, 'duplicate').json;
    expect(confirmed).toMatchObject({ status: 'duplicate', review: 'duplicate', transactionId: fuelId });
    expect((await follow(user, secondId)).counts).toMatchObject({ duplicates: 3, needsReview: 0 });
    expect(await getAccount(user, account.id)).toMatchObject({ balance: { amount: -10_300 }, transactionCount: 4 });
  });

  test('undo keeps an imported transaction the user edited since, and says so', async () => {
    const third = await importInline(user, {
      accountId: account.id,
      format: 'csv',
      preset: 'iso',
      content: 'Date,Payee,Description,Amount\n2026-11-20,Cinema,,-12.00\n2026-11-21,Books,,-20.00\n',
    });
    const [cinema, books] = await reportOf(user, third.id);
    expectOk(
      await api.patch(`/v1/transactions/${books!.transactionId}`, { note: 'a present' }, { token: user.token }),
      200,
      'edit',
    );
    const undone = await undo(user, third.id);
    expect(undone.undo).toEqual({ removed: 1, keptEdited: 1, alreadyDeleted: 0 });
    expect((await reportOf(user, third.id)).map((r) => r.undo)).toEqual(['removed', 'kept-edited']);
    expect((await api.get(`/v1/transactions/${cinema!.transactionId}`, { token: user.token })).status).toBe(404);
    expect((await api.get(`/v1/transactions/${books!.transactionId}`, { token: user.token })).status).toBe(200);
  });
});

// Chaos needs the local bus (as the mailbox does): every event delivered twice, late, out of order.
describeWithMailbox('under chaos', () => {
  afterAll(() => setChaos(CHAOS_OFF));

  test('every step event delivered twice and late still records each row once, and undo removes each once', async () => {
    const user = await ledgerUser({ homeCurrency: 'USD' });
    const account = await createAccount(user, { currency: 'USD' });
    await setChaos(CHAOS_ON);
    const done = await importInline(user, { accountId: account.id, format: 'ofx', content: fixture('bank-1.02.ofx') });
    expect(done.counts).toEqual({ total: 10, created: 10, duplicates: 0, needsReview: 0, failed: 0, skipped: 0 });
    expect(await getAccount(user, account.id)).toMatchObject({ balance: { amount: 45_659 }, transactionCount: 10 });
    const undone = await undo(user, done.id);
    expect(undone.undo).toEqual({ removed: 10, keptEdited: 0, alreadyDeleted: 0 });
    await setChaos(CHAOS_OFF);
    await settle();
    expect(await getAccount(user, account.id)).toMatchObject({ balance: { amount: 0 }, transactionCount: 0 });
  });
});

describe('a statement through an upload grant', () => {
  test('awaits its file, refuses to start without it, then imports it once started', async () => {
    const user = await ledgerUser({ homeCurrency: 'USD' });
    const account = await createAccount(user, { currency: 'USD' });
    const created = expectOk(
      await api.post('/v1/imports', { accountId: account.id, format: 'ofx' }, { token: user.token }),
      202,
      'create import',
    ).json as ImportView;
    expect(created.status).toBe('awaiting-upload');
    expect(created.upload).toMatchObject({
      contentType: 'application/x-ofx',
      start: `/v1/imports/${created.id}/start`,
    });

    expectProblem(await api.post(`/v1/imports/${created.id}/start`, undefined, { token: user.token }), 409);

    const form = new FormData();
    for (const [name, value] of Object.entries(created.upload!.fields)) form.append(name, value);
    form.append('file', new Blob([fixture('bank-1.02.ofx')], { type: 'application/x-ofx' }), 'bank.ofx');
    expect((await fetch(created.upload!.url, { method: 'POST', body: form })).status).toBe(204);

    expectOk(await api.post(`/v1/imports/${created.id}/start`, undefined, { token: user.token }), 202, 'start');
    const done = await follow(user, created.id);
    expect(done.counts).toMatchObject({ total: 10, created: 10 });
    expect((await getAccount(user, account.id)).balance.amount).toBe(45_659);
  });
});

describe('retries and listing', () => {
  test('a retried create with its Idempotency-Key answers the first import; the list pages newest first', async () => {
    const user = await ledgerUser();
    const account = await createAccount(user, { currency: 'EUR' });
    const body = { accountId: account.id, format: 'csv', preset: 'eu-semicolon', content: fixture('eu-semicolon.csv') };
    const headers = { 'idempotency-key': `import-${account.id}` };
    const first = expectOk(await api.post('/v1/imports', body, { token: user.token, headers }), 202, 'create');
    const retry = expectOk(await api.post('/v1/imports', body, { token: user.token, headers }), 202, 'retry');
    expect(retry.json.id).toBe(first.json.id);
    await follow(user, first.json.id);
    const second = await importInline(user, { ...body });
    const listed = await listAll<ImportView>(user, '/v1/imports', { limit: 1 });
    expect(listed.items.map((i) => i.id)).toEqual([second.id, first.json.id]);
    expect(listed.pages.slice(0, 2)).toEqual([1, 1]);
    expect(await getAccount(user, account.id)).toMatchObject({ balance: { amount: 198_612 }, transactionCount: 15 });
  });
});

describe('validation and isolation', () => {
  let owner: LedgerUser;
  let stranger: LedgerUser;
  let account: AccountView;
  let imported: ImportView;

  beforeAll(async () => {
    [owner, stranger] = await Promise.all([ledgerUser(), ledgerUser()]);
    account = await createAccount(owner, { currency: 'EUR' });
    imported = await importInline(owner, {
      accountId: account.id,
      format: 'csv',
      preset: 'eu-semicolon',
      content: fixture('eu-semicolon.csv'),
    });
  });

  test('a CSV needs a usable mapping; a file not in its format is refused up front', async () => {
    const post = (body: Record<string, unknown>) => api.post('/v1/imports', body, { token: owner.token });
    const content = 'Date,Amount\n2026-11-01,-1.00\n';
    expectProblem(await post({ accountId: account.id, format: 'csv', content }), 422, ['mapping']);
    expectProblem(await post({ accountId: account.id, format: 'csv', preset: 'nope', content }), 422, ['preset']);
    expectProblem(
      await post({
        accountId: account.id,
        format: 'csv',
        content,
        mapping: { decimalSeparator: '.', dateFormat: 'YYYY-MM-DD', columns: { date: 'Date' } },
      }),
      422,
      ['mapping.columns.amount'],
    );
    expectProblem(await post({ accountId: account.id, format: 'ofx', content: 'not an OFX file' }), 422);
    expectProblem(await post({ accountId: account.id, format: 'ofx', contentType: 'image/png' }), 422, ['contentType']);
    expectProblem(await post({ accountId: account.id, format: 'xls', content }), 400, ['format']);
    expectProblem(await post({ accountId: '01ZZZZZZZZZZZZZZZZZZZZZZZZ', format: 'ofx' }), 404);
  });

  test("another user's import is not found on any route, and their account cannot be imported into", async () => {
    const as = { token: stranger.token };
    expectProblem(await api.get(`/v1/imports/${imported.id}`, as), 404);
    expectProblem(await api.get(`/v1/imports/${imported.id}/rows`, as), 404);
    expectProblem(await api.post(`/v1/imports/${imported.id}/start`, undefined, as), 404);
    expectProblem(await api.delete(`/v1/imports/${imported.id}`, as), 404);
    expectProblem(await api.post(`/v1/imports/${imported.id}/rows/0/review`, { decision: 'record' }, as), 404);
    expect((await api.get('/v1/imports', as)).json.items).toEqual([]);
    expectProblem(
      await api.post('/v1/imports', { accountId: account.id, format: 'csv', preset: 'iso', content: 'x' }, as),
      404,
    );
    // The owner's import is untouched.
    expect((await follow(owner, imported.id)).status).toBe('completed');
    expect((await api.get('/v1/imports', { token: owner.token })).json.items.map((i: ImportView) => i.id)).toEqual([
      imported.id,
    ]);
  });
});
