/** The insights feature's event consumers (see ConsumerDeclaration in shared/kit/events/consumer.ts). */
import { defineConsumer } from '../kit/events/consumer';

export const insightsAggregator = defineConsumer({
  function: 'insights-aggregator',
  entry: 'functions/events/insights-aggregator.ts',
  functionDescription: 'Keeps the monthly insight counters exact: cash flow, spending by group, account flows',
  events: ['TransactionCreated', 'TransactionUpdated', 'TransactionDeleted'],
  rule: { id: 'aggregate-insights', description: 'Monthly insight counters follow every transaction change' },
  grants: { table: 'readWrite' },
});

export const insightsConsumers = [insightsAggregator] as const;
