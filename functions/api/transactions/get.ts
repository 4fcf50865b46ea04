/** GET /v1/transactions/{id}: one of the caller's transactions, with its version as ETag. */
import { documentClient } from '../../../shared/aws/clients';
import { requireEnv } from '../../../shared/config';
import { authenticatedRoute, noParams } from '../../../shared/http/api-handler';
import { versionETag } from '../../../shared/http/etag';
import { NotFound } from '../../../shared/http/problems';
import { idPath } from '../../../shared/ledger/fields';
import { toTransactionView } from '../../../shared/ledger/views';
import { createTransactionQueries } from '../../../shared/store/transaction-queries';

const transactions = createTransactionQueries({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = authenticatedRoute({ path: idPath, query: noParams }, async ({ userId, path }) => {
  // The key is built from the caller's sub: another user's id is simply absent here (404).
  const transaction = await transactions.get(userId, path.id);
  if (!transaction) throw new NotFound('transaction');
  return { status: 200, body: toTransactionView(transaction), headers: { etag: versionETag(transaction.version) } };
});
