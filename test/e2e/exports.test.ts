/**
 * Exports end to end: 5,000 transactions in three currencies and accounts, seeded straight into
 * the table (the stream publishes them as it would any write); an xlsx export followed while it
 * runs; the email with its link (and the small file attached); the link followed to a workbook
 * that, read back with exceljs, holds exactly what GET /v1/transactions lists for the range, with
 * Summary totals equal to the ones computed here. Then a CSV export (formula injection
 * neutralised), validation, and isolation on every export route.
 */
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import ExcelJS from 'exceljs';
import { ulid } from 'ulid';
import { routes } from '../../lib/catalog/routes';
import { TransactionEntity, type TransactionItem, transactionIndexKeys } from '../../shared/transactions/items';
import { type ApiResult, api, call } from './support/api-client';
import { expectProblem } from './support/expectations';
import {
  type AccountView,
  createAccount,
  createTransaction,
  expectOk,
  type LedgerUser,
  ledgerUser,
  listAll,
} from './support/ledger';
import { type Mail, mailsTo } from './support/mailbox';
import { isLocalCloud, stackOutputs } from './support/outputs';
import { sleep } from './support/poll';
import { closeTable, putItems, userItemSortKeys } from './support/table';
import { describeWithMailbox } from './support/targets';

jest.setTimeout(600_000);
afterAll(() => closeTable());

const COUNT = 5000;
const FROM = '2026-02-01';
const TO = '2026-05-31';
const INJECTION = '=HYPERLINK("http://evil.example","click me")';
/** How long an export of a few thousand rows may take behind the seeding's 5,000 stream events. */
const EXPORT_DEADLINE_MS = 300_000;

type ExportView = {
  id: string;
  status: 'queued' | 'running' | 'ready' | 'failed';
  progress: { rowsWritten: number; totalRows: number | null };
  fileSize: number | null;
  download: string | null;
};
type Money = { amount: number; currency: string };
type Listed = {
  id: string;
  date: string;
  money: Money;
  accountAmount: Money;
  homeAmount: Money;
  categoryId: string | null;
  note: string | null;
  status: string;
};
type Category = { id: string; name: string; parentId: string | null };

const decimals: Record<string, number> = { EUR: 2, USD: 2, JPY: 0 };
const asNumber = (amount: number, currency: string) =>
  Number((amount / 10 ** decimals[currency]!).toFixed(decimals[currency]));

/** Follows an export until it is ready, recording every state seen on the way. */
async function followExport(user: LedgerUser, id: string) {
  const seen: ExportView[] = [];
  const deadline = Date.now() + EXPORT_DEADLINE_MS;
  for (;;) {
    const view = expectOk(await api.get(`/v1/exports/${id}`, { token: user.token }), 200, 'get export')
      .json as ExportView;
    seen.push(view);
    if (view.status === 'ready' || view.status === 'failed') return { view, seen };
    if (Date.now() > deadline) throw new Error(`Export ${id} still ${view.status} after ${EXPORT_DEADLINE_MS} ms`);
    await sleep(50);
  }
}

/** The download route, not following its redirect. */
const download = (token: string, path: string) =>
  fetch(`${stackOutputs().ApiUrl}${path}`, { headers: { authorization: `Bearer ${token}` }, redirect: 'manual' });

async function mailWithSubject(address: string, subject: string): Promise<Mail> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const mail = (await mailsTo(address)).find((candidate) => candidate.subject === subject);
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`No mail "${subject}" to ${address}`);
    await sleep(200);
  }
}

describeWithMailbox('exports', () => {
  let a: LedgerUser;
  let b: LedgerUser;
  let accounts: AccountView[];
  let categories: Category[];
  let listed: Listed[];

  beforeAll(async () => {
    [a, b] = await Promise.all([ledgerUser({ homeCurrency: 'EUR' }), ledgerUser({ homeCurrency: 'EUR' })]);
    accounts = await Promise.all(
      ['EUR', 'USD', 'JPY'].map((currency) => createAccount(a, { name: `${currency} account`, currency })),
    );
    categories = (await listAll<Category>(a, '/v1/categories', { limit: 200 })).items;
    const usable = categories.filter((category) => category.parentId !== null).slice(0, 6);
    const items = Array.from({ length: COUNT }, (_, i): Record<string, unknown> => {
      const account = accounts[i % 3]!;
      const currency = account.currency;
      const amount = currency === 'JPY' ? 100 + (i % 900) * 10 : 100 + ((i * 37) % 90_000);
      const rate = { EUR: '1', USD: '0.9', JPY: '0.0062' }[currency]!;
      const homeAmount = currency === 'EUR' ? amount : Math.round(currency === 'JPY' ? amount * 0.62 : amount * 0.9);
      const income = i % 10 === 0;
      const date = new Date(Date.UTC(2026, 0, 1) + (i % 180) * 86_400_000).toISOString().slice(0, 10);
      const item: TransactionItem = {
        type: 'TRANSACTION',
        transactionId: ulid(),
        kind: income ? 'income' : 'expense',
        accountId: account.id,
        date,
        amount,
        currency,
        accountAmount: income ? amount : -amount,
        accountCurrency: currency,
        homeAmount: income ? homeAmount : -homeAmount,
        homeCurrency: 'EUR',
        accountConversion: null,
        homeConversion:
          currency === 'EUR' ? null : { rate, source: 'ECB', rateDate: date, fallback: false, provisional: false },
        categoryId: i % 7 === 0 ? null : usable[i % usable.length]!.id,
        payee: i % 5 === 0 ? `Shop ${i % 13}` : null,
        note: i === 42 ? INJECTION : i % 9 === 0 ? `note ${i}, with "quotes"` : null,
        tags: i % 4 === 0 ? ['trip'] : [],
        externalId: null,
        transferId: null,
        counterpartAccountId: null,
        createdAt: '2026-07-01T00:00:00.000Z',
        updatedAt: '2026-07-01T00:00:00.000Z',
        version: 1,
        // Every lifecycle status that counts, and items older than statuses (read as cleared).
        ...(i % 4 === 3 ? {} : { status: (['pending', 'cleared', 'reconciled'] as const)[Math.floor(i / 3) % 3] }),
      };
      return {
        ...TransactionEntity.key(a.userId, item.transactionId),
        ...item,
        ...transactionIndexKeys(a.userId, item),
      };
    });
    await putItems(items);
    listed = (await listAll<Listed>(a, '/v1/transactions', { from: FROM, to: TO, limit: 200 })).items;
    expect(listed.length).toBeGreaterThan(2000);
  });

  test('an xlsx export runs in chunks, is emailed once with its link, and holds exactly the listed transactions', async () => {
    const body = { format: 'xlsx', from: FROM, to: TO };
    const created = await api.post('/v1/exports', body, { token: a.token, headers: { 'idempotency-key': 'export-1' } });
    expectOk(created, 202, 'create export');
    const job = created.json as ExportView;
    expect(job).toMatchObject({ status: 'queued', progress: { rowsWritten: 0, totalRows: null }, download: null });
    expect(created.headers.get('location')).toBe(`/v1/exports/${job.id}`);
    // A retry with the same key answers the same job.
    const replay = await api.post('/v1/exports', body, { token: a.token, headers: { 'idempotency-key': 'export-1' } });
    expect(replay.status).toBe(202);
    expect(replay.json.id).toBe(job.id);
    // Many chunks and a file to write: not downloadable on the next request.
    const early = await download(a.token, `/v1/exports/${job.id}/download`);
    expect(early.status).toBe(409);
    expect(early.headers.get('content-type')).toBe('application/problem+json');

    const { view, seen } = await followExport(a, job.id);
    expect(view.status).toBe('ready');
    expect(view.progress).toEqual({ rowsWritten: listed.length, totalRows: listed.length });
    // Progress is visible while it runs: a running state with rows written, short of the total.
    const running = seen.filter((state) => state.status === 'running');
    expect(running.length).toBeGreaterThan(0);
    const counts = seen.map((state) => state.progress.rowsWritten);
    expect(counts).toEqual([...counts].sort((x, y) => x - y));
    expect(running.some((state) => state.progress.rowsWritten > 0 && state.progress.rowsWritten < listed.length)).toBe(
      true,
    );

    const list = expectOk(await api.get('/v1/exports', { token: a.token }), 200, 'list exports').json;
    expect(list.items.map((item: ExportView) => item.id)).toContain(job.id);

    const mail = await mailWithSubject(a.email, 'Your Moneta export is ready');
    const link = `${stackOutputs().ApiUrl}/v1/exports/${job.id}/download`;
    expect(mail.text).toContain(link);
    expect(mail.text).toContain(`${listed.length.toLocaleString('en-US')} transactions`);

    const redirect = await fetch(link, { headers: { authorization: `Bearer ${a.token}` }, redirect: 'manual' });
    expect(redirect.status).toBe(303);
    const signed = (await redirect.json()) as { url: string; expiresAt: string };
    expect(redirect.headers.get('location')).toBe(signed.url);
    const file = await fetch(signed.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain(`transactions-${FROM}-to-${TO}.xlsx`);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.length).toBe(view.fileSize);
    // Small enough to travel with the email too: the same bytes.
    expect(mail.attachments).toHaveLength(1);
    expect(Buffer.from(mail.attachments![0]!.contentBase64, 'base64')).toEqual(bytes);
    // Exactly once: a single mail for this export.
    expect((await mailsTo(a.email)).filter((m) => m.subject === 'Your Moneta export is ready')).toHaveLength(1);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Transactions')!;
    const rows: {
      id: string;
      date: Date;
      amount: number;
      currency: string;
      accountAmount: number;
      home: number;
      status: string;
    }[] = [];
    sheet.eachRow((row, index) => {
      if (index === 1) return;
      rows.push({
        id: row.getCell(16).value as string,
        date: row.getCell(1).value as Date,
        amount: row.getCell(8).value as number,
        currency: row.getCell(9).value as string,
        accountAmount: row.getCell(10).value as number,
        home: row.getCell(12).value as number,
        status: row.getCell(17).value as string,
      });
    });
    expect(rows.map((row) => row.id)).toEqual(listed.map((t) => t.id));
    rows.forEach((row, i) => {
      const t = listed[i]!;
      expect(row.date).toEqual(new Date(`${t.date}T00:00:00Z`));
      expect(row).toMatchObject({
        amount: asNumber(t.money.amount, t.money.currency),
        currency: t.money.currency,
        accountAmount: asNumber(t.accountAmount.amount, t.accountAmount.currency),
        home: asNumber(t.homeAmount.amount, 'EUR'),
        status: t.status,
      });
    });
    expect(sheet.getRow(2).getCell(8).numFmt).toBe(listed[0]!.money.currency === 'JPY' ? '#,##0' : '#,##0.00');

    // Summary: home totals by category path and by month, computed here from the API's list.
    const byId = new Map(categories.map((category) => [category.id, category]));
    const path = (id: string | null) => {
      if (id === null) return '(uncategorised)';
      const category = byId.get(id)!;
      const parent = category.parentId ? byId.get(category.parentId) : undefined;
      return parent ? `${parent.name} / ${category.name}` : category.name;
    };
    const expectedCategories = new Map<string, number>();
    const expectedMonths = new Map<string, number>();
    for (const t of listed) {
      expectedCategories.set(
        path(t.categoryId),
        (expectedCategories.get(path(t.categoryId)) ?? 0) + t.homeAmount.amount,
      );
      expectedMonths.set(t.date.slice(0, 7), (expectedMonths.get(t.date.slice(0, 7)) ?? 0) + t.homeAmount.amount);
    }
    const summary = workbook.getWorksheet('Summary')!;
    const categoryTotals = new Map<string, number>();
    const monthTotals = new Map<string, number>();
    summary.eachRow((row, index) => {
      if (index === 1) return;
      if (row.getCell(1).value) categoryTotals.set(row.getCell(1).value as string, row.getCell(3).value as number);
      if (row.getCell(5).value) monthTotals.set(row.getCell(5).value as string, row.getCell(7).value as number);
    });
    const asEur = (totals: Map<string, number>) =>
      new Map([...totals].map(([key, minor]) => [key, asNumber(minor, 'EUR')]));
    expect(categoryTotals).toEqual(asEur(expectedCategories));
    expect(monthTotals).toEqual(asEur(expectedMonths));
  });

  test('a CSV export neutralises formulas and lists the filtered transactions', async () => {
    const eur = accounts[0]!;
    const created = await api.post(
      '/v1/exports',
      { format: 'csv', from: '2026-01-01', to: '2026-06-30', accountIds: [eur.id] },
      { token: a.token },
    );
    expectOk(created, 202, 'create csv export');
    const { view } = await followExport(a, created.json.id);
    expect(view.status).toBe('ready');
    const expected = (
      await listAll<Listed>(a, '/v1/transactions', {
        from: '2026-01-01',
        to: '2026-06-30',
        accountId: eur.id,
        limit: 200,
      })
    ).items;
    expect(view.progress.rowsWritten).toBe(expected.length);

    const redirect = await download(a.token, view.download!);
    expect(redirect.status).toBe(303);
    const bytes = Buffer.from(await (await fetch(redirect.headers.get('location')!)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const records = text.split('\r\n').slice(1, -1);
    // Notes with quotes are quoted (RFC 4180); quoted fields hold no CRLF here, so a line is a record.
    expect(records).toHaveLength(expected.length);
    expect(records.map((line) => line.split(',').slice(-2))).toEqual(expected.map((t) => [t.id, t.status]));
    expect(new Set(expected.map((t) => t.status))).toEqual(new Set(['pending', 'cleared', 'reconciled']));
    const injected = records.find((line) => line.includes('HYPERLINK'));
    expect(injected).toContain(`"'=HYPERLINK(""http://evil.example"",""click me"")"`);
    const first = expected[0]!;
    expect(records[0]).toContain(`,${(first.accountAmount.amount / 100).toFixed(2)},EUR,`);
  });

  test('refuses unknown ids (422 naming the field) and bad ranges (400)', async () => {
    expectProblem(
      await api.post(
        '/v1/exports',
        { format: 'csv', from: FROM, to: TO, accountIds: ['01J0000000000000000000E2E0'] },
        { token: a.token },
      ),
      422,
      ['accountIds'],
    );
    expectProblem(
      await api.post(
        '/v1/exports',
        { format: 'csv', from: FROM, to: TO, categoryIds: ['no-such-category'] },
        { token: a.token },
      ),
      422,
      ['categoryIds'],
    );
    expectProblem(await api.post('/v1/exports', { format: 'csv', from: TO, to: FROM }, { token: a.token }), 400, [
      'to',
    ]);
    expectProblem(await api.post('/v1/exports', { format: 'pdf', from: FROM, to: TO }, { token: a.token }), 400, [
      'format',
    ]);
    expectProblem(
      await api.post('/v1/exports', { format: 'csv', from: '2010-01-01', to: '2026-01-01' }, { token: a.token }),
      400,
      ['to'],
    );
  });

  test("another user cannot see, list, download or filter by A's exports and accounts", async () => {
    const covered = routes.filter((route) => route.path.startsWith('/v1/exports'));
    const mine = (await listAll<ExportView>(a, '/v1/exports')).items;
    expect(mine.length).toBeGreaterThanOrEqual(2);
    const attempted = new Set<string>();
    const byB = (method: string, routePath: string, path: string, body?: unknown): Promise<ApiResult> => {
      attempted.add(`${method} ${routePath}`);
      return call(method, path, { token: b.token, ...(body === undefined ? {} : { body }) });
    };
    for (const job of mine) {
      expectProblem(await byB('GET', '/v1/exports/{id}', `/v1/exports/${job.id}`), 404);
      attempted.add('GET /v1/exports/{id}/download');
      const response = await download(b.token, `/v1/exports/${job.id}/download`);
      expect(response.status).toBe(404);
    }
    const listedForB = expectOk(await byB('GET', '/v1/exports', '/v1/exports'), 200, 'B lists').json;
    expect(listedForB.items).toEqual([]);
    expectProblem(
      await byB('POST', '/v1/exports', '/v1/exports', {
        format: 'csv',
        from: FROM,
        to: TO,
        accountIds: [accounts[0]!.id],
      }),
      422,
      ['accountIds'],
    );
    expect([...attempted].sort()).toEqual(covered.map((route) => `${route.method} ${route.path}`).sort());
  });

  // A user of its own, with a few transactions: A's 5,000 seeded events are still being worked
  // through by every consumer, and erasing them too would measure the local DynamoDB's write rate
  // under that load rather than what the eraser does with an export's job items and files.
  test('deleting the account erases the job items and every export file of the user', async () => {
    const c = await ledgerUser({ homeCurrency: 'EUR' });
    const account = await createAccount(c, { name: 'Current', currency: 'EUR' });
    for (const amount of [1250, 899, 4300]) {
      await createTransaction(c, { accountId: account.id, money: { amount, currency: 'EUR' }, date: '2026-03-02' });
    }
    const { Region, S3Endpoint, FilesBucketName } = stackOutputs();
    const s3 = new S3Client({
      region: Region,
      // The credentials the local cloud gives its functions; its S3 accepts no others.
      ...(isLocalCloud()
        ? { endpoint: S3Endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    });
    const filesOf = async (userId: string) =>
      (await s3.send(new ListObjectsV2Command({ Bucket: FilesBucketName, Prefix: `exports/${userId}/` }))).KeyCount ??
      0;
    try {
      for (const format of ['xlsx', 'csv']) {
        const created = await api.post('/v1/exports', { format, from: FROM, to: TO }, { token: c.token });
        const { view } = await followExport(c, expectOk(created, 202, 'create export').json.id);
        expect(view.status).toBe('ready');
      }
      expect(await filesOf(c.userId)).toBeGreaterThan(0);
      expect(await api.delete('/v1/me', { token: c.token, body: { password: c.password } })).toMatchObject({
        status: 202,
      });
      const deadline = Date.now() + 180_000;
      while ((await userItemSortKeys(c.userId)).length > 0 || (await filesOf(c.userId)) > 0) {
        if (Date.now() > deadline) {
          const left = await userItemSortKeys(c.userId);
          throw new Error(
            `C's items or export files are still there: ${left.length} items (${[...new Set(left.map((sk) => sk.split('#')[0]))].join(', ')}), ${await filesOf(c.userId)} files`,
          );
        }
        await sleep(500);
      }
      // The others' data is untouched by C's erasure.
      expect(await userItemSortKeys(b.userId)).toContain('PROFILE');
      expect(await filesOf(a.userId)).toBeGreaterThan(0);
    } finally {
      s3.destroy();
    }
  });
});
