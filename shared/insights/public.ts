/** What other features may use of insights: the month counters' reader (for summaries and restating). */

export { insightsEvents } from './events';
export type { UnusualSpendingItem } from './items';
export { createInsightStore, type InsightStore } from './store';
