/**
 * Recording one expense or income, whichever way it comes in: the API, a captured bank message, a
 * statement import. Every way in reads the same things (the account, the category, the day's rates),
 * plans the same item and writes it the same way: one TransactWriteItems with the balance, the
 * payee memory, the externalId claim, the budget guards and whatever the caller adds to the same
 * write (an Idempotency-Key record, the capture or import row that the transaction settles).
 *
 * Budget enforcement belongs to budgets, which depend on transactions, so its guards come in as a
 * function (`functions/` composes them; see functions/api/transactions/create.ts).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { GuardedItem } from '../kit/dynamodb/transact';
import { createRateStore, ratesIfNeeded } from '../rates/public';
import type { TransactionItem } from './items';
import { createPayeeStore } from './payee-store';
import { type Deltas, planCreate } from './plan';
import { type CreateTransactionBody, checkDateWindow, todayIn } from './schemas';
import { createTransactionStore } from './store';

/** The write-time guards of the budgets in enforce mode that the item counts towards. */
export type LedgerGuards = {
  gather: (userId: string, item: TransactionItem) => Promise<GuardedItem[]>;
  /** Runs `write` with fresh guards, again when it raced a budget change (withBudgetGuards). */
  retrying: (gather: () => Promise<GuardedItem[]>, write: (guards: GuardedItem[]) => Promise<void>) => Promise<void>;
};

/** What of the caller's profile a recording needs. */
export type RecordingProfile = {
  timezone: string;
  homeCurrency: string;
  notifications: { largeTransactionAmount: number };
};

export type PlannedTransaction = { item: TransactionItem; deltas: Deltas };

export type TransactionRecorder = ReturnType<typeof createTransactionRecorder>;

export function createTransactionRecorder({
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
    /**
     * Reads what the body refers to and plans the item; nothing is written. Throws the domain
     * errors of a missing account or category (404), a date out of the window or a currency
     * without a rate (422).
     */
    async plan(
      userId: string,
      profile: RecordingProfile,
      body: CreateTransactionBody,
      now: Date = new Date(),
    ): Promise<PlannedTransaction> {
      const [account, category] = await Promise.all([
        transactions.getAccount(userId, body.accountId),
        body.categoryId ? transactions.getCategory(userId, body.categoryId) : undefined,
      ]);
      const today = todayIn(profile.timezone, now);
      const date = body.date ?? today;
      checkDateWindow(date, today);
      return planCreate(body, {
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
    },

    /**
     * Writes a planned item with `extra` in the same transaction. A claimed externalId is a
     * ConflictError (`duplicate-external-id`), a budget in enforce mode that it would exceed a
     * BudgetExceeded: either way nothing is written.
     */
    async write(userId: string, { item, deltas }: PlannedTransaction, extra: GuardedItem[] = []): Promise<void> {
      const write = (budgetGuards: GuardedItem[]) =>
        transactions.apply(userId, {
          created: [item],
          deltas,
          payees: item.payee ? [item.payee] : [],
          now: item.createdAt,
          extra: [...extra, ...budgetGuards],
        });
      if (!guards) return write([]);
      return guards.retrying(() => guards.gather(userId, item), write);
    },
  };
}
