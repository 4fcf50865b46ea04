/** GET /v1/transactions/{id} against a real DynamoDB Local. */
import type { handler as GetHandler } from '../../../../functions/api/transactions/get';
import { httpEvent, lambdaContext, parseResponse } from '../../support/http-event';
import {
  type LocalTable,
  profileRecord,
  putAll,
  startLedgerTable,
  stopLedgerTable,
  transactionRecord,
} from './support/ledger-table';

jest.setTimeout(120_000);

const A = 'user-a-7d21';
const B = 'user-b-3f90';
let table: LocalTable;
let handler: typeof GetHandler;

const ofA = transactionRecord(A, {
  transactionId: '01JGET0000000000000000000A',
  date: '2026-01-05',
  kind: 'expense',
  accountId: 'acc-usd',
  amount: 2500,
  currency: 'EUR',
  accountAmount: -2712,
  accountCurrency: 'USD',
  homeAmount: -2500,
  homeCurrency: 'EUR',
  accountConversion: { rate: '1.0849', source: 'ECB', rateDate: '2026-01-05', fallback: false },
  categoryId: 'groceries',
  payee: 'Corner Shop',
  note: 'weekly',
  tags: ['family'],
  version: 3,
});
const ofB = transactionRecord(B, { transactionId: '01JGET0000000000000000000B', date: '2026-01-06' });

beforeAll(async () => {
  table = await startLedgerTable();
  ({ handler } = await import('../../../../functions/api/transactions/get'));
  await putAll(table, [profileRecord(A), profileRecord(B), ofA.record, ofB.record]);
});
afterAll(() => stopLedgerTable(table));

async function get(userId: string, id: string, query?: Record<string, string>) {
  const event = httpEvent({
    path: `/v1/transactions/${id}`,
    claims: { sub: userId },
    pathParameters: { id },
    ...(query ? { queryStringParameters: query } : {}),
  });
  return parseResponse(await handler(event, lambdaContext()));
}

test('the owner reads the transaction as a view, with its version as ETag', async () => {
  const response = await get(A, ofA.seeded.transactionId);
  expect(response.status).toBe(200);
  expect(response.headers.etag).toBe('"3"');
  expect(response.body).toEqual({
    id: ofA.seeded.transactionId,
    kind: 'expense',
    accountId: 'acc-usd',
    date: '2026-01-05',
    money: { amount: 2500, currency: 'EUR' },
    accountAmount: { amount: -2712, currency: 'USD' },
    homeAmount: { amount: -2500, currency: 'EUR' },
    // Recorded before conversions said whether they are final and how old their rate is: the view says it.
    conversions: {
      account: {
        rate: '1.0849',
        source: 'ECB',
        rateDate: '2026-01-05',
        fallback: false,
        provisional: false,
        rateAgeDays: 0,
      },
      home: null,
    },
    categoryId: 'groceries',
    payee: 'Corner Shop',
    payeeId: null,
    note: 'weekly',
    tags: ['family'],
    externalId: null,
    transferId: null,
    counterpartAccountId: null,
    // Stored before statuses and refund links: it reads as cleared, refunded by nothing.
    status: 'cleared',
    refundOf: null,
    refundedAmount: { amount: 0, currency: 'USD' },
    refundIds: [],
    invoiceId: null,
    createdAt: ofA.seeded.createdAt,
    updatedAt: ofA.seeded.updatedAt,
    version: 3,
  });
});

test("another user's transaction is a 404, indistinguishable from one that does not exist", async () => {
  const foreign = await get(A, ofB.seeded.transactionId);
  const absent = await get(A, '01JGET00000000000000000ZZZ');
  for (const response of [foreign, absent]) {
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.body.detail).toBe('The transaction does not exist.');
  }
  expect((await get(B, ofB.seeded.transactionId)).status).toBe(200);
});

test('a malformed id or an unknown query parameter is a 400 naming it', async () => {
  const badId = await get(A, 'TXN#x');
  expect(badId.status).toBe(400);
  expect(badId.body.errors).toEqual([expect.objectContaining({ in: 'path', field: 'id' })]);
  const extra = await get(A, ofA.seeded.transactionId, { expand: 'account' });
  expect(extra.status).toBe(400);
  expect(extra.body.errors).toEqual([expect.objectContaining({ in: 'query', field: 'expand' })]);
});
