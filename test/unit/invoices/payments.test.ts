/**
 * The invoice-payments consumer against a real DynamoDB Local: movements that pay, refund, move
 * between invoices and disappear are delivered twice and in many orders, and an invoice's paid
 * amount (and so its status) always ends as the sum of what its movements pay now.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ProfileEntity } from '../../../shared/identity/profile';
import { createInvoicePayments } from '../../../shared/invoices/apply';
import { InvoiceEntity, type InvoiceItem } from '../../../shared/invoices/items';
import { newInvoiceItem } from '../../../shared/invoices/manage';
import { invoiceStatus } from '../../../shared/invoices/status';
import { createInvoiceStore, DUE_INDEX_PK } from '../../../shared/invoices/store';
import type { TransactionItem } from '../../../shared/transactions/items';
import { type LocalDynamoDb, startLocalDynamoDb } from '../support/local-dynamodb';
import { shuffle } from '../support/shuffle';
import { transactionFixture } from '../transactions/support/ledger-fixtures';

jest.setTimeout(120_000);

let env: LocalDynamoDb;
beforeAll(async () => {
  env = await startLocalDynamoDb();
}, 90_000);
afterAll(async () => env?.stop());

let sequence = 0;
const T0 = '2026-01-01T09:00:00.000Z';

async function newUser(): Promise<string> {
  const userId = `invoice-user-${++sequence}`;
  await env.put({ ...ProfileEntity.key(userId), type: 'PROFILE', userId });
  return userId;
}

/** An issued invoice of gross 1000 (one line, no tax), due 2026-02-28, in the due-date index. */
async function issuedInvoice(userId: string, invoiceId: string, direction: InvoiceItem['direction']) {
  const invoice: InvoiceItem = {
    ...newInvoiceItem(
      {
        direction,
        number: invoiceId,
        issueDate: '2026-01-01',
        dueDate: '2026-02-28',
        currency: 'EUR',
        lines: [{ description: 'Work', quantity: '1', unitPrice: 1000, taxRate: '0' }],
      },
      invoiceId,
      T0,
    ),
    state: 'issued',
    issuedAt: T0,
  };
  await env.put({
    ...InvoiceEntity.key(userId, invoiceId),
    ...invoice,
    gsi4pk: DUE_INDEX_PK,
    gsi4sk: `2026-02-28#${userId}#${invoiceId}`,
  });
}

async function stored(userId: string, invoiceId: string) {
  const { Item } = await env.db.send(
    new GetCommand({ TableName: env.tableName, Key: InvoiceEntity.key(userId, invoiceId), ConsistentRead: true }),
  );
  return Item as (InvoiceItem & { gsi4pk?: string }) | undefined;
}

type Delivery = { version: number; current?: TransactionItem; previous?: TransactionItem };

const txn = (id: string, overrides: Partial<TransactionItem>): TransactionItem =>
  transactionFixture({ transactionId: id, categoryId: null, ...overrides });

function consumer() {
  return createInvoicePayments({
    db: env.db,
    tableName: env.tableName,
    invoices: createInvoiceStore({ db: env.db, tableName: env.tableName }),
  });
}

/**
 * A received bill A (gross 1000) and a second bill B:
 * - p1 pays 600 of A (v1), then is corrected to 700 (v2), then moved to B (v3);
 * - p2 pays 400 of A (v1), then is deleted (v2);
 * - r1, an income from the supplier, refunds 100 of A (v1);
 * - p3 pays 300 of A (v1), in USD: not the invoice currency, it pays nothing;
 * - p4 pays 500 of A (v1).
 * So A is paid 500 − 100 = 400 and B 700.
 */
function history(): Delivery[] {
  const p1v1 = txn('p1', { kind: 'expense', amount: 600, invoiceId: 'A', version: 1 });
  const p1v2 = { ...p1v1, amount: 700, version: 2 };
  const p1v3 = { ...p1v2, invoiceId: 'B', version: 3 };
  const p2v1 = txn('p2', { kind: 'expense', amount: 400, invoiceId: 'A', version: 1 });
  const p4v1 = txn('p4', { kind: 'expense', amount: 500, invoiceId: 'A', version: 1 });
  const r1v1 = txn('r1', { kind: 'income', amount: 100, invoiceId: 'A', version: 1 });
  const p3v1 = txn('p3', { kind: 'expense', amount: 300, currency: 'USD', invoiceId: 'A', version: 1 });
  return [
    { version: 1, current: p1v1 },
    { version: 2, current: p1v2, previous: p1v1 },
    { version: 3, current: p1v3, previous: p1v2 },
    { version: 1, current: p2v1 },
    { version: 2, previous: p2v1 },
    { version: 1, current: p4v1 },
    { version: 1, current: r1v1 },
    { version: 1, current: p3v1 },
  ];
}

test('in order: payments, a correction, a refund, a move to another invoice and a deletion', async () => {
  const userId = await newUser();
  await issuedInvoice(userId, 'A', 'received');
  await issuedInvoice(userId, 'B', 'received');
  const payments = consumer();
  for (const delivery of history()) await payments.onTransaction(userId, delivery);
  const [a, b] = [await stored(userId, 'A'), await stored(userId, 'B')];
  // A: p4 500 − r1 100 = 400 (p1 moved to B, p2 deleted, p3 in another currency).
  expect(a?.paidAmount).toBe(400);
  expect(invoiceStatus(a as InvoiceItem, '2026-02-01')).toBe('partially-paid');
  expect(a?.gsi4pk).toBe(DUE_INDEX_PK);
  // B: p1's 700 of 1000.
  expect(b?.paidAmount).toBe(700);
  const { linkedPayments } = createInvoiceStore({ db: env.db, tableName: env.tableName });
  expect((await linkedPayments(userId, 'A')).map((p) => [p.transactionId, p.amount])).toEqual([
    ['p3', 0],
    ['p4', 500],
    ['r1', -100],
  ]);
});

test.each([1, 2, 3, 4, 5, 6, 7, 8])('every event twice, in shuffled order (seed %i): the same totals', async (seed) => {
  const userId = await newUser();
  await issuedInvoice(userId, 'A', 'received');
  await issuedInvoice(userId, 'B', 'received');
  const payments = consumer();
  const deliveries = shuffle([...history(), ...history()], seed);
  for (const delivery of deliveries) await payments.onTransaction(userId, delivery);
  expect((await stored(userId, 'A'))?.paidAmount).toBe(400);
  expect((await stored(userId, 'B'))?.paidAmount).toBe(700);
});

test('concurrent duplicates apply once', async () => {
  const userId = await newUser();
  await issuedInvoice(userId, 'A', 'issued');
  const payments = consumer();
  const pay = { version: 1, current: txn('c1', { kind: 'income', amount: 250, invoiceId: 'A' }) };
  await Promise.all(Array.from({ length: 6 }, () => payments.onTransaction(userId, pay)));
  expect((await stored(userId, 'A'))?.paidAmount).toBe(250);
});

test('fully paid leaves the due-date index; a refund that re-opens it puts it back', async () => {
  const userId = await newUser();
  await issuedInvoice(userId, 'A', 'issued');
  const payments = consumer();
  const full = txn('f1', { kind: 'income', amount: 1000, invoiceId: 'A' });
  await payments.onTransaction(userId, { version: 1, current: full });
  let invoice = await stored(userId, 'A');
  expect(invoiceStatus(invoice as InvoiceItem, '2026-03-15')).toBe('paid');
  expect(invoice?.gsi4pk).toBeUndefined();
  // An expense back to the customer is a refund of an issued invoice.
  await payments.onTransaction(userId, {
    version: 1,
    current: txn('f2', { kind: 'expense', amount: 300, invoiceId: 'A' }),
  });
  invoice = await stored(userId, 'A');
  expect(invoice?.paidAmount).toBe(700);
  expect(invoiceStatus(invoice as InvoiceItem, '2026-02-01')).toBe('partially-paid');
  expect(invoiceStatus(invoice as InvoiceItem, '2026-03-01')).toBe('overdue');
  expect(invoice?.gsi4pk).toBe(DUE_INDEX_PK);
});

test('a movement naming an invoice that is gone writes nothing', async () => {
  const userId = await newUser();
  const payments = consumer();
  const outcome = await payments.onTransaction(userId, {
    version: 1,
    current: txn('g1', { kind: 'expense', amount: 100, invoiceId: 'gone' }),
  });
  expect(outcome).toEqual({ gone: 'invoice-gone' });
  expect(await env.partition(userId, 'INVPAY#')).toEqual([]);
});
