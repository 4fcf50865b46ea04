/** The events invoices' items become (see shared/kit/events/domain-events.ts). */
import { created, deleted, type ItemEvents, updated } from '../kit/events/domain-events';
import * as z from '../kit/schema';
import { InvoiceEntity, InvoiceReminderEntity, invoiceItem, invoiceReminderItem } from './items';

export const invoicesItemEvents = {
  [InvoiceEntity.type]: {
    idAttribute: 'invoiceId',
    INSERT: 'InvoiceCreated',
    MODIFY: 'InvoiceUpdated',
    REMOVE: 'InvoiceDeleted',
    // What is paid follows the Transaction* events that moved it; the due-date index and the
    // reminder mark are bookkeeping of the overdue sweep.
    counters: {
      attributes: ['paidAmount', 'gsi4pk', 'gsi4sk', 'remindedAt'],
      reason: 'the Transaction* event that moved what is paid says it; the index keys are the overdue sweep’s',
    },
  },
  // Written once per invoice and due date by the overdue sweep; never changed, erased with the user.
  [InvoiceReminderEntity.type]: { idAttribute: 'factId', INSERT: 'InvoiceOverdue' },
} as const satisfies Record<string, ItemEvents>;

export const invoicesEvents = {
  InvoiceCreated: z.lazily(() => created(invoiceItem())),
  InvoiceUpdated: z.lazily(() => updated(invoiceItem())),
  InvoiceDeleted: z.lazily(() => deleted(invoiceItem())),
  InvoiceOverdue: z.lazily(() => created(invoiceReminderItem())),
};
