/**
 * Who hears what on the Moneta bus: one rule per consumer, as data. The stack creates the rules
 * (with retries, max age and a DLQ per target) and the local bus matches the same patterns.
 */
import { EVENT_SOURCE, type EventName, eventNames } from '../../shared/app/events';
import type { FunctionId } from './functions';

export type RuleSpec = {
  id: string;
  target: FunctionId;
  detailTypes: readonly EventName[];
  description: string;
};

export const rules: readonly RuleSpec[] = [
  {
    id: 'notify',
    target: 'notifier',
    detailTypes: [
      'UserSignedUp',
      'BudgetThresholdCrossed',
      'GoalMilestoneReached',
      'GoalAchieved',
      'TransactionCreated',
    ],
    description: 'Facts that someone should hear about by email',
  },
  {
    id: 'erase-user-data',
    target: 'user-data-eraser',
    detailTypes: ['UserDeleted'],
    description: "A deleted user's items are removed",
  },
  {
    id: 'clean-ledger',
    target: 'ledger-cleaner',
    detailTypes: ['AccountDeleted'],
    description: "A deleted account's transactions are removed",
  },
  {
    id: 'evaluate-budgets',
    target: 'budget-evaluator',
    detailTypes: ['TransactionCreated', 'TransactionUpdated', 'TransactionDeleted', 'BudgetCreated', 'BudgetUpdated'],
    description: 'Budget period counters follow every transaction change; new and edited budgets backfill',
  },
  {
    id: 'track-goals',
    target: 'goal-tracker',
    detailTypes: [
      'TransactionCreated',
      'TransactionUpdated',
      'TransactionDeleted',
      'GoalContributionAdded',
      'GoalContributionDeleted',
      'AccountUpdated',
      'GoalCreated',
      'GoalUpdated',
    ],
    description: 'Goal progress follows tagged transactions, contributions and funding accounts',
  },
  {
    id: 'audit',
    target: 'audit-logger',
    detailTypes: eventNames,
    description: 'Every domain event is audited',
  },
];

/** The EventBridge event pattern of a rule; the local bus evaluates exactly this object. */
export function eventPattern(rule: RuleSpec) {
  return { source: [EVENT_SOURCE], 'detail-type': [...rule.detailTypes] };
}

/** Delivery guarantees for every rule target, applied by the stack and mimicked locally. */
export const targetDelivery = {
  retryAttempts: 8,
  maxEventAgeSeconds: 60 * 60 * 6,
} as const;
