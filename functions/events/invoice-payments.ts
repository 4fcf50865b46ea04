/**
 * The invoice-payments consumer (rule `invoice-payments`): keeps each invoice's paid amount exact,
 * whatever the number and order of deliveries (shared/invoices/apply.ts says how). Logs carry ids
 * and outcomes only: never amounts, names or whole events.
 */
import { type ConsumedEvent, eventConsumer } from '../../shared/app/consumer';
import { createInvoicePayments } from '../../shared/invoices/apply';
import { invoicePayments } from '../../shared/invoices/consumers';
import { createInvoiceStore } from '../../shared/invoices/store';
import { documentClient } from '../../shared/kit/aws/document-client';
import { requireEnv } from '../../shared/kit/config';
import { logger } from '../../shared/kit/observability';

export const acceptedDetailTypes = invoicePayments.events;

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const payments = createInvoicePayments({ db, tableName, invoices: createInvoiceStore({ db, tableName }) });

type Heard = ConsumedEvent<(typeof acceptedDetailTypes)[number]>;

function apply(event: Heard) {
  const { userId, version } = event.detail;
  switch (event.detailType) {
    case 'TransactionCreated':
      return payments.onTransaction(userId, { version, current: event.detail.data });
    case 'TransactionUpdated':
      return payments.onTransaction(userId, { version, current: event.detail.data, previous: event.detail.previous });
    case 'TransactionDeleted':
      return payments.onTransaction(userId, { version, previous: event.detail.previous });
  }
}

export const handler = eventConsumer(invoicePayments, async (event) => {
  const outcomes = await apply(event);
  logger.debug('Invoice payments applied', { userId: event.detail.userId, entityId: event.detail.id, outcomes });
});
