/**
 * Reads and writes of captures, and the reads a capture decision needs: the user's accounts (a few
 * per user, one Query of the partition's ACCOUNT# items) and the user's transactions of a few days
 * (one bounded Query of the by-date index, gsi1). No Scan, no filter.
 */

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { AccountEntity, type AccountItem, accountItem } from '../accounts/public';
import { userPk } from '../kit/dynamodb/keys';
import { newestFirstPage, queryAll, queryPages } from '../kit/dynamodb/prefix-page';
import type { GuardedItem } from '../kit/dynamodb/transact';
import { ConflictError } from '../kit/errors';
import { ExternalIdEntity, type TransactionItem, transactionIndexPk, transactionItem } from '../transactions/public';
import { CaptureEntity, type CaptureItem, type CaptureStatus, captureIndex, captureItem } from './items';

/** The most transactions a decision reads (five days of a very busy user); beyond, it decides on these. */
export const MAX_NEARBY_TRANSACTIONS = 500;

const stored = (userId: string, capture: CaptureItem) => ({
  ...CaptureEntity.key(userId, capture.captureId),
  ...capture,
  gsi1pk: captureIndex.pk(userId, capture.status),
  gsi1sk: capture.captureId,
});

export type CaptureStore = ReturnType<typeof createCaptureStore>;

export function createCaptureStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  /** The conditional Put of a capture's next state: still in review and at the version read. */
  function transitionPut(userId: string, from: CaptureItem, to: CaptureItem): GuardedItem {
    return {
      item: {
        Put: {
          TableName: tableName,
          Item: stored(userId, to),
          ConditionExpression: '#status = :review AND #version = :version',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: { ':review': 'needs-review', ':version': from.version },
        },
      },
      onConditionFailed: () => notInReview(),
    };
  }

  return {
    /** The Put of a new capture, as an item of a bigger write (the transaction it records). */
    newCapturePut(userId: string, capture: CaptureItem): GuardedItem {
      return {
        item: {
          Put: { TableName: tableName, Item: stored(userId, capture), ConditionExpression: 'attribute_not_exists(pk)' },
        },
      };
    },

    async create(userId: string, capture: CaptureItem): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: stored(userId, capture),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    transitionPut,

    /** Moves a capture out of review on its own (reject); ConflictError when it is no longer there. */
    async transition(userId: string, from: CaptureItem, to: CaptureItem): Promise<void> {
      const { item } = transitionPut(userId, from, to);
      try {
        await db.send(new PutCommand(item.Put as ConstructorParameters<typeof PutCommand>[0]));
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw notInReview();
        throw error;
      }
    },

    /** Strongly consistent: accept and reject read the state they change. */
    async get(userId: string, captureId: string): Promise<CaptureItem | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: CaptureEntity.key(userId, captureId), ConsistentRead: true }),
      );
      return Item ? captureItem().parse(Item) : undefined;
    },

    /** One page of the captures in one status, newest first; `before` is the capture id to continue below. */
    async list(
      userId: string,
      status: CaptureStatus,
      { limit, before }: { limit: number; before?: string },
    ): Promise<{ items: CaptureItem[]; last?: string }> {
      return newestFirstPage(db, { tableName, pk: captureIndex.pk(userId, status), limit, before }, (item) =>
        captureItem().parse(item),
      );
    },

    /** The transaction that already claimed an externalId, if one did (strongly consistent). */
    async claimedBy(userId: string, externalId: string): Promise<string | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: ExternalIdEntity.key(userId, externalId), ConsistentRead: true }),
      );
      return typeof Item?.transactionId === 'string' ? Item.transactionId : undefined;
    },

    async accounts(userId: string): Promise<AccountItem[]> {
      const items = await queryAll(db, {
        tableName,
        pk: userPk(userId),
        prefix: AccountEntity.prefix,
        consistent: true,
      });
      return items.map((item) => accountItem().parse(item));
    },

    /** The user's transactions dated `from` to `to` (inclusive), at most MAX_NEARBY_TRANSACTIONS. */
    async transactionsBetween(userId: string, from: string, to: string): Promise<TransactionItem[]> {
      const found: TransactionItem[] = [];
      const pages = queryPages(db, {
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: '#gpk = :gpk AND #gsk BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#gpk': 'gsi1pk', '#gsk': 'gsi1sk' },
        // `~` sorts after every ULID character: the whole of the last day.
        ExpressionAttributeValues: { ':gpk': transactionIndexPk.byDate(userId), ':from': `${from}#`, ':to': `${to}#~` },
        Limit: 100,
      });
      for await (const page of pages) {
        found.push(...page.map((item) => transactionItem().parse(item)));
        if (found.length >= MAX_NEARBY_TRANSACTIONS) break;
      }
      return found.slice(0, MAX_NEARBY_TRANSACTIONS);
    },
  };
}

export function notInReview(): ConflictError {
  return new ConflictError('The capture is not waiting for review.', 'capture-not-in-review');
}
