/**
 * PATCH /v1/invoices/{id}: anything while draft (lines re-priced); notes, due date and payee once
 * issued; nothing once void (409). `If-Match` → 412 when stale.
 */
import { userRoute } from '../../../shared/identity/public';
import { planPatch } from '../../../shared/invoices/manage';
import { invoicesUpdate } from '../../../shared/invoices/operations';
import { checkPayee } from '../../../shared/invoices/payee-link';
import { createInvoiceStore } from '../../../shared/invoices/store';
import { toInvoiceView } from '../../../shared/invoices/views';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag, versionsFromIfMatch } from '../../../shared/kit/http/etag';
import { NotFound, PreconditionFailed } from '../../../shared/kit/http/problems';
import { todayIn } from '../../../shared/transactions/public';

const invoices = createInvoiceStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(invoicesUpdate, async ({ userId, profile, path, body, headers }) => {
  const old = await invoices.get(userId, path.id);
  if (!old) throw new NotFound('invoice');
  const expected = versionsFromIfMatch(headers['if-match']);
  if (expected && !expected.includes(old.version)) throw new PreconditionFailed();
  if (body.payeeId) await checkPayee(userId, body.payeeId);
  const now = new Date();
  const item = await invoices.update(userId, old, planPatch(userId, old, body), now.toISOString());
  return {
    status: 200,
    body: toInvoiceView(item, todayIn(profile.timezone, now)),
    headers: { etag: versionETag(item.version) },
  };
});
