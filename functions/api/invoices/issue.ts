/** POST /v1/invoices/{id}/issue: a draft becomes issued (409 otherwise); `If-Match` → 412 when stale. */
import { userRoute } from '../../../shared/identity/public';
import { planIssue } from '../../../shared/invoices/manage';
import { invoicesIssue } from '../../../shared/invoices/operations';
import { createInvoiceStore } from '../../../shared/invoices/store';
import { toInvoiceView } from '../../../shared/invoices/views';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag, versionsFromIfMatch } from '../../../shared/kit/http/etag';
import { NotFound, PreconditionFailed } from '../../../shared/kit/http/problems';
import { todayIn } from '../../../shared/transactions/public';

const invoices = createInvoiceStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(invoicesIssue, async ({ userId, profile, path, headers }) => {
  const old = await invoices.get(userId, path.id);
  if (!old) throw new NotFound('invoice');
  const expected = versionsFromIfMatch(headers['if-match']);
  if (expected && !expected.includes(old.version)) throw new PreconditionFailed();
  const now = new Date();
  const item = await invoices.update(userId, old, planIssue(userId, old, now.toISOString()), now.toISOString());
  return {
    status: 200,
    body: toInvoiceView(item, todayIn(profile.timezone, now)),
    headers: { etag: versionETag(item.version) },
  };
});
