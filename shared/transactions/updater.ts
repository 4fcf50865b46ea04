/**
 * Changing one expense or income, whichever way the change comes: PATCH /v1/transactions/{id}, or
 * a categorisation rule applied to existing transactions. It reads what the patch refers to, plans
 * the new version and writes it in one TransactWriteItems conditional on the version read, moving
 * balances and counts by the net difference; budgets and insights follow from TransactionUpdated.
 * Budget enforcement comes in as guards, as for the recorder (./record.ts).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { GuardedItem } from '../kit/dynamodb/transact';
import { NotFound, PreconditionFailed } from '../kit/http/problems';
import { createRateStore, ratesIfNeeded } from '../rates/public';
import type { TransactionItem } from './items';
import { createPayeeStore } from './payee-store';
import { planUpdate, updateReads } from './plan';
import type { LedgerGuards } from './record';
import { checkDateWindow, type TransactionPatch, todayIn } from './schemas';
import { createTransactionStore } from './store';

export type TransactionUpdater = ReturnType<typeof createTransactionUpdater>;

export function createTransactionUpdater({
  db,
  tableName,
  guards,
}: {
  db: DynamoDBDocumentClient;
  tableName: string;
  guards?: LedgerGuards | undefined;
}) {
  const rates = createRateStore({ db, tableName });
  const transactions = createTransactionStore({
    db,
    tableName,
    payeeUpsert: createPayeeStore({ db, tableName }).upsertPayeeItem,
  });

  return {
    /** Strongly consistent read of one transaction. */
    get: (userId: string, transactionId: string) => transactions.get(userId, transactionId),

    /**
     * Applies `patch` to `old` (as read), with `extra` in the same write: StaleTransaction when it
     * changed since, the domain errors of a missing account or category, BudgetExceeded when a
     * budget in enforce mode refuses it.
     */
    async apply(
      userId: string,
      timezone: string,
      old: TransactionItem,
      patch: TransactionPatch,
      { now = new Date(), extra = [] }: { now?: Date; extra?: GuardedItem[] } = {},
    ) {
      const reads = updateReads(old, patch);
      const [account, category] = await Promise.all([
        reads.accountId ? transactions.getAccount(userId, reads.accountId) : undefined,
        reads.categoryId ? transactions.getCategory(userId, reads.categoryId) : undefined,
      ]);
      if (patch.date) checkDateWindow(patch.date, todayIn(timezone, now));
      const accountCurrency = reads.accountId ? account?.currency : old.accountCurrency;
      const dayRates =
        reads.reprice && accountCurrency
          ? await ratesIfNeeded(rates, reads.reprice.date, reads.reprice.money.currency, [
              accountCurrency,
              old.homeCurrency,
            ])
          : undefined;
      const { item, deltas } = planUpdate(old, patch, { now: now.toISOString(), account, category, rates: dayRates });
      const write = (budgetGuards: GuardedItem[]) =>
        transactions.apply(userId, {
          replaced: [{ item, readVersion: old.version }],
          deltas,
          payees: item.payee && item.payee !== old.payee ? [item.payee] : [],
          now: item.updatedAt,
          extra: [...extra, ...budgetGuards],
        });
      if (guards) await guards.retrying(() => guards.gather(userId, item), write);
      else await write([]);
      return item;
    },

    /** Reads then applies; 404 when missing, 412 when `expectedVersions` does not hold the version read. */
    async update(
      userId: string,
      timezone: string,
      transactionId: string,
      patch: TransactionPatch,
      expectedVersions: number[] | undefined,
    ) {
      const old = await transactions.get(userId, transactionId);
      if (!old) throw new NotFound('transaction');
      if (expectedVersions && !expectedVersions.includes(old.version)) throw new PreconditionFailed();
      return this.apply(userId, timezone, old, patch);
    },
  };
}
