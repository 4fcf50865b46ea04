/**
 * POST /v1/invoices/{id}/void: a draft or an issued invoice that nothing pays becomes void; the
 * record stays. 409 when already void or paid in part; `If-Match` → 412 when stale.
 */
import { userRoute } from '../../../shared/identity/public';
import { planVoid } from '../../../shared/invoices/manage';
import { invoicesVoid } from '../../../shared/invoices/operations';
import { createInvoiceStore } from '../../../shared/invoices/store';
import { toInvoiceView } from '../../../shared/invoices/views';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag, versionsFromIfMatch } from '../../../shared/kit/http/etag';
import { NotFound, PreconditionFailed } from '../../../shared/kit/http/problems';
import { todayIn } from '../../../shared/transactions/public';

const invoices = createInvoiceStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(invoicesVoid, async ({ userId, profile, path, headers }) => {
  const old = await invoices.get(userId, path.id);
  if (!old) throw new NotFound('invoice');
  const expected = versionsFromIfMatch(headers['if-match']);
  if (expected && !expected.includes(old.version)) throw new PreconditionFailed();
  const now = new Date();
  const item = await invoices.update(userId, old, planVoid(old, now.toISOString()), now.toISOString());
  return {
    status: 200,
    body: toInvoiceView(item, todayIn(profile.timezone, now)),
    headers: { etag: versionETag(item.version) },
  };
});
