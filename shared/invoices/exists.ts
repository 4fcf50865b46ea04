/**
 * A ConditionCheck that the caller's invoice exists, for another feature's TransactWriteItems (an
 * attachment linked to it): the link and the invoice's existence are decided in one write.
 */
import type { GuardedItem } from '../kit/dynamodb/transact';
import { InvoiceEntity } from './items';

export function invoiceExists(tableName: string, userId: string, invoiceId: string, missing: () => Error): GuardedItem {
  return {
    item: {
      ConditionCheck: {
        TableName: tableName,
        Key: InvoiceEntity.key(userId, invoiceId),
        ConditionExpression: 'attribute_exists(pk)',
      },
    },
    onConditionFailed: missing,
  };
}
