/** The budgets feature's event consumers (see ConsumerDeclaration in shared/kit/events/consumer.ts). */
import { defineConsumer } from '../kit/events/consumer';

export const budgetEvaluator = defineConsumer({
  function: 'budget-evaluator',
  entry: 'functions/events/budget-evaluator.ts',
  functionDescription: 'Keeps budget period counters exact and writes each crossed threshold once',
  events: ['TransactionCreated', 'TransactionUpdated', 'TransactionDeleted', 'BudgetCreated', 'BudgetUpdated'],
  // Transfers never count (shared/budgets/contribution.ts), and a leg's kind never changes.
  only: {
    TransactionCreated: [{ data: { kind: ['expense', 'income'] } }],
    TransactionUpdated: [{ data: { kind: ['expense', 'income'] } }],
    TransactionDeleted: [{ previous: { kind: ['expense', 'income'] } }],
  },
  rule: {
    id: 'evaluate-budgets',
    description: 'Budget period counters follow every transaction change; new and edited budgets backfill',
  },
  grants: { table: 'readWrite' },
  // A new budget's backfill reads its whole current period (≈15 s for 10,000 transactions locally).
  timeoutSeconds: 120,
});

export const budgetsConsumers = [budgetEvaluator] as const;
