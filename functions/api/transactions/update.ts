/**
 * PATCH /v1/transactions/{id}: changes an allow-list of fields and moves balances and counts by the
 * net difference, in one TransactWriteItems conditional on the version that was read. With
 * `If-Match`, a stale version is a 412; without it, a concurrent change is re-read and re-planned.
 * A budget in enforce mode that the change would take past its limit refuses it (409
 * budget-exceeded), with its guard inside the same write (shared/budgets/enforcement.ts).
 */

import { createBudgetEnforcement, withBudgetGuards } from '../../../shared/budgets/enforcement';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag, versionsFromIfMatch } from '../../../shared/kit/http/etag';
import { NotFound, PreconditionFailed } from '../../../shared/kit/http/problems';
import { ratesIfNeeded } from '../../../shared/rates/conversion-service';
import { createRateStore } from '../../../shared/rates/store';
import { transactionsUpdate } from '../../../shared/transactions/operations';
import { createPayeeStore } from '../../../shared/transactions/payee-store';
import { planUpdate, updateReads } from '../../../shared/transactions/plan';
import { checkDateWindow, type TransactionPatch, todayIn } from '../../../shared/transactions/schemas';
import { createTransactionStore, StaleTransaction } from '../../../shared/transactions/store';
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

/** Re-plans after losing a race this many times before giving up with 412. */
const MAX_ATTEMPTS = 3;

export const handler = userRoute(transactionsUpdate, async ({ userId, profile, path, body, headers }) => {
  const expectedVersions = versionsFromIfMatch(headers['if-match']);
  for (let attempt = 1; ; attempt++) {
    try {
      return await update(userId, profile.timezone, path.id, body, expectedVersions);
    } catch (error) {
      // A client that named a version gets 412; one that did not asked for "the latest": retry.
      if (!(error instanceof StaleTransaction) || expectedVersions || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
});

async function update(
  userId: string,
  timezone: string,
  id: string,
  patch: TransactionPatch,
  expectedVersions: number[] | undefined,
) {
  const old = await transactions.get(userId, id);
  if (!old) throw new NotFound('transaction');
  if (expectedVersions && !expectedVersions.includes(old.version)) throw new PreconditionFailed();
  const reads = updateReads(old, patch);
  const [account, category] = await Promise.all([
    reads.accountId ? transactions.getAccount(userId, reads.accountId) : undefined,
    reads.categoryId ? transactions.getCategory(userId, reads.categoryId) : undefined,
  ]);
  const now = new Date();
  if (patch.date) {
    checkDateWindow(patch.date, todayIn(timezone, now));
  }
  const accountCurrency = reads.accountId ? account?.currency : old.accountCurrency;
  const dayRates =
    reads.reprice && accountCurrency
      ? await ratesIfNeeded(rates, reads.reprice.date, reads.reprice.money.currency, [
          accountCurrency,
          old.homeCurrency,
        ])
      : undefined;
  const { item, deltas } = planUpdate(old, patch, { now: now.toISOString(), account, category, rates: dayRates });
  await withBudgetGuards(
    () => enforcement.guards(userId, item),
    (guards) =>
      transactions.apply(userId, {
        replaced: [{ item, readVersion: old.version }],
        deltas,
        payees: item.payee && item.payee !== old.payee ? [item.payee] : [],
        now: item.updatedAt,
        extra: guards,
      }),
  );
  return { status: 200, body: toTransactionView(item), headers: { etag: versionETag(item.version) } };
}
