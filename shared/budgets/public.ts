/** What other features may use of budgets: everything else in this folder is its own business. */

export { budgetLedgerGuards } from './enforcement';
export { budgetsEvents } from './events';
export type { BudgetAlertItem } from './items';
// For the monthly summary: how each budget's period ended.
export { BudgetEntity, type BudgetItem, budgetItem } from './items';
export { periodOf } from './periods';
export { figuresFor } from './rollover';
export { createBudgetStore } from './store';
export { percentOf } from './thresholds';
// For outbound webhooks: an event's payload shows what the API shows.
export { toBudgetView } from './views';
