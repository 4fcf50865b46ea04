/**
 * The transaction write side: every create, update, delete and transfer is ONE TransactWriteItems
 * holding the transaction item(s), the balance and count deltas computed by the plan
 * (shared/transactions/plan.ts), the payee's use or creation, the external-id claim and the
 * Idempotency-Key record. Either all of it happens or none of it: a balance can never disagree with
 * its transactions. Each condition maps to what it means in the domain (NotFoundError, ConflictError, VersionMismatch).
 *
 * Reads are strongly consistent GetItems by key (never a Scan, never an index that could lag).
 */
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { AccountEntity, type AccountItem, accountItem } from '../accounts/public';
import { CategoryEntity, type CategoryItem, categoryItem } from '../categories/public';
import { commit } from '../kit/dynamodb/exactly-once';
import type { Key } from '../kit/dynamodb/keys';
import { roomFor } from '../kit/dynamodb/range-guard';
import type { GuardedItem } from '../kit/dynamodb/transact';
import { ConflictError, NotFoundError, OutOfRange, VersionMismatch } from '../kit/errors';
import { MAX_SAFE_AMOUNT } from '../kit/money/money';
import * as z from '../kit/schema';
import { ExternalIdEntity, TransactionEntity, type TransactionItem, transactionItem } from './items';
import { type Deltas, storedTransaction } from './plan';

/** The transaction changed between our read and our write (its version is not the one we read). */
export class StaleTransaction extends VersionMismatch {}

/** One atomic change of the ledger. */
export type LedgerChange = {
  /** New transactions (attribute_not_exists). */
  created?: TransactionItem[];
  /** Replacements, each conditional on the version that was read. */
  replaced?: { item: TransactionItem; readVersion: number }[];
  /** Deletions, each conditional on the version that was read. */
  deleted?: TransactionItem[];
  deltas: Deltas;
  /** The payee writes of the entries' payees (shared/transactions/payee-store.ts). */
  payeeWrites?: GuardedItem[];
  now: string;
  /** Items written in the same transaction (the Idempotency-Key record). */
  extra?: GuardedItem[];
  /**
   * Refunded expenses whose refund figures move (./refunds.ts): only `refundedAmount`,
   * `refundIds`, `updatedAt` and `version` are written, pinned to the version read.
   */
  refunded?: { item: TransactionItem; readVersion: number }[];
};

export type TransactionStore = ReturnType<typeof createTransactionStore>;

export function createTransactionStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  async function read<T extends z.Schema>(key: Key, schema: T): Promise<z.infer<T> | undefined> {
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
    return Item ? z.parse(schema, Item) : undefined;
  }

  function transactionWrites(userId: string, change: LedgerChange): GuardedItem[] {
    const writes: GuardedItem[] = [];
    for (const item of change.created ?? []) {
      writes.push({
        item: {
          Put: {
            TableName: tableName,
            Item: storedTransaction(userId, item),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      });
      if (item.externalId) writes.push(externalIdClaim(userId, item, change.now));
    }
    for (const { item, readVersion } of change.replaced ?? []) {
      writes.push({
        item: {
          Put: {
            TableName: tableName,
            Item: storedTransaction(userId, item),
            ConditionExpression: '#version = :readVersion',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':readVersion': readVersion },
          },
        },
        onConditionFailed: staleOrGone,
      });
    }
    for (const item of change.deleted ?? []) {
      writes.push({
        item: {
          Delete: {
            TableName: tableName,
            Key: TransactionEntity.key(userId, item.transactionId),
            ConditionExpression: '#version = :readVersion',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':readVersion': item.version },
          },
        },
        onConditionFailed: staleOrGone,
      });
      // The claim goes with the transaction, so the same bank line can be imported again later.
      if (item.externalId) {
        writes.push({ item: { Delete: { TableName: tableName, Key: ExternalIdEntity.key(userId, item.externalId) } } });
      }
    }
    for (const { item, readVersion } of change.refunded ?? []) {
      writes.push({
        item: {
          Update: {
            TableName: tableName,
            Key: TransactionEntity.key(userId, item.transactionId),
            UpdateExpression: 'SET #refunded = :refunded, #ids = :ids, #version = :next, #updatedAt = :now',
            ConditionExpression: '#version = :readVersion',
            ExpressionAttributeNames: {
              '#refunded': 'refundedAmount',
              '#ids': 'refundIds',
              '#version': 'version',
              '#updatedAt': 'updatedAt',
            },
            ExpressionAttributeValues: {
              ':refunded': item.refundedAmount ?? 0,
              ':ids': item.refundIds ?? [],
              ':next': item.version,
              ':now': item.updatedAt,
              ':readVersion': readVersion,
            },
          },
        },
        onConditionFailed: staleOrGone,
      });
    }
    return writes;
  }

  function externalIdClaim(userId: string, item: TransactionItem, now: string): GuardedItem {
    return {
      item: {
        Put: {
          TableName: tableName,
          Item: {
            ...ExternalIdEntity.key(userId, item.externalId as string),
            type: ExternalIdEntity.type,
            transactionId: item.transactionId,
            createdAt: now,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: (existing) =>
        new ConflictError('A transaction with this externalId already exists.', 'duplicate-external-id', {
          existingTransactionId: existing?.transactionId,
        }),
    };
  }

  function deltaWrites(userId: string, deltas: Deltas): GuardedItem[] {
    const accounts = deltas.accounts.map(({ accountId, balance, count, pending, reconciled }): GuardedItem => {
      // Without attribute_exists an ADD would create a half account. A new entry (count going up)
      // may not land in an archived account; fixing an old one there may. The balance keeps room.
      const room = roomFor('#balance', balance);
      const conditions = [
        'attribute_exists(pk)',
        ...(count > 0 ? ['#archived = :false'] : []),
        ...(room ? [room.expression] : []),
      ];
      return {
        item: {
          Update: {
            TableName: tableName,
            Key: AccountEntity.key(userId, accountId),
            // The pending and reconciled parts of the balance move only when they change; absent reads as 0.
            UpdateExpression: [
              'ADD #balance :balance, #transactionCount :count',
              ...(pending ? ['#pendingBalance :pending'] : []),
              ...(reconciled ? ['#reconciledBalance :reconciled'] : []),
            ].join(', '),
            ConditionExpression: conditions.join(' AND '),
            ExpressionAttributeNames: {
              '#balance': 'balance',
              '#transactionCount': 'transactionCount',
              ...(count > 0 ? { '#archived': 'archived' } : {}),
              ...(pending ? { '#pendingBalance': 'pendingBalance' } : {}),
              ...(reconciled ? { '#reconciledBalance': 'reconciledBalance' } : {}),
            },
            ExpressionAttributeValues: {
              ':balance': balance,
              ':count': count,
              ...(count > 0 ? { ':false': false } : {}),
              ...(pending ? { ':pending': pending } : {}),
              ...(reconciled ? { ':reconciled': reconciled } : {}),
              ...room?.values,
            },
          },
        },
        onConditionFailed: (existing) => {
          if (!existing) return new NotFoundError('account');
          if (count > 0 && existing.archived === true) {
            return new ConflictError('The account is archived; unarchive it to add transactions.', 'account-archived');
          }
          return new OutOfRange(
            'money.amount',
            `would take the balance of account ${accountId} past ±${MAX_SAFE_AMOUNT} minor units`,
          );
        },
      };
    });
    const categories = deltas.categories.map(
      ({ categoryId, count }): GuardedItem => ({
        item: {
          Update: {
            TableName: tableName,
            Key: CategoryEntity.key(userId, categoryId),
            UpdateExpression: 'ADD #transactionCount :count',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#transactionCount': 'transactionCount' },
            ExpressionAttributeValues: { ':count': count },
          },
        },
        onConditionFailed: () => new NotFoundError('category'),
      }),
    );
    return [...accounts, ...categories];
  }

  return {
    async get(userId: string, transactionId: string): Promise<TransactionItem | undefined> {
      return read(TransactionEntity.key(userId, transactionId), transactionItem());
    },
    async getAccount(userId: string, accountId: string): Promise<AccountItem | undefined> {
      return read(AccountEntity.key(userId, accountId), accountItem());
    },
    async getCategory(userId: string, categoryId: string): Promise<CategoryItem | undefined> {
      return read(CategoryEntity.key(userId, categoryId), categoryItem());
    },

    /**
     * Applies one ledger change atomically (see LedgerChange), retried when DynamoDB cancelled it
     * only because a concurrent transaction held the same account item: that is contention, not a
     * refusal, and 50 simultaneous entries on one account must all land (the kit's commit).
     */
    async apply(userId: string, change: LedgerChange): Promise<void> {
      await commit(db, [
        ...transactionWrites(userId, change),
        ...deltaWrites(userId, change.deltas),
        ...(change.payeeWrites ?? []),
        ...(change.extra ?? []),
      ]);
    },
  };
}

function staleOrGone(existing: Record<string, unknown> | undefined): Error {
  return existing ? new StaleTransaction() : new NotFoundError('transaction');
}
