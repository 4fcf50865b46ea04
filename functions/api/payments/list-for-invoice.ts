/**
 * GET /v1/invoices/{id}/payments: the caller's payments of one invoice, oldest first. An invoice
 * that does not exist (or is another user's) is a 404 like on its sibling routes; the invoice is
 * read only when it has no payments, since a payment of the caller's proves it exists.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { userRoute } from '../../../shared/identity/public';
import { InvoiceEntity } from '../../../shared/invoices/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { NotFound } from '../../../shared/kit/http/problems';
import { invoicePaymentsList } from '../../../shared/payments/operations';
import { toPaymentView } from '../../../shared/payments/views';
import { payments } from './service';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');

export const handler = userRoute(invoicePaymentsList, async ({ userId, path }) => {
  const items = await payments.listForInvoice(userId, path.id);
  if (items.length === 0) {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: InvoiceEntity.key(userId, path.id), ProjectionExpression: 'pk' }),
    );
    if (!Item) throw new NotFound('invoice');
  }
  return { status: 200, body: { items: items.map(toPaymentView) } };
});
