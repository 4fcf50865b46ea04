/**
 * POST /v1/transactions: records an expense or income. One TransactWriteItems writes the
 * transaction, moves the account balance and count, counts the category, remembers the payee,
 * claims the externalId and stores the Idempotency-Key response: all of it or nothing. A budget in
 * enforce mode that it would take past its limit refuses it (409 budget-exceeded): the budget's
 * guard is part of that same write (shared/budgets/enforcement.ts), so the refusal is race-free.
 * Without a category, the caller's categorisation rules fill it in first (shared/rules/engine.ts).
 */
import { budgetLedgerGuards } from '../../../shared/budgets/public';
import { userRoute } from '../../../shared/identity/public';
import { invoiceLinkCheck } from '../../../shared/invoices/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag } from '../../../shared/kit/http/etag';
import { idempotency, idempotencyKeyFrom } from '../../../shared/kit/http/idempotency';
import { createRuleEngine } from '../../../shared/rules/public';
import { transactionsCreate } from '../../../shared/transactions/operations';
import { createTransactionRecorder } from '../../../shared/transactions/record';
import { toTransactionView } from '../../../shared/transactions/views';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const recorder = createTransactionRecorder({
  db,
  tableName,
  guards: budgetLedgerGuards({ db, tableName }),
  invoiceLinks: invoiceLinkCheck({ db, tableName }),
});
const rules = createRuleEngine({ db, tableName });

export const handler = userRoute(transactionsCreate, async ({ userId, profile, body, headers }) => {
  const scope = {
    tableName,
    userId,
    operation: 'create-transaction',
    key: idempotencyKeyFrom(headers),
    request: body,
  };
  // A retry is answered before anything is re-read: the account may have changed since.
  const keyed = await idempotency(db, scope);
  if (keyed.earlier) return keyed.earlier;
  const planned = await recorder.plan(userId, profile, await rules.forCreate(userId, body));
  const { item } = planned;
  const response = {
    status: 201,
    body: toTransactionView(item),
    headers: { etag: versionETag(item.version), location: `/v1/transactions/${item.transactionId}` },
  };
  return keyed.create(response, (record) => recorder.write(userId, planned, record ? [record] : []));
});
