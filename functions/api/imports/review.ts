/**
 * POST /v1/imports/{id}/rows/{index}/review: decides a row the import left for review — records it
 * after all, or confirms it as the transaction it resembles (shared/imports/review.ts). Recording
 * goes through the ledger's own write (budgets guarding, rules applied), the row's decision and the
 * import's counts in the same TransactWriteItems.
 */
import { budgetLedgerGuards } from '../../../shared/budgets/public';
import { userRoute } from '../../../shared/identity/public';
import { importsReview } from '../../../shared/imports/operations';
import { reviewRow } from '../../../shared/imports/review';
import { createImportStore } from '../../../shared/imports/store';
import { toImportRowView } from '../../../shared/imports/views';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { createRuleEngine } from '../../../shared/rules/public';
import { createTransactionRecorder } from '../../../shared/transactions/record';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const deps = {
  store: createImportStore({ db, tableName }),
  recorder: createTransactionRecorder({ db, tableName, guards: budgetLedgerGuards({ db, tableName }) }),
  rules: createRuleEngine({ db, tableName }),
};

export const handler = userRoute(importsReview, async ({ userId, profile, path, body }) => {
  const row = await reviewRow(deps, {
    userId,
    profile,
    importId: path.id,
    index: path.index,
    decision: body.decision,
    now: new Date(),
  });
  return { status: 200, body: toImportRowView(row) };
});
