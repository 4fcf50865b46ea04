import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { userPk } from '../kit/dynamodb/keys';
import { archivedFilter, queryPrefixPage } from '../kit/dynamodb/prefix-page';
import { type GuardedItem, transactWrite } from '../kit/dynamodb/transact';
import {
  conditionalDelete,
  type VersionedUpdateOptions,
  type VersionedUpdateOutcome,
  versionedUpdate,
} from '../kit/dynamodb/versioned-update';
import { AccountEntity, type AccountItem, accountItem } from './items';
import type { AccountCreate, AccountPatch } from './schemas';

type AccountDeleteOutcome = 'deleted' | 'not-found' | 'has-transactions';

/** A new, empty account. */
export function newAccountItem(input: AccountCreate, accountId: string, now: string): AccountItem {
  return {
    type: AccountEntity.type,
    accountId,
    name: input.name,
    kind: input.kind,
    currency: input.currency,
    balance: 0,
    transactionCount: 0,
    archived: false,
    fundsGoal: false,
    ...(input.hints && input.hints.lastDigits.length > 0 ? { hints: input.hints } : {}),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

export function createAccountStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  return {
    /**
     * Writes a new account in one transaction with `extra` items (the Idempotency-Key record), so
     * a retried request can never create a second account.
     */
    async create(userId: string, account: AccountItem, extra: GuardedItem[] = []): Promise<void> {
      await transactWrite(db, [
        {
          item: {
            Put: {
              TableName: tableName,
              Item: { ...AccountEntity.key(userId, account.accountId), ...account },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        },
        ...extra,
      ]);
    },

    /** Strongly consistent: a GET right after a PATCH or a transaction shows it. */
    async get(userId: string, accountId: string): Promise<AccountItem | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: AccountEntity.key(userId, accountId), ConsistentRead: true }),
      );
      return Item ? accountItem().parse(Item) : undefined;
    },

    /** A page of the user's accounts in creation order (ids are ULIDs); archived ones on request. */
    async list(userId: string, options: { includeArchived: boolean; limit: number; after?: string }) {
      const page = await queryPrefixPage(db, {
        tableName,
        pk: userPk(userId),
        prefix: AccountEntity.prefix,
        limit: options.limit,
        ...(options.after !== undefined ? { after: options.after } : {}),
        ...archivedFilter(options.includeArchived),
        consistent: true,
      });
      return { items: page.items.map((item) => accountItem().parse(item)), last: page.last };
    },

    /** Renames, re-kinds or (un)archives; never touches currency, balance or count. */
    async update(
      userId: string,
      accountId: string,
      patch: AccountPatch,
      options: VersionedUpdateOptions,
    ): Promise<VersionedUpdateOutcome<AccountItem>> {
      return versionedUpdate(
        db,
        {
          tableName,
          key: AccountEntity.key(userId, accountId),
          fields: { name: patch.name, kind: patch.kind, archived: patch.archived, hints: patch.hints },
          parse: (item) => accountItem().parse(item),
        },
        options,
      );
    },

    /**
     * Deletes an account that has no transactions, or one that is archived (its transactions are
     * then deleted by the ledger-cleaner consumer of AccountDeleted). One conditional DeleteItem:
     * the check and the delete cannot be separated by a concurrent transaction.
     */
    async delete(userId: string, accountId: string): Promise<AccountDeleteOutcome> {
      const outcome = await conditionalDelete(db, {
        tableName,
        key: AccountEntity.key(userId, accountId),
        condition: {
          expression: '(#transactionCount = :zero OR #archived = :true)',
          names: { '#transactionCount': 'transactionCount', '#archived': 'archived' },
          values: { ':zero': 0, ':true': true },
        },
      });
      return outcome.status === 'refused' ? 'has-transactions' : (outcome.status as 'deleted' | 'not-found');
    },
  };
}
