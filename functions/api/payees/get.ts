/** GET /v1/payees/{id}: one of the caller's payees. */
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag } from '../../../shared/kit/http/etag';
import { NotFound } from '../../../shared/kit/http/problems';
import { payeesGet } from '../../../shared/payees/operations';
import { createPayeeStore } from '../../../shared/payees/store';
import { toPayeeView } from '../../../shared/payees/views';

const payees = createPayeeStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(payeesGet, async ({ userId, path }) => {
  // The key is built from the caller's sub: another user's payee id simply does not exist here.
  const payee = await payees.get(userId, path.id);
  if (!payee) throw new NotFound('payee');
  return { status: 200, body: toPayeeView(payee), headers: { etag: versionETag(payee.version) } };
});
