/** What other features may use of monthly summaries: the event and the fact it carries (for the email). */

export { summariesEvents } from './events';
export type { MonthlySummaryItem } from './items';
