/**
 * DELETE /v1/invoices/{id}: a draft or a void invoice goes, and its number is free again; an issued
 * one is voided first (409). Movements that named it stay in the ledger.
 */
import { userRoute } from '../../../shared/identity/public';
import { checkDeletable } from '../../../shared/invoices/manage';
import { invoicesDelete } from '../../../shared/invoices/operations';
import { createInvoiceStore } from '../../../shared/invoices/store';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionsFromIfMatch } from '../../../shared/kit/http/etag';
import { NotFound, PreconditionFailed } from '../../../shared/kit/http/problems';

const invoices = createInvoiceStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(invoicesDelete, async ({ userId, path, headers }) => {
  const old = await invoices.get(userId, path.id);
  if (!old) throw new NotFound('invoice');
  const expected = versionsFromIfMatch(headers['if-match']);
  if (expected && !expected.includes(old.version)) throw new PreconditionFailed();
  checkDeletable(old);
  await invoices.delete(userId, old);
  return { status: 204 };
});
