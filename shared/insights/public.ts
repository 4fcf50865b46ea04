/** What other features may use of insights: the month counters' reader (for summaries and restating). */
export { createInsightStore, type InsightStore } from './store';
