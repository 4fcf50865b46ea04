/** What other features may use of budgets: everything else in this folder is its own business. */

export { budgetsEvents } from './events';
export type { BudgetAlertItem } from './items';
