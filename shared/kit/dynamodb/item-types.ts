/**
 * The `type` attribute of every item. The stream publisher decides from it whether a change is a
 * domain fact (published) or bookkeeping (applied state, counters, notification log: skipped).
 */
export const ItemType = {
  Profile: 'PROFILE',
  Account: 'ACCOUNT',
  Category: 'CATEGORY',
  Transaction: 'TRANSACTION',
  Payee: 'PAYEE',
  ExternalId: 'EXTID',
  Idempotency: 'IDEMPOTENCY',
  Rates: 'RATES',
  Budget: 'BUDGET',
  BudgetPeriod: 'BUDGET_PERIOD',
  BudgetApplied: 'BUDGET_APPLIED',
  BudgetAlert: 'BUDGET_ALERT',
  Goal: 'GOAL',
  GoalContribution: 'GOAL_CONTRIBUTION',
  GoalApplied: 'GOAL_APPLIED',
  GoalMilestone: 'GOAL_MILESTONE',
  GoalAchieved: 'GOAL_ACHIEVED',
  NotificationCap: 'NOTIFICATION_CAP',
  Notification: 'NOTIFICATION',
} as const;
export type ItemType = (typeof ItemType)[keyof typeof ItemType];
