/** GET /v1/accounts/{id}: one of the caller's accounts with its balance; its version is the ETag. */

import { accountsGet } from '../../../shared/accounts/operations';
import { createAccountStore } from '../../../shared/accounts/store';
import { toAccountView } from '../../../shared/accounts/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag } from '../../../shared/kit/http/etag';
import { NotFound } from '../../../shared/kit/http/problems';

const accounts = createAccountStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(accountsGet, async ({ userId, path }) => {
  // The key is built from the caller's sub: another user's id simply does not exist here.
  const account = await accounts.get(userId, path.id);
  if (!account) throw new NotFound('account');
  return { status: 200, body: toAccountView(account), headers: { etag: versionETag(account.version) } };
});
