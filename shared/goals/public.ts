/** What other features may use of goals: everything else in this folder is its own business. */

export { goalsEvents } from './events';
export type { GoalMilestoneItem } from './items';
