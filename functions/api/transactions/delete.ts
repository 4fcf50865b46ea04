/**
 * DELETE /v1/transactions/{id}: removes the transaction and takes back its balance and count
 * changes in one TransactWriteItems. A transfer leg takes its counterpart with it, so a transfer
 * never stays half-booked. `If-Match` is honoured when given (412 on a stale version). A reconciled
 * transaction, or an expense that still has refunds, is refused (409).
 */

import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionsFromIfMatch } from '../../../shared/kit/http/etag';
import { NotFound, PreconditionFailed } from '../../../shared/kit/http/problems';
import { transactionsDelete } from '../../../shared/transactions/operations';
import { counterpartLegId, planDelete } from '../../../shared/transactions/plan';
import { withRefund } from '../../../shared/transactions/refunds';
import { createTransactionStore, StaleTransaction } from '../../../shared/transactions/store';

const transactions = createTransactionStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

const MAX_ATTEMPTS = 3;

export const handler = userRoute(transactionsDelete, async ({ userId, path, headers }) => {
  const expectedVersions = versionsFromIfMatch(headers['if-match']);
  for (let attempt = 1; ; attempt++) {
    try {
      await remove(userId, path.id, expectedVersions);
      return { status: 204 };
    } catch (error) {
      if (!(error instanceof StaleTransaction) || expectedVersions || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
});

async function remove(userId: string, id: string, expectedVersions: number[] | undefined) {
  const transaction = await transactions.get(userId, id);
  if (!transaction) throw new NotFound('transaction');
  if (expectedVersions && !expectedVersions.includes(transaction.version)) throw new PreconditionFailed();
  const counterpartId = counterpartLegId(transaction);
  // Absent only if the other account was deleted and its transactions cleaned up already.
  const counterpart = counterpartId ? await transactions.get(userId, counterpartId) : undefined;
  const removed = counterpart ? [transaction, counterpart] : [transaction];
  const now = new Date().toISOString();
  const deltas = planDelete(removed);
  // A refund gives its amount back to its expense's refundable rest, in the same write.
  const original = transaction.refundOf ? await transactions.get(userId, transaction.refundOf) : undefined;
  const refunded = original
    ? [{ item: withRefund(original, transaction, undefined, now), readVersion: original.version }]
    : [];
  await transactions.apply(userId, { deleted: removed, ...deltas, refunded, now });
}
