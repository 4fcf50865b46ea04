/** GET /v1/invoices/{id}/payments: the caller's payments of one invoice, oldest first. */
import { userRoute } from '../../../shared/identity/public';
import { invoicePaymentsList } from '../../../shared/payments/operations';
import { toPaymentView } from '../../../shared/payments/views';
import { payments } from './service';

export const handler = userRoute(invoicePaymentsList, async ({ userId, path }) => {
  const items = await payments.listForInvoice(userId, path.id);
  return { status: 200, body: { items: items.map(toPaymentView) } };
});
