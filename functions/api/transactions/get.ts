/** GET /v1/transactions/{id}: one of the caller's transactions, with its version as ETag. */

import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag } from '../../../shared/kit/http/etag';
import { NotFound } from '../../../shared/kit/http/problems';
import { transactionsGet } from '../../../shared/transactions/operations';
import { createTransactionQueries } from '../../../shared/transactions/queries';
import { toTransactionView } from '../../../shared/transactions/views';

const transactions = createTransactionQueries({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(transactionsGet, async ({ userId, path }) => {
  // The key is built from the caller's sub: another user's id is simply absent here (404).
  const transaction = await transactions.get(userId, path.id);
  if (!transaction) throw new NotFound('transaction');
  return { status: 200, body: toTransactionView(transaction), headers: { etag: versionETag(transaction.version) } };
});
