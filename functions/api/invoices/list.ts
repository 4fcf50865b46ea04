/** GET /v1/invoices: the caller's invoices, newest first, by direction and derived status, a page at a time. */
import { userRoute } from '../../../shared/identity/public';
import { invoicesList } from '../../../shared/invoices/operations';
import { createInvoiceStore } from '../../../shared/invoices/store';
import { toInvoiceView } from '../../../shared/invoices/views';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { continueAfter, pageBody } from '../../../shared/kit/http/cursor';
import { todayIn } from '../../../shared/transactions/public';

const invoices = createInvoiceStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(invoicesList, async ({ userId, profile, query }) => {
  const today = todayIn(profile.timezone, new Date());
  const page = await invoices.list(userId, {
    limit: query.limit,
    ...continueAfter(userId, query.cursor),
    direction: query.direction,
    status: query.status,
    today,
  });
  return { status: 200, body: pageBody(userId, page, (invoice) => toInvoiceView(invoice, today)) };
});
