/** The goals feature's event consumers (see ConsumerDeclaration in shared/kit/events/consumer.ts). */
import { defineConsumer } from '../kit/events/consumer';
import { GOAL_TAG_PREFIX } from './sources';

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
  // A transaction moves a goal only through a `goal:<id>` tag, on its new or its previous version
  // (shared/goals/sources.ts); an account's balance moves arrive as AccountUpdated.
  only: {
    TransactionCreated: [{ data: { tags: [{ prefix: GOAL_TAG_PREFIX }] } }],
    TransactionUpdated: [
      { data: { tags: [{ prefix: GOAL_TAG_PREFIX }] } },
      { previous: { tags: [{ prefix: GOAL_TAG_PREFIX }] } },
    ],
    TransactionDeleted: [{ previous: { tags: [{ prefix: GOAL_TAG_PREFIX }] } }],
  },
  rule: {
    id: 'track-goals',
    description: 'Goal progress follows tagged transactions, contributions and funding accounts',
  },
  grants: { table: 'readWrite' },
  timeoutSeconds: 30,
});

export const goalsConsumers = [goalTracker] as const;
