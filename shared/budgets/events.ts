/** The events budgets' items become (see shared/kit/events/domain-events.ts). */
import { created, deleted, type ItemEvents, updated } from '../kit/events/domain-events';
import * as z from '../kit/schema';
import { BudgetAlertEntity, BudgetEntity, budgetAlertItem, budgetItem } from './items';

export const budgetsItemEvents = {
  [BudgetEntity.type]: {
    idAttribute: 'budgetId',
    INSERT: 'BudgetCreated',
    MODIFY: 'BudgetUpdated',
    REMOVE: 'BudgetDeleted',
  },
  /** A fact derived by the budget evaluator: written once, never changed. */
  [BudgetAlertEntity.type]: { idAttribute: 'alertId', INSERT: 'BudgetThresholdCrossed' },
} as const satisfies Record<string, ItemEvents>;

export const budgetsEvents = {
  BudgetCreated: z.lazily(() => created(budgetItem())),
  BudgetUpdated: z.lazily(() => updated(budgetItem())),
  BudgetDeleted: z.lazily(() => deleted(budgetItem())),
  BudgetThresholdCrossed: z.lazily(() => created(budgetAlertItem())),
};
