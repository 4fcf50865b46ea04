/** The insights feature's event consumers (see ConsumerDeclaration in shared/kit/events/consumer.ts). */
import { defineConsumer } from '../kit/events/consumer';

export const insightsAggregator = defineConsumer({
  function: 'insights-aggregator',
  entry: 'functions/events/insights-aggregator.ts',
  functionDescription: 'Keeps the monthly insight counters exact: cash flow, spending by group, account flows',
  events: ['TransactionCreated', 'TransactionUpdated', 'TransactionDeleted'],
  rule: { id: 'aggregate-insights', description: 'Monthly insight counters follow every transaction change' },
  grants: { table: 'readWrite' },
  // Shorter than the eraser's wait after a deletion (ADMITTED_REQUEST_WINDOW_MS, 15 s): an apply
  // that read the profile before the account was deleted cannot commit after the final sweep. One
  // that runs out of time under contention is retried, and finds the user gone or applies once.
  timeoutSeconds: 10,
});

export const insightsConsumers = [insightsAggregator] as const;
