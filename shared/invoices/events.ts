/** The events invoices' items become (see shared/kit/events/domain-events.ts). */
import { created, deleted, type ItemEvents, updated } from '../kit/events/domain-events';
import * as z from '../kit/schema';
import { InvoiceEntity, invoiceItem } from './items';

export const invoicesItemEvents = {
  [InvoiceEntity.type]: {
    idAttribute: 'invoiceId',
    INSERT: 'InvoiceCreated',
    MODIFY: 'InvoiceUpdated',
    REMOVE: 'InvoiceDeleted',
  },
} as const satisfies Record<string, ItemEvents>;

export const invoicesEvents = {
  InvoiceCreated: z.lazily(() => created(invoiceItem())),
  InvoiceUpdated: z.lazily(() => updated(invoiceItem())),
  InvoiceDeleted: z.lazily(() => deleted(invoiceItem())),
};
