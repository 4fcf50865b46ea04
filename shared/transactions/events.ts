/** The events transactions' items become (see shared/kit/events/domain-events.ts). */
import { created, deleted, type ItemEvents, updated } from '../kit/events/domain-events';
import { TransactionEntity, transactionItem } from './items';

export const transactionsItemEvents = {
  [TransactionEntity.type]: {
    idAttribute: 'transactionId',
    INSERT: 'TransactionCreated',
    MODIFY: 'TransactionUpdated',
    REMOVE: 'TransactionDeleted',
  },
} as const satisfies Record<string, ItemEvents>;

export const transactionsEvents = {
  TransactionCreated: created(transactionItem),
  TransactionUpdated: updated(transactionItem),
  TransactionDeleted: deleted(transactionItem),
};
