/**
 * POST /v1/transactions: records an expense or income. One TransactWriteItems writes the
 * transaction, moves the account balance and count, counts the category, remembers the payee,
 * claims the externalId and stores the Idempotency-Key response: all of it or nothing. A budget in
 * enforce mode that it would take past its limit refuses it (409 budget-exceeded): the budget's
 * guard is part of that same write (shared/budgets/enforcement.ts), so the refusal is race-free.
 */
import { ulid } from 'ulid';
import { createBudgetEnforcement, withBudgetGuards } from '../../../shared/budgets/enforcement';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag } from '../../../shared/kit/http/etag';
import { idempotency, idempotencyKeyFrom } from '../../../shared/kit/http/idempotency';
import { ratesIfNeeded } from '../../../shared/rates/conversion-service';
import { createRateStore } from '../../../shared/rates/store';
import { transactionsCreate } from '../../../shared/transactions/operations';
import { createPayeeStore } from '../../../shared/transactions/payee-store';
import { planCreate } from '../../../shared/transactions/plan';
import { checkDateWindow, todayIn } from '../../../shared/transactions/schemas';
import { createTransactionStore } from '../../../shared/transactions/store';
import { toTransactionView } from '../../../shared/transactions/views';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const rates = createRateStore({ db, tableName });
const transactions = createTransactionStore({
  db,
  tableName,
  payeeUpsert: createPayeeStore({ db, tableName }).upsertPayeeItem,
});
const enforcement = createBudgetEnforcement({ db, tableName });

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
  const [account, category] = await Promise.all([
    transactions.getAccount(userId, body.accountId),
    body.categoryId ? transactions.getCategory(userId, body.categoryId) : undefined,
  ]);
  const now = new Date();
  const today = todayIn(profile.timezone, now);
  const date = body.date ?? today;
  checkDateWindow(date, today);
  const { item, deltas } = planCreate(body, {
    userId,
    transactionId: ulid(now.getTime()),
    now: now.toISOString(),
    date,
    account,
    category,
    homeCurrency: profile.homeCurrency,
    largeFrom: profile.notifications.largeTransactionAmount,
    rates: account
      ? await ratesIfNeeded(rates, date, body.money.currency, [account.currency, profile.homeCurrency])
      : undefined,
  });
  const response = {
    status: 201,
    body: toTransactionView(item),
    headers: { etag: versionETag(item.version), location: `/v1/transactions/${item.transactionId}` },
  };
  return keyed.create(response, (record) =>
    withBudgetGuards(
      () => enforcement.guards(userId, item),
      (guards) =>
        transactions.apply(userId, {
          created: [item],
          deltas,
          payees: item.payee ? [item.payee] : [],
          now: item.createdAt,
          extra: [...(record ? [record] : []), ...guards],
        }),
    ),
  );
});
