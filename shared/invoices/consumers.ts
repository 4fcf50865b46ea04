/** The invoices feature's event consumers (see ConsumerDeclaration in shared/kit/events/consumer.ts). */
import { defineConsumer } from '../kit/events/consumer';

export const invoicePayments = defineConsumer({
  function: 'invoice-payments',
  entry: 'functions/events/invoice-payments.ts',
  functionDescription: "Keeps each invoice's paid amount equal to its linked movements, exactly once",
  events: ['TransactionCreated', 'TransactionUpdated', 'TransactionDeleted'],
  // Only movements that name an invoice, in their new or their previous version.
  only: {
    TransactionCreated: [{ data: { invoiceId: [{ exists: true }] } }],
    TransactionUpdated: [{ data: { invoiceId: [{ exists: true }] } }, { previous: { invoiceId: [{ exists: true }] } }],
    TransactionDeleted: [{ previous: { invoiceId: [{ exists: true }] } }],
  },
  rule: { id: 'invoice-payments', description: 'Invoices follow the movements that pay or refund them' },
  grants: { table: 'readWrite' },
  timeoutSeconds: 30,
});

export const invoicePayeeMover = defineConsumer({
  function: 'invoice-payee-mover',
  entry: 'functions/events/invoice-payee-mover.ts',
  functionDescription: 'Points the invoices of a merged payee at the payee it was merged into',
  events: ['PayeesMerged'],
  rule: { id: 'move-invoice-payees', description: 'Invoices follow a payee merged into another' },
  grants: { table: 'readWrite' },
  timeoutSeconds: 60,
});

export const invoicesConsumers = [invoicePayments, invoicePayeeMover] as const;
