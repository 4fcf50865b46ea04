/**
 * POST /v1/transactions: records an expense or income. One TransactWriteItems writes the
 * transaction, moves the account balance and count, counts the category, binds the payee (by id, by name, or new),
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
import { PayeeNameTaken } from '../../../shared/transactions/payee-store';
import { createTransactionRecorder } from '../../../shared/transactions/record';
import { StaleTransaction } from '../../../shared/transactions/store';
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
  // A refund takes its expense's category: rules do not categorise it.
  const ruled = body.refundOf ? body : await rules.forCreate(userId, body);
  for (let attempt = 1; ; attempt++) {
    const planned = await recorder.plan(userId, profile, ruled);
    const { item } = planned;
    const response = {
      status: 201,
      body: toTransactionView(item),
      headers: { etag: versionETag(item.version), location: `/v1/transactions/${item.transactionId}` },
    };
    try {
      return await keyed.create(response, async (record) => {
        // The response names the payee: a new one that lost its name to a concurrent write is planned again.
        await recorder.write(userId, planned, record ? [record] : [], { rebindPayee: false });
      });
    } catch (error) {
      // Planned on a state that changed before the write: a refund's expense (another refund, an
      // edit), or a new payee's name claimed concurrently. Plan it again.
      const replan = error instanceof StaleTransaction || error instanceof PayeeNameTaken;
      if (!replan || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
});

/** Plans again at most this often when what it was planned on changed before the write. */
const MAX_ATTEMPTS = 3;
