/**
 * DELETE /v1/accounts/{id}: an empty account is deleted outright; one with transactions must be
 * archived first (409 otherwise), and then its transactions are deleted asynchronously by the
 * ledger-cleaner consumer of AccountDeleted.
 */
import { documentClient } from '../../../shared/aws/clients';
import { requireEnv } from '../../../shared/config';
import { authenticatedRoute, noParams } from '../../../shared/http/api-handler';
import { Conflict, NotFound } from '../../../shared/http/problems';
import { idPath } from '../../../shared/ledger/fields';
import { createAccountStore } from '../../../shared/store/account-store';

const accounts = createAccountStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = authenticatedRoute({ path: idPath, query: noParams }, async ({ userId, path }) => {
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
