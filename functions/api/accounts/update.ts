/**
 * PATCH /v1/accounts/{id}: renames, changes the kind, archives or unarchives. The currency is not
 * in the allow-list (the balance and every transaction are in it). `If-Match` → 412 when stale.
 */

import { accountsUpdate } from '../../../shared/accounts/operations';
import { createAccountStore } from '../../../shared/accounts/store';
import { toAccountView } from '../../../shared/accounts/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag, versionsFromIfMatch } from '../../../shared/kit/http/etag';
import { NotFound, PreconditionFailed } from '../../../shared/kit/http/problems';

const accounts = createAccountStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(accountsUpdate, async ({ userId, path, body, headers }) => {
  const outcome = await accounts.update(userId, path.id, body, {
    now: new Date().toISOString(),
    expectedVersions: versionsFromIfMatch(headers['if-match']),
  });
  if (outcome.status === 'not-found') throw new NotFound('account');
  if (outcome.status === 'version-mismatch') throw new PreconditionFailed();
  const { item } = outcome;
  return { status: 200, body: toAccountView(item), headers: { etag: versionETag(item.version) } };
});
