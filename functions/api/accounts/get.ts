/** GET /v1/accounts/{id}: one of the caller's accounts with its balance; its version is the ETag. */
import { documentClient } from '../../../shared/aws/clients';
import { requireEnv } from '../../../shared/config';
import { authenticatedRoute, noParams } from '../../../shared/http/api-handler';
import { versionETag } from '../../../shared/http/etag';
import { NotFound } from '../../../shared/http/problems';
import { idPath } from '../../../shared/ledger/fields';
import { toAccountView } from '../../../shared/ledger/views';
import { createAccountStore } from '../../../shared/store/account-store';

const accounts = createAccountStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = authenticatedRoute({ path: idPath, query: noParams }, async ({ userId, path }) => {
  // The key is built from the caller's sub: another user's id simply does not exist here.
  const account = await accounts.get(userId, path.id);
  if (!account) throw new NotFound('account');
  return { status: 200, body: toAccountView(account), headers: { etag: versionETag(account.version) } };
});
