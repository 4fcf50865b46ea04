/** What other features may use of goals: everything else in this folder is its own business. */

export { goalsEvents } from './events';
export type { GoalMilestoneItem } from './items';
// For the monthly summary: each goal's progress.
// For the change feed: an entry shows what the routes show.
export { GoalContributionEntity, type GoalContributionItem, GoalEntity, type GoalItem, goalItem } from './items';
export { percentSaved } from './progress';
export { toContributionView, toGoalView } from './views';
