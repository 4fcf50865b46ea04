/** The events goals' items become (see shared/kit/events/domain-events.ts). */
import { created, deleted, type ItemEvents, updated } from '../kit/events/domain-events';
import * as z from '../kit/schema';
import {
  GOAL_ACHIEVED_TYPE,
  GoalContributionEntity,
  GoalEntity,
  GoalMilestoneEntity,
  goalContributionItem,
  goalItem,
  goalMilestoneItem,
} from './items';

export const goalsItemEvents = {
  [GoalEntity.type]: { idAttribute: 'goalId', INSERT: 'GoalCreated', MODIFY: 'GoalUpdated', REMOVE: 'GoalDeleted' },
  [GoalContributionEntity.type]: {
    idAttribute: 'contributionId',
    INSERT: 'GoalContributionAdded',
    REMOVE: 'GoalContributionDeleted',
  },
  /** Facts derived by the goal tracker: written once, never changed. */
  [GoalMilestoneEntity.type]: { idAttribute: 'milestoneId', INSERT: 'GoalMilestoneReached' },
  [GOAL_ACHIEVED_TYPE]: { idAttribute: 'milestoneId', INSERT: 'GoalAchieved' },
} as const satisfies Record<string, ItemEvents>;

export const goalsEvents = {
  GoalCreated: z.lazily(() => created(goalItem())),
  GoalUpdated: z.lazily(() => updated(goalItem())),
  GoalDeleted: z.lazily(() => deleted(goalItem())),
  GoalContributionAdded: z.lazily(() => created(goalContributionItem())),
  GoalContributionDeleted: z.lazily(() => deleted(goalContributionItem())),
  GoalMilestoneReached: z.lazily(() => created(goalMilestoneItem())),
  GoalAchieved: z.lazily(() => created(z.extend(goalMilestoneItem(), { type: z.literal(GOAL_ACHIEVED_TYPE) }))),
};
