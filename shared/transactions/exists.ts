/**
 * That one of the user's transactions exists, as a ConditionCheck another feature puts in its own
 * TransactWriteItems: what it links to a transaction is written only while the transaction is
 * there, so a deletion racing the link either comes after it (and its TransactionDeleted finds the
 * link) or makes the write fail.
 */
import type { GuardedItem } from '../kit/dynamodb/transact';
import { TransactionEntity } from './items';

export function transactionExists(
  tableName: string,
  userId: string,
  transactionId: string,
  missing: () => Error,
): GuardedItem {
  return {
    item: {
      ConditionCheck: {
        TableName: tableName,
        Key: TransactionEntity.key(userId, transactionId),
        ConditionExpression: 'attribute_exists(pk)',
      },
    },
    onConditionFailed: missing,
  };
}
