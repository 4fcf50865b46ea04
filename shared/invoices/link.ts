/**
 * Whether a movement may name an invoice, and what it pays of it.
 *
 * A movement pays one of the caller's issued invoices, in the invoice's currency (the amount as
 * entered, `money`, so a bill in USD is paid by a USD movement whatever the account's currency).
 * Direction: an expense pays a received invoice (a supplier's bill) and an income an issued one.
 * The opposite kind is a refund and lowers what is paid: an income from the supplier in an expense
 * category (or none), an expense back to the customer in an income category (or none). An income in
 * an income category is not a supplier's refund (and an expense in an expense category not a
 * customer's), so naming the invoice there is refused. Transfers pay nothing.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createCategoryStore } from '../categories/public';
import type { GuardedItem } from '../kit/dynamodb/transact';
import { HttpProblem } from '../kit/http/problems';
import type { InvoiceLinkCheck, TransactionItem } from '../transactions/public';
import { InvoiceEntity, type InvoiceItem } from './items';
import { createInvoiceStore } from './store';

/** 422: the request is well formed, but the invoice it names cannot be paid by this movement. */
export class InvoiceLinkRefused extends HttpProblem {
  constructor(reason: string) {
    super(422, 'invoice-link-refused', 'Invoice cannot be linked', `invoiceId ${reason}`, [
      { in: 'body', field: 'invoiceId', message: reason },
    ]);
  }
}

/** The signed amount a movement pays of an invoice it names: + payment, − refund (invoice currency). */
export function paidBy(
  invoice: Pick<InvoiceItem, 'direction'>,
  item: Pick<TransactionItem, 'kind' | 'amount'>,
): number {
  if (item.kind === 'transfer') return 0;
  const pays = invoice.direction === 'received' ? 'expense' : 'income';
  return item.kind === pays ? item.amount : -item.amount;
}

export function invoiceLinkCheck({
  db,
  tableName,
}: {
  db: DynamoDBDocumentClient;
  tableName: string;
}): InvoiceLinkCheck {
  const invoices = createInvoiceStore({ db, tableName });
  const categories = createCategoryStore({ db, tableName });
  return async (userId, item) => {
    const invoiceId = item.invoiceId;
    if (!invoiceId) return [];
    const [invoice, category] = await Promise.all([
      invoices.get(userId, invoiceId),
      item.categoryId ? categories.get(userId, item.categoryId) : undefined,
    ]);
    if (!invoice) throw new InvoiceLinkRefused('is not one of your invoices');
    if (invoice.state !== 'issued') throw new InvoiceLinkRefused(`names a ${invoice.state} invoice: issue it first`);
    if (item.kind === 'transfer') throw new InvoiceLinkRefused('cannot be set on a transfer');
    if (item.currency !== invoice.currency) {
      throw new InvoiceLinkRefused(`must be paid in the invoice's currency (${invoice.currency})`);
    }
    const refund = paidBy(invoice, item) < 0;
    if (refund && category && category.kind === item.kind) {
      throw new InvoiceLinkRefused(
        invoice.direction === 'received'
          ? 'an income in an income category does not refund a received invoice: use an expense category'
          : 'an expense in an expense category does not refund an issued invoice: use an income category',
      );
    }
    // The invoice must still be issued, in that currency, when the movement is written.
    const stillPayable: GuardedItem = {
      item: {
        ConditionCheck: {
          TableName: tableName,
          Key: InvoiceEntity.key(userId, invoiceId),
          ConditionExpression: '#state = :issued AND #currency = :currency',
          ExpressionAttributeNames: { '#state': 'state', '#currency': 'currency' },
          ExpressionAttributeValues: { ':issued': 'issued', ':currency': invoice.currency },
        },
      },
      onConditionFailed: () =>
        new InvoiceLinkRefused('names an invoice that changed meanwhile: it is no longer issued'),
    };
    return [stillPayable];
  };
}
