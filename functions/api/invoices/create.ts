/**
 * POST /v1/invoices: a draft invoice with its lines priced exactly (shared/invoices/totals.ts). The
 * invoice and its number's claim are one TransactWriteItems, with the Idempotency-Key record.
 */
import { userRoute } from '../../../shared/identity/public';
import { newInvoiceItem } from '../../../shared/invoices/manage';
import { invoicesCreate } from '../../../shared/invoices/operations';
import { checkPayee } from '../../../shared/invoices/payee-link';
import { createInvoiceStore } from '../../../shared/invoices/store';
import { toInvoiceView } from '../../../shared/invoices/views';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag } from '../../../shared/kit/http/etag';
import { newEntityId } from '../../../shared/kit/http/fields';
import { idempotency, idempotencyKeyFrom } from '../../../shared/kit/http/idempotency';
import { todayIn } from '../../../shared/transactions/public';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const invoices = createInvoiceStore({ db, tableName });

export const handler = userRoute(invoicesCreate, async ({ userId, profile, body, headers }) => {
  const scope = { tableName, userId, operation: 'create-invoice', key: idempotencyKeyFrom(headers), request: body };
  const keyed = await idempotency(db, scope);
  if (keyed.earlier) return keyed.earlier;
  if (body.payeeId) await checkPayee(userId, body.payeeId);
  const now = new Date();
  const invoice = newInvoiceItem(body, newEntityId(now.getTime()), now.toISOString());
  const response = {
    status: 201,
    body: toInvoiceView(invoice, todayIn(profile.timezone, now)),
    headers: { etag: versionETag(invoice.version), location: `/v1/invoices/${invoice.invoiceId}` },
  };
  return keyed.create(response, (record) => invoices.create(userId, invoice, record ? [record] : []));
});
