/** The goals feature's event consumers (see ConsumerDeclaration in shared/kit/events/consumer.ts). */
import { defineConsumer } from '../kit/events/consumer';

export const goalTracker = defineConsumer({
  function: 'goal-tracker',
  entry: 'functions/events/goal-tracker.ts',
  functionDescription: "Keeps each goal's saved amount and writes its milestones, exactly once",
  events: [
    'TransactionCreated',
    'TransactionUpdated',
    'TransactionDeleted',
    'GoalContributionAdded',
    'GoalContributionDeleted',
    'AccountUpdated',
    'GoalCreated',
    'GoalUpdated',
  ],
  rule: {
    id: 'track-goals',
    description: 'Goal progress follows tagged transactions, contributions and funding accounts',
  },
  grants: { table: 'readWrite' },
  timeoutSeconds: 30,
});

export const goalsConsumers = [goalTracker] as const;
