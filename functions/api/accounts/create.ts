/**
 * POST /v1/accounts: opens an empty account in one currency. With an `Idempotency-Key`, a retry
 * returns the first response and creates nothing: the key's record is written in the same
 * transaction as the account.
 */

import { accountsCreate } from '../../../shared/accounts/operations';
import { createAccountStore, newAccountItem } from '../../../shared/accounts/store';
import { toAccountView } from '../../../shared/accounts/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag } from '../../../shared/kit/http/etag';
import { newEntityId } from '../../../shared/kit/http/fields';
import { idempotencyKeyFrom, withIdempotency } from '../../../shared/kit/http/idempotency';

const tableName = requireEnv('TABLE_NAME');
const db = documentClient();
const accounts = createAccountStore({ db, tableName });

export const handler = userRoute(accountsCreate, async ({ userId, body, headers }) => {
  const key = idempotencyKeyFrom(headers);
  const now = new Date();
  const account = newAccountItem(body, newEntityId(now.getTime()), now.toISOString());
  const response = {
    status: 201,
    body: toAccountView(account),
    headers: { etag: versionETag(account.version), location: `/v1/accounts/${account.accountId}` },
  };
  return withIdempotency(
    db,
    { tableName, userId, operation: 'create-account', key, request: body },
    response,
    (record) => accounts.create(userId, account, record ? [record] : []),
  );
});
