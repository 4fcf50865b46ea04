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

export const restater = defineConsumer({
  function: 'restater',
  entry: 'functions/events/restater.ts',
  functionDescription: "Restates a user's transactions in the new home currency, one chunk per event",
  // UserUpdated starts a job when the home currency changed (the rule cannot compare data with
  // previous, so the handler does); the job's own changes drive it while it runs.
  events: ['UserUpdated', 'RestatementRequested', 'RestatementUpdated'],
  only: { RestatementUpdated: [{ data: { status: ['running'] } }] },
  rule: { id: 'restate-home-currency', description: 'A change of home currency restates the history, chunk by chunk' },
  grants: { table: 'readWrite' },
  // Like the aggregator's: shorter than the eraser's 15 s window, so no write outlives an erasure.
  timeoutSeconds: 10,
});

export const insightsConsumers = [insightsAggregator, restater] as const;
