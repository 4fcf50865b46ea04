/** The attachments feature's event consumers (see ConsumerDeclaration in shared/kit/events/consumer.ts). */
import { defineConsumer } from '../kit/events/consumer';

export const attachmentCleaner = defineConsumer({
  function: 'attachment-cleaner',
  entry: 'functions/events/attachment-cleaner.ts',
  functionDescription: "Deletes a deleted transaction's or invoice's attachments and their files",
  events: ['TransactionDeleted', 'InvoiceDeleted'],
  rule: {
    id: 'clean-attachments',
    description: "A deleted transaction's or invoice's attachments and files are removed",
  },
  grants: { table: 'readWrite', files: 'delete', filesUnder: 'attachments/' },
  timeoutSeconds: 60,
});

export const attachmentsConsumers = [attachmentCleaner] as const;
