/**
 * Deletes the transactions of a deleted account (AccountDeleted). The account route only deletes
 * an account with transactions once it is archived, and an archived account takes no new ones, so
 * the set to delete only shrinks.
 *
 * Each transaction goes in its own TransactWriteItems: the transaction item (conditional on it
 * still existing *and still belonging to this account*: one moved to another account meanwhile is
 * not ours to delete), its category's count, and its external-id claim. A second delivery, or a
 * stale index entry, fails that condition and changes nothing: no dedupe marker is needed. Each
 * deletion publishes TransactionDeleted, so budgets and goals subtract it as they would for a
 * deletion by hand. The other leg of a transfer stays: it is part of another account's history.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { eventConsumer } from '../../shared/app/consumer';
import { CategoryEntity } from '../../shared/categories/items';
import { documentClient } from '../../shared/kit/aws/document-client';
import { requireEnv } from '../../shared/kit/config';
import { queryPages } from '../../shared/kit/dynamodb/prefix-page';
import { type GuardedItem, transactWrite } from '../../shared/kit/dynamodb/transact';
import { logger, metrics } from '../../shared/kit/observability';
import { ledgerCleaner } from '../../shared/transactions/consumers';
import { ExternalIdEntity, TransactionEntity, transactionIndexPk } from '../../shared/transactions/items';

/** The events its declaration (and so its rule) routes here. */
export const acceptedDetailTypes = ledgerCleaner.events;

type IndexedTransaction = {
  transactionId: string;
  accountId: string;
  categoryId?: string | null;
  externalId?: string | null;
};

type Deps = { db: DynamoDBDocumentClient; tableName: string };

/** Deletions in flight at once: quick for a big account, without a burst that throttles the table. */
const CONCURRENCY = 8;
/**
 * Passes over the account's index. The index is eventually consistent: a pass can miss a
 * transaction written just before the account was archived; the next one catches it. A pass that
 * deletes nothing ends the work.
 */
const MAX_PASSES = 5;

class AlreadyGone extends Error {}
class CategoryGone extends Error {}

async function deleteOne(
  { db, tableName }: Deps,
  userId: string,
  accountId: string,
  txn: IndexedTransaction,
  withCategory = true,
): Promise<boolean> {
  const items: GuardedItem[] = [
    {
      item: {
        Delete: {
          TableName: tableName,
          Key: TransactionEntity.key(userId, txn.transactionId),
          ConditionExpression: 'attribute_exists(#pk) AND #accountId = :accountId',
          ExpressionAttributeNames: { '#pk': 'pk', '#accountId': 'accountId' },
          ExpressionAttributeValues: { ':accountId': accountId },
        },
      },
      onConditionFailed: () => new AlreadyGone(),
    },
  ];
  if (txn.categoryId && withCategory) {
    items.push({
      item: {
        Update: {
          TableName: tableName,
          Key: CategoryEntity.key(userId, txn.categoryId),
          UpdateExpression: 'ADD #transactionCount :minusOne',
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: { '#pk': 'pk', '#transactionCount': 'transactionCount' },
          ExpressionAttributeValues: { ':minusOne': -1 },
        },
      },
      onConditionFailed: () => new CategoryGone(),
    });
  }
  // While the transaction exists its claim is its own, so an unconditional delete is safe.
  if (txn.externalId) {
    items.push({ item: { Delete: { TableName: tableName, Key: ExternalIdEntity.key(userId, txn.externalId) } } });
  }
  try {
    await transactWrite(db, items);
    return true;
  } catch (error) {
    if (error instanceof AlreadyGone) return false;
    // A category cannot be deleted while it counts transactions; if it is gone anyway, do not
    // recreate it with a negative count: delete the transaction without it.
    if (error instanceof CategoryGone) return deleteOne({ db, tableName }, userId, accountId, txn, false);
    throw error;
  }
}

/** Deletes every transaction of the account; resolves with how many it deleted. */
async function deleteAccountTransactions(deps: Deps, userId: string, accountId: string): Promise<number> {
  let deleted = 0;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    let deletedInPass = 0;
    const pages = queryPages(deps.db, {
      TableName: deps.tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: '#gsi2pk = :gsi2pk',
      ExpressionAttributeNames: {
        '#gsi2pk': 'gsi2pk',
        '#transactionId': 'transactionId',
        '#accountId': 'accountId',
        '#categoryId': 'categoryId',
        '#externalId': 'externalId',
      },
      ExpressionAttributeValues: { ':gsi2pk': transactionIndexPk.byAccount(userId, accountId) },
      ProjectionExpression: '#transactionId, #accountId, #categoryId, #externalId',
    });
    for await (const page of pages) {
      const found = page as IndexedTransaction[];
      for (let i = 0; i < found.length; i += CONCURRENCY) {
        const outcomes = await Promise.all(
          found.slice(i, i + CONCURRENCY).map((txn) => deleteOne(deps, userId, accountId, txn)),
        );
        deletedInPass += outcomes.filter(Boolean).length;
      }
    }
    deleted += deletedInPass;
    if (deletedInPass === 0) return deleted;
  }
  // Still deleting after every pass: fail, so the event is retried rather than reported as done.
  throw new Error(`The account still had transactions after ${MAX_PASSES} passes`);
}

const deps: Deps = { db: documentClient(), tableName: requireEnv('TABLE_NAME') };

export const handler = eventConsumer(ledgerCleaner, async ({ detail }) => {
  const accountId = detail.previous.accountId;
  const deleted = await deleteAccountTransactions(deps, detail.userId, accountId);
  metrics.addMetric('AccountTransactionsDeleted', MetricUnit.Count, deleted);
  logger.info('Deleted account cleaned up', { userId: detail.userId, accountId, transactionsDeleted: deleted });
});
