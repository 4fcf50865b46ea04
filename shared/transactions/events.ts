/** The events transactions' items become (see shared/kit/events/domain-events.ts). */
import { created, deleted, type ItemEvents, updated } from '../kit/events/domain-events';
import * as z from '../kit/schema';
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
  TransactionCreated: z.lazily(() => created(transactionItem())),
  TransactionUpdated: z.lazily(() => updated(transactionItem())),
  TransactionDeleted: z.lazily(() => deleted(transactionItem())),
};
