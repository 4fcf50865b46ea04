/**
 * DELETE /v1/accounts/{id}: an empty account is deleted outright; one with transactions must be
 * archived first (409 otherwise), and then its transactions are deleted asynchronously by the
 * ledger-cleaner consumer of AccountDeleted.
 */

import { accountsDelete } from '../../../shared/accounts/operations';
import { createAccountStore } from '../../../shared/accounts/store';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { Conflict, NotFound } from '../../../shared/kit/http/problems';

const accounts = createAccountStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(accountsDelete, async ({ userId, path }) => {
  const outcome = await accounts.delete(userId, path.id);
  if (outcome === 'not-found') throw new NotFound('account');
  if (outcome === 'has-transactions') {
    throw new Conflict(
      'The account has transactions. Archive it to keep its history, or archive it and delete it again to ' +
        'delete it with all its transactions.',
      undefined,
      'account-has-transactions',
    );
  }
  return { status: 204 };
});
