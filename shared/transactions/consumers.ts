/** The transactions feature's event consumers (see ConsumerDeclaration in shared/kit/events/consumer.ts). */
import { defineConsumer } from '../kit/events/consumer';

export const ledgerCleaner = defineConsumer({
  function: 'ledger-cleaner',
  entry: 'functions/events/ledger-cleaner.ts',
  functionDescription: "Deletes a deleted account's transactions",
  events: ['AccountDeleted'],
  rule: { id: 'clean-ledger', description: "A deleted account's transactions are removed" },
  grants: { table: 'readWrite' },
  timeoutSeconds: 300,
});

export const transactionsConsumers = [ledgerCleaner] as const;
