/**
 * Reads and writes of the insight items (./items.ts): the applied states, the month counters, and
 * the month ranges the reports read. Each report reads months × groups, never transactions.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { AccountEntity, accountItem } from '../accounts/public';
import { appliedStatePut, commit } from '../kit/dynamodb/exactly-once';
import { userPk } from '../kit/dynamodb/keys';
import { queryAll, queryPages } from '../kit/dynamodb/prefix-page';
import { tableDefinition } from '../kit/dynamodb/table-definition';
import type { GuardedItem } from '../kit/dynamodb/transact';
import { transactionIndexPk } from '../transactions/public';
import {
  InsightAppliedEntity,
  type InsightAppliedItem,
  InsightMonthEntity,
  insightAppliedItem,
  type Lines,
  MONTH_ITEM_ATTRIBUTES,
  type MonthTotals,
  UnusualSpendingEntity,
  type UnusualSpendingItem,
} from './items';
import { lastDayOf, nextDay } from './months';
import type { LaterInMonth, NetWorthAccount } from './net-worth';

/** Deleted transactions' tombstones outlive any delivery of their older events (max age 6 h + 24 h stream). */
const TOMBSTONE_TTL_SECONDS = 30 * 24 * 60 * 60;

export type AppliedWrite = {
  transactionId: string;
  /** The state read, which the write is pinned to. */
  existing: InsightAppliedItem | undefined;
  next: Pick<InsightAppliedItem, 'version' | 'deleted' | 'month' | 'currency' | 'lines'>;
};

export type InsightStore = ReturnType<typeof createInsightStore>;

export function createInsightStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  const ownAttributes = new Set<string>(MONTH_ITEM_ATTRIBUTES);

  const toTotals = (item: Record<string, unknown>): MonthTotals => ({
    month: item.month as string,
    currency: item.currency as string,
    lines: Object.fromEntries(
      Object.entries(item).filter(([name, value]) => !ownAttributes.has(name) && typeof value === 'number'),
    ) as Lines,
  });

  return {
    async getApplied(userId: string, transactionId: string): Promise<InsightAppliedItem | undefined> {
      const { Item } = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: InsightAppliedEntity.key(userId, transactionId),
          ConsistentRead: true,
        }),
      );
      return Item ? insightAppliedItem().parse(Item) : undefined;
    },

    appliedPut(userId: string, write: AppliedWrite, now: Date): GuardedItem {
      const { next } = write;
      return appliedStatePut({
        tableName,
        key: InsightAppliedEntity.key(userId, write.transactionId),
        item: {
          type: InsightAppliedEntity.type,
          transactionId: write.transactionId,
          ...next,
          updatedAt: now.toISOString(),
          ...(next.deleted ? { expiresAt: Math.floor(now.getTime() / 1000) + TOMBSTONE_TTL_SECONDS } : {}),
        },
        read: write.existing && { version: write.existing.version },
      });
    },

    /**
     * One UpdateItem that ADDs every line of `delta` to a month item, creating it (and each counter)
     * on first use. Counter names are data (category ids, payees, tags), so each gets a positional
     * placeholder.
     */
    monthAdd(userId: string, month: string, currency: string, delta: Lines, now: Date): GuardedItem {
      const entries = Object.entries(delta);
      return {
        item: {
          Update: {
            TableName: tableName,
            Key: InsightMonthEntity.key(userId, month, currency),
            UpdateExpression: `ADD ${entries.map((_, i) => `#l${i} :l${i}`).join(', ')} SET #type = :type, #month = :month, #currency = :currency, #updatedAt = :updatedAt`,
            ExpressionAttributeNames: {
              ...Object.fromEntries(entries.map(([name], i) => [`#l${i}`, name])),
              '#type': 'type',
              '#month': 'month',
              '#currency': 'currency',
              '#updatedAt': 'updatedAt',
            },
            ExpressionAttributeValues: {
              ...Object.fromEntries(entries.map(([, value], i) => [`:l${i}`, value])),
              ':type': InsightMonthEntity.type,
              ':month': month,
              ':currency': currency,
              ':updatedAt': now.toISOString(),
            },
          },
        },
      };
    },

    commit: (items: GuardedItem[]) => commit(db, items),

    /** Writes the fact unless this category's month already has one: 'exists' then. */
    async putUnusual(userId: string, fact: UnusualSpendingItem): Promise<'written' | 'exists'> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...UnusualSpendingEntity.key(userId, fact.month, fact.categoryId), ...fact },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return 'written';
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return 'exists';
        throw error;
      }
    },

    /** The month items from `from` to `to` (inclusive, `YYYY-MM`), every home currency, oldest first. */
    async months(userId: string, range: { from?: string; to?: string } = {}): Promise<MonthTotals[]> {
      const found: MonthTotals[] = [];
      const pages = queryPages(db, {
        TableName: tableName,
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#pk': tableDefinition.partitionKey, '#sk': tableDefinition.sortKey },
        ExpressionAttributeValues: {
          ':pk': userPk(userId),
          ':from': `${InsightMonthEntity.prefix}${range.from ?? '0000-00'}`,
          // `~` sorts after every currency code: the last month's items are all in range.
          ':to': `${InsightMonthEntity.prefix}${range.to ?? '9999-12'}#~`,
        },
      });
      for await (const page of pages) found.push(...page.map(toTotals));
      return found;
    },

    /** Every account of the user, archived ones too: they hold money until their balance is 0. */
    async accounts(userId: string): Promise<NetWorthAccount[]> {
      const items = await queryAll(db, { tableName, pk: userPk(userId), prefix: AccountEntity.prefix });
      return items.map((item) => accountItem().parse(item));
    },

    /**
     * What the transactions dated after `date` and within its month moved, per account: a Query of
     * the by-date index over the rest of that month only.
     */
    async laterInMonth(userId: string, date: string): Promise<LaterInMonth> {
      const moved: LaterInMonth = new Map();
      const last = lastDayOf(date.slice(0, 7));
      if (date >= last) return moved;
      const pages = queryPages(db, {
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#pk': 'gsi1pk', '#sk': 'gsi1sk', '#account': 'accountId' },
        ExpressionAttributeValues: {
          ':pk': transactionIndexPk.byDate(userId),
          ':from': nextDay(date),
          ':to': `${last}#~`,
        },
        ProjectionExpression: '#account, accountAmount, homeAmount',
      });
      for await (const page of pages) {
        for (const item of page) {
          const sum = moved.get(item.accountId as string) ?? { account: 0, home: 0 };
          sum.account += item.accountAmount as number;
          sum.home += item.homeAmount as number;
          moved.set(item.accountId as string, sum);
        }
      }
      return moved;
    },
  };
}
