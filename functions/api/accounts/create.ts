/**
 * POST /v1/accounts: opens an empty account in one currency. With an `Idempotency-Key`, a retry
 * returns the first response and creates nothing: the key's record is written in the same
 * transaction as the account.
 */
import { documentClient } from '../../../shared/aws/clients';
import { requireEnv } from '../../../shared/config';
import { authenticatedRoute, noParams } from '../../../shared/http/api-handler';
import { versionETag } from '../../../shared/http/etag';
import { idempotencyKeyFrom, withIdempotency } from '../../../shared/http/idempotency';
import { accountCreateSchema } from '../../../shared/ledger/account-schemas';
import { newEntityId } from '../../../shared/ledger/fields';
import { toAccountView } from '../../../shared/ledger/views';
import { createAccountStore, newAccountItem } from '../../../shared/store/account-store';

const tableName = requireEnv('TABLE_NAME');
const db = documentClient();
const accounts = createAccountStore({ db, tableName });

export const handler = authenticatedRoute(
  { body: accountCreateSchema, query: noParams },
  async ({ userId, body, headers }) => {
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
  },
);
