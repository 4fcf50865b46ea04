import { BatchGetCommand, type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { CategoryEntity, type CategoryItem, categoryItem } from '../categories/public';
import { addDifference, appliedStatePut, backoff, commit, UserGone, userExists } from '../kit/dynamodb/exactly-once';
import { userPk } from '../kit/dynamodb/keys';
import { queryAll as queryAllItems, queryPages, queryPrefixPage } from '../kit/dynamodb/prefix-page';
import { type GuardedItem, transactWrite } from '../kit/dynamodb/transact';
import {
  conditionalDelete,
  type VersionedUpdateOptions,
  type VersionedUpdateOutcome,
  versionedUpdate,
} from '../kit/dynamodb/versioned-update';
import * as z from '../kit/schema';
import { type TransactionItem, transactionIndexPk, transactionItem } from '../transactions/public';
import {
  BudgetAlertEntity,
  type BudgetAlertItem,
  BudgetAppliedEntity,
  BudgetEntity,
  type BudgetItem,
  BudgetPeriodEntity,
  budgetAppliedItem,
  budgetItem,
} from './items';

/**
 * The applied state as stored. `budgetVersion` is the budget version whose coverage computed
 * `amount`: a coverage change (a new budget version) must be able to recompute a transaction at
 * the same transaction version. Items written before it existed read as 0.
 */
/** Items written before `budgetVersion` existed read as version 0. */
const storedApplied = z.lazily(() =>
  z.extend(budgetAppliedItem(), { budgetVersion: z._default(z.int().check(z.nonnegative()), 0) }),
);
export type AppliedState = z.infer<ReturnType<typeof storedApplied>>;

/** The next state of one (budget, transaction) pair, and the state it replaces (as read). */
export type AppliedWrite = {
  transactionId: string;
  existing: AppliedState | undefined;
  next: Pick<AppliedState, 'version' | 'deleted' | 'periodId' | 'amount' | 'budgetVersion'>;
};

export type CounterDelta = { periodId: string; spent: number; count: number };

/** The budget changed (another version: its coverage may differ) or was deleted since it was read. */
export class BudgetChanged extends Error {}

/** Deleted transactions' tombstones outlive any delivery of their older events (max age 6 h + 24 h stream). */
const TOMBSTONE_TTL_SECONDS = 30 * 24 * 60 * 60;
/** BatchGetItem takes at most 100 keys. */
const MAX_BATCH_GET = 100;

export type BudgetStore = ReturnType<typeof createBudgetStore>;

export function createBudgetStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  async function getItem(key: { pk: string; sk: string }) {
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
    return Item;
  }

  /** Every item of the partition under a sort-key prefix, strongly consistent (budgets, counters, alerts are few). */
  const queryAll = (userId: string, prefix: string) =>
    queryAllItems(db, { tableName, pk: userPk(userId), prefix, consistent: true });

  const store = {
    // ---- Budgets ------------------------------------------------------------------------------

    async get(userId: string, budgetId: string): Promise<BudgetItem | undefined> {
      const item = await getItem(BudgetEntity.key(userId, budgetId));
      return item ? budgetItem().parse(item) : undefined;
    },

    /** Every budget of the user: one Query (a person has a handful). */
    async listAll(userId: string): Promise<BudgetItem[]> {
      return (await queryAll(userId, BudgetEntity.prefix)).map((item) => budgetItem().parse(item));
    },

    /** A page of budgets in creation order (ids are ULIDs). */
    async list(userId: string, options: { limit: number; after?: string }) {
      const page = await queryPrefixPage(db, {
        tableName,
        pk: userPk(userId),
        prefix: BudgetEntity.prefix,
        limit: options.limit,
        ...(options.after !== undefined ? { after: options.after } : {}),
        consistent: true,
      });
      return { items: page.items.map((item) => budgetItem().parse(item)), last: page.last };
    },

    /** Writes a new budget in one transaction with `extra` (the Idempotency-Key record). */
    async create(userId: string, budget: BudgetItem, extra: GuardedItem[] = []): Promise<void> {
      await transactWrite(db, [
        {
          item: {
            Put: {
              TableName: tableName,
              Item: { ...BudgetEntity.key(userId, budget.budgetId), ...budget },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        },
        ...extra,
      ]);
    },

    async update(
      userId: string,
      budgetId: string,
      fields: Partial<Pick<BudgetItem, 'name' | 'categoryIds' | 'limit' | 'thresholds' | 'rollover' | 'enforce'>>,
      options: VersionedUpdateOptions,
    ): Promise<VersionedUpdateOutcome<BudgetItem>> {
      return versionedUpdate(
        db,
        { tableName, key: BudgetEntity.key(userId, budgetId), fields, parse: (item) => budgetItem().parse(item) },
        options,
      );
    },

    /** One conditional DeleteItem (on the version, with If-Match): absent → not-found, stale → version-mismatch. */
    async delete(
      userId: string,
      budgetId: string,
      expectedVersions?: readonly number[],
    ): Promise<'deleted' | 'not-found' | 'version-mismatch'> {
      const outcome = await conditionalDelete(db, {
        tableName,
        key: BudgetEntity.key(userId, budgetId),
        ...(expectedVersions ? { expectedVersions } : {}),
      });
      return outcome.status === 'refused' ? 'version-mismatch' : outcome.status;
    },

    async getCategory(userId: string, categoryId: string): Promise<CategoryItem | undefined> {
      const item = await getItem(CategoryEntity.key(userId, categoryId));
      return item ? categoryItem().parse(item) : undefined;
    },

    // ---- Period counters ----------------------------------------------------------------------

    /** Spent per period of one budget: one Query `begins_with(sk, BPERIOD#<id>#)`, strongly consistent. */
    async spentByPeriod(userId: string, budgetId: string): Promise<Map<string, number>> {
      const items = await queryAll(userId, `${BudgetPeriodEntity.prefix}${budgetId}#`);
      return new Map(items.map((item) => [String(item.periodId), Number(item.spent ?? 0)]));
    },

    async spentIn(userId: string, budgetId: string, periodId: string): Promise<number> {
      const item = await getItem(BudgetPeriodEntity.key(userId, budgetId, periodId));
      return Number(item?.spent ?? 0);
    },

    // ---- Applied state ------------------------------------------------------------------------

    async getApplied(userId: string, budgetId: string, transactionId: string): Promise<AppliedState | undefined> {
      const item = await getItem(BudgetAppliedEntity.key(userId, budgetId, transactionId));
      return item ? storedApplied().parse(item) : undefined;
    },

    /** The applied states of up to 100 transactions (strongly consistent BatchGetItem), by transaction id. */
    async getAppliedMany(
      userId: string,
      budgetId: string,
      transactionIds: readonly string[],
    ): Promise<Map<string, AppliedState>> {
      if (transactionIds.length > MAX_BATCH_GET) throw new Error(`At most ${MAX_BATCH_GET} keys per read`);
      const found = new Map<string, AppliedState>();
      let pending = transactionIds.map((id) => BudgetAppliedEntity.key(userId, budgetId, id));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 0) await backoff(attempt);
        const response = await db.send(
          new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
        );
        for (const item of response.Responses?.[tableName] ?? []) {
          const state = storedApplied().parse(item);
          found.set(state.transactionId, state);
        }
        pending = (response.UnprocessedKeys?.[tableName]?.Keys ?? []) as typeof pending;
      }
      return found;
    },

    /**
     * The Put of a new applied state, pinned to the state that was read: absent, or exactly that
     * version and budget version. Pinning (rather than "older than mine") is what keeps the counter
     * deltas right: they are computed against the state read, and must not land on another one.
     */
    appliedPut(userId: string, budgetId: string, write: AppliedWrite, now: Date): GuardedItem {
      const { existing, next } = write;
      return appliedStatePut({
        tableName,
        key: BudgetAppliedEntity.key(userId, budgetId, write.transactionId),
        item: {
          type: BudgetAppliedEntity.type,
          budgetId,
          transactionId: write.transactionId,
          ...next,
          updatedAt: now.toISOString(),
          ...(next.deleted ? { expiresAt: Math.floor(now.getTime() / 1000) + TOMBSTONE_TTL_SECONDS } : {}),
        },
        read: existing && { version: existing.version, budgetVersion: existing.budgetVersion },
      });
    },

    /**
     * ADD to a period counter (creating it on first use). With `atMost`, the write is refused when
     * the counter already exceeds it (enforce mode: spent + delta ≤ effective limit, atomically).
     */
    counterAdd(
      userId: string,
      budgetId: string,
      delta: CounterDelta,
      now: Date,
      guard?: { atMost: number; refused: (spent: number) => Error },
    ): GuardedItem {
      return addDifference({
        tableName,
        key: BudgetPeriodEntity.key(userId, budgetId, delta.periodId),
        add: { spent: delta.spent, transactionCount: { value: delta.count, as: 'count' } },
        set: { type: BudgetPeriodEntity.type, budgetId, periodId: delta.periodId, updatedAt: now.toISOString() },
        ...(guard
          ? {
              condition: {
                expression: 'attribute_not_exists(#spent) OR #spent <= :atMost',
                values: { ':atMost': guard.atMost },
              },
              onConditionFailed: (old) => guard.refused(Number(old?.spent ?? 0)),
            }
          : {}),
      });
    },

    /** The budget is still the version whose coverage and limit were used (and still exists). */
    budgetUnchanged(userId: string, budget: Pick<BudgetItem, 'budgetId' | 'version'>): GuardedItem {
      return {
        item: {
          ConditionCheck: {
            TableName: tableName,
            Key: BudgetEntity.key(userId, budget.budgetId),
            ConditionExpression: '#version = :budgetVersion',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':budgetVersion': budget.version },
          },
        },
        onConditionFailed: () => new BudgetChanged(),
      };
    },

    /** The user still exists: a deleted user's partition is never written again (UserGone). */
    profileExists(userId: string): GuardedItem {
      return userExists(tableName, userId);
    },

    /** One TransactWriteItems, retried under contention (the kit's exactly-once commit). */
    async commit(items: GuardedItem[]): Promise<void> {
      await commit(db, items);
    },

    // ---- Alerts -------------------------------------------------------------------------------

    /** Thresholds already alerted for a period: one Query `begins_with(sk, ALERT#<id>#<periodId>#)`. */
    async alertedThresholds(userId: string, budgetId: string, periodId: string): Promise<Set<number>> {
      const prefix = `ALERT#${budgetId}#${periodId}#`;
      const items = await queryAll(userId, prefix);
      return new Set(items.map((item) => Number(item.threshold)));
    },

    /** Puts an alert fact unless it exists; never into a deleted user's partition. */
    async putAlert(userId: string, alert: BudgetAlertItem): Promise<'written' | 'exists' | 'user-gone'> {
      class Exists extends Error {}
      try {
        await store.commit([
          store.profileExists(userId),
          {
            item: {
              Put: {
                TableName: tableName,
                Item: { ...BudgetAlertEntity.key(userId, alert.budgetId, alert.periodId, alert.threshold), ...alert },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            onConditionFailed: () => new Exists(),
          },
        ]);
        return 'written';
      } catch (error) {
        if (error instanceof Exists) return 'exists';
        if (error instanceof UserGone) return 'user-gone';
        throw error;
      }
    },

    // ---- Transactions (for backfills) ---------------------------------------------------------

    /**
     * The user's transactions dated on or after `from`, a page at a time, from gsi1 (eventually
     * consistent; see docs/budgets.md for why that is enough). Transfers are skipped by the caller.
     * 96 a page: their applied Puts, a counter ADD or two and the two checks fill one transaction.
     */
    async *transactionsFrom(userId: string, from: string, pageSize = 96): AsyncGenerator<TransactionItem[]> {
      const pages = queryPages(db, {
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: '#pk = :pk AND #sk >= :from',
        ExpressionAttributeNames: { '#pk': 'gsi1pk', '#sk': 'gsi1sk' },
        ExpressionAttributeValues: { ':pk': transactionIndexPk.byDate(userId), ':from': from },
        Limit: pageSize,
      });
      for await (const page of pages) yield page.map((item) => transactionItem().parse(item));
    },
  };
  return store;
}
