/** GET /v1/invoices/{id}: one of the caller's invoices, its status, and the movements linked to it. */
import { userRoute } from '../../../shared/identity/public';
import { invoicesGet } from '../../../shared/invoices/operations';
import { createInvoiceStore } from '../../../shared/invoices/store';
import { toInvoiceDetailView } from '../../../shared/invoices/views';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag } from '../../../shared/kit/http/etag';
import { NotFound } from '../../../shared/kit/http/problems';
import { todayIn } from '../../../shared/transactions/public';

const invoices = createInvoiceStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(invoicesGet, async ({ userId, profile, path }) => {
  // Keys are built from the caller's sub: another user's invoice id does not exist here.
  const [invoice, payments] = await Promise.all([
    invoices.get(userId, path.id),
    invoices.linkedPayments(userId, path.id),
  ]);
  if (!invoice) throw new NotFound('invoice');
  return {
    status: 200,
    body: toInvoiceDetailView(invoice, payments, todayIn(profile.timezone, new Date())),
    headers: { etag: versionETag(invoice.version) },
  };
});
