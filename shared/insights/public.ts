/** What other features may use of insights: the month counters' reader (for summaries and restating). */

export { insightsEvents } from './events';
export type { UnusualSpendingItem } from './items';
export { addMonths, lastDayOf } from './months';
export { netWorthOn } from './net-worth';
export { spendingReport } from './reports';
export { createInsightStore, type InsightStore } from './store';
