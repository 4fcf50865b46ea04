/** Event details of the facts the notifier reports, valid against the catalog schemas. */

import type { EventDetail } from '../../../../shared/app/events';
import type { BudgetAlertItem } from '../../../../shared/budgets/items';
import type { GoalMilestoneItem } from '../../../../shared/goals/items';
import type { TransactionItem } from '../../../../shared/transactions/items';

const base = (userId: string, id: string, sourceEventId: string) => ({
  sourceEventId,
  userId,
  id,
  version: 1,
  occurredAt: '2026-04-13T09:00:00.000Z',
});

export function budgetAlert(
  overrides: Partial<BudgetAlertItem> = {},
  { userId = 'user-1', sourceEventId = 'stream-alert-1' } = {},
): EventDetail<'BudgetThresholdCrossed'> {
  const data: BudgetAlertItem = {
    type: 'BUDGET_ALERT',
    alertId: 'budget-1:2026-04:80',
    budgetId: 'budget-1',
    budgetName: 'Groceries',
    periodId: '2026-04',
    periodStart: '2026-04-01',
    periodEnd: '2026-04-30',
    threshold: 80,
    spent: 41_250,
    limit: 50_000,
    currency: 'EUR',
    percent: 82.5,
    exceeded: false,
    createdAt: '2026-04-13T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
  return { ...base(userId, data.alertId, sourceEventId), data };
}

export function goalMilestone(
  overrides: Partial<GoalMilestoneItem> = {},
  { userId = 'user-1', sourceEventId = 'stream-goal-1' } = {},
): EventDetail<'GoalMilestoneReached'> {
  const data: GoalMilestoneItem = {
    type: 'GOAL_MILESTONE',
    milestoneId: 'goal-1-50',
    goalId: 'goal-1',
    goalName: 'Trip to Japan',
    percent: 50,
    saved: 150_000,
    target: 300_000,
    currency: 'EUR',
    createdAt: '2026-04-13T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
  return { ...base(userId, data.milestoneId, sourceEventId), data };
}

export function goalAchieved(
  overrides: Partial<GoalMilestoneItem> = {},
  { userId = 'user-1', sourceEventId = 'stream-goal-100' } = {},
): EventDetail<'GoalAchieved'> {
  const { data } = goalMilestone(
    { milestoneId: 'goal-1-100', percent: 100, saved: 301_000, target: 300_000, ...overrides },
    { userId },
  );
  return { ...base(userId, data.milestoneId, sourceEventId), data: { ...data, type: 'GOAL_ACHIEVED' } };
}

export function transactionCreated(
  overrides: Partial<TransactionItem> = {},
  { userId = 'user-1', sourceEventId = 'stream-txn-1' } = {},
): EventDetail<'TransactionCreated'> {
  const data: TransactionItem = {
    type: 'TRANSACTION',
    transactionId: '01JRTXN0000000000000000001',
    kind: 'expense',
    accountId: 'acc-1',
    date: '2026-04-06',
    amount: 250_000,
    currency: 'EUR',
    accountAmount: -250_000,
    accountCurrency: 'EUR',
    homeAmount: -250_000,
    homeCurrency: 'EUR',
    accountConversion: null,
    homeConversion: null,
    categoryId: null,
    payee: 'Bike Shop',
    note: null,
    tags: [],
    externalId: null,
    transferId: null,
    counterpartAccountId: null,
    createdAt: '2026-04-13T09:00:00.000Z',
    updatedAt: '2026-04-13T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
  return { ...base(userId, data.transactionId, sourceEventId), data };
}

export function exportReady(
  overrides: Partial<EventDetail<'ExportReady'>['data']> = {},
  { userId = 'user-1', sourceEventId = 'stream-export-1' } = {},
): EventDetail<'ExportReady'> {
  const data: EventDetail<'ExportReady'>['data'] = {
    exportId: '01KEXPORT00000000000000001',
    format: 'xlsx',
    from: '2026-01-01',
    to: '2026-03-31',
    rows: 1234,
    fileKey: `exports/${userId}/01KEXPORT00000000000000001.xlsx`,
    fileSize: 20,
    completedAt: '2026-04-13T09:00:00.000Z',
    ...overrides,
  };
  return { ...base(userId, data.exportId, `${sourceEventId}#ready`), data };
}
