/**
 * A payee merged into another takes its invoices with it: against DynamoDB Local, the merged
 * payee's invoices name the target after one delivery, a second delivery moves nothing, and
 * invoices of other payees and of other users stay as they were.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { InvoiceEntity, type InvoiceItem } from '../../../shared/invoices/items';
import { newInvoiceItem } from '../../../shared/invoices/manage';
import { movePayeeReferences } from '../../../shared/invoices/payee-merge';
import { type LocalDynamoDb, startLocalDynamoDb } from '../support/local-dynamodb';

jest.setTimeout(120_000);

let env: LocalDynamoDb;
beforeAll(async () => {
  env = await startLocalDynamoDb();
}, 90_000);
afterAll(async () => env?.stop());

const T0 = '2026-01-01T09:00:00.000Z';

async function invoice(userId: string, invoiceId: string, payeeId: string) {
  const item: InvoiceItem = newInvoiceItem(
    {
      direction: 'received',
      payeeId,
      number: invoiceId,
      issueDate: '2026-01-01',
      dueDate: '2026-02-28',
      currency: 'EUR',
      lines: [{ description: 'Work', quantity: '1', unitPrice: 1000, taxRate: '0' }],
    },
    invoiceId,
    T0,
  );
  await env.put({ ...InvoiceEntity.key(userId, invoiceId), ...item });
}

async function payeeOf(userId: string, invoiceId: string) {
  const { Item } = await env.db.send(
    new GetCommand({ TableName: env.tableName, Key: InvoiceEntity.key(userId, invoiceId), ConsistentRead: true }),
  );
  return { payeeId: Item?.payeeId, version: Item?.version };
}

test("a merged payee's invoices name the payee it became, once, and nothing else moves", async () => {
  await invoice('alice', 'bill-1', 'old-supplier');
  await invoice('alice', 'bill-2', 'old-supplier');
  await invoice('alice', 'bill-3', 'other-supplier');
  await invoice('bob', 'bill-4', 'old-supplier');
  const deps = { db: env.db, tableName: env.tableName };
  const merge = { fromId: 'old-supplier', intoId: 'new-supplier', at: '2026-03-01T10:00:00.000Z' };

  expect(await movePayeeReferences(deps, 'alice', merge)).toBe(2);
  expect(await payeeOf('alice', 'bill-1')).toEqual({ payeeId: 'new-supplier', version: 2 });
  expect(await payeeOf('alice', 'bill-2')).toEqual({ payeeId: 'new-supplier', version: 2 });
  expect(await payeeOf('alice', 'bill-3')).toEqual({ payeeId: 'other-supplier', version: 1 });
  expect(await payeeOf('bob', 'bill-4')).toEqual({ payeeId: 'old-supplier', version: 1 });

  // The event delivered again: nothing left to move, no version bumped twice.
  expect(await movePayeeReferences(deps, 'alice', merge)).toBe(0);
  expect(await payeeOf('alice', 'bill-1')).toEqual({ payeeId: 'new-supplier', version: 2 });
});
