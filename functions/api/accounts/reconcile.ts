/**
 * POST /v1/accounts/{id}/reconcile: matches the account against a bank statement
 * (shared/transactions/reconcile.ts). Agreeing figures mark the cleared transactions up to the
 * statement's day reconciled (200, how many); differing ones change nothing (409 with the difference).
 */
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { accountsReconcile } from '../../../shared/transactions/operations';
import { createReconciler, StatementMismatch } from '../../../shared/transactions/reconcile';
import { createTransactionStore } from '../../../shared/transactions/store';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const reconciler = createReconciler({ db, tableName, transactions: createTransactionStore({ db, tableName }) });

export const handler = userRoute(accountsReconcile, async ({ userId, path, body }) => {
  // Keys come from the caller's sub: another user's account is simply not found (404).
  const outcome = await reconciler.reconcile(userId, path.id, body);
  if (!outcome.reconciled) throw new StatementMismatch(outcome, body.statementBalance);
  return {
    status: 200,
    body: {
      reconciled: true as const,
      reconciledCount: outcome.count,
      reconciledBalance: { amount: outcome.reconciledBalance, currency: outcome.currency },
      statementDate: body.statementDate,
    },
  };
});
