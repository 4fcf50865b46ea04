/**
 * DELETE /v1/transactions/{id}: removes the transaction and takes back its balance and count
 * changes in one TransactWriteItems. A transfer leg takes its counterpart with it, so a transfer
 * never stays half-booked. `If-Match` is honoured when given (412 on a stale version).
 */
import { documentClient } from '../../../shared/aws/clients';
import { requireEnv } from '../../../shared/config';
import { authenticatedRoute, noParams } from '../../../shared/http/api-handler';
import { versionsFromIfMatch } from '../../../shared/http/etag';
import { NotFound, PreconditionFailed } from '../../../shared/http/problems';
import { idPath } from '../../../shared/ledger/fields';
import { counterpartLegId, planDelete } from '../../../shared/ledger/transaction-plan';
import { createTransactionStore, StaleTransaction } from '../../../shared/store/transaction-store';

const transactions = createTransactionStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

const MAX_ATTEMPTS = 3;

export const handler = authenticatedRoute({ path: idPath, query: noParams }, async ({ userId, path, headers }) => {
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
  await transactions.apply(userId, { deleted: removed, ...planDelete(removed), now: new Date().toISOString() });
}
