/**
 * Savings goals, their progress, and the milestone facts the goal tracker derives.
 */
import { byId, entity } from '../kit/dynamodb/keys';
import { currencyCode, storedAmount } from '../kit/money/money';
import * as z from '../kit/schema';

export const GoalEntity = entity('GOAL', 'GOAL', byId);
export const GoalContributionEntity = entity(
  'GOAL_CONTRIBUTION',
  'GCONTRIB',
  (goalId: string, contributionId: string) => `${goalId}#${contributionId}`,
);
/** What one source (a tagged transaction, a contribution) currently adds to a goal (versioned state). */
export const GoalAppliedEntity = entity(
  'GOAL_APPLIED',
  'GAPPLIED',
  (goalId: string, sourceId: string) => `${goalId}#${sourceId}`,
);
/**
 * One per goal and percentage (25, 50, 75, 100), ever. The 100 % fact is stored under the same key
 * with its own type, GOAL_ACHIEVED, so the stream publishes it as GoalAchieved.
 */
export const GoalMilestoneEntity = entity(
  'GOAL_MILESTONE',
  'GOALMILESTONE',
  (goalId: string, percent: number) => `${goalId}#${percent}`,
);
export const GOAL_ACHIEVED_TYPE = 'GOAL_ACHIEVED';

const timestamps = z.lazily(() => ({
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int().check(z.positive()),
}));

export const goalFunding = z.lazily(() =>
  z.discriminatedUnion('kind', [
    /** Saved = the account's balance (a savings account), converted to the goal currency if needed. */
    z.object({ kind: z.literal('account'), accountId: z.string() }),
    /** Saved = contributions: transactions tagged `goal:<goalId>` and POST /v1/goals/{id}/contributions. */
    z.object({ kind: z.literal('contributions') }),
  ]),
);

export const goalItem = z.lazily(() =>
  z.object({
    type: z.literal(GoalEntity.type),
    goalId: z.string().check(z.minLength(1)),
    name: z.string(),
    target: z.int().check(z.positive()),
    currency: currencyCode(),
    deadline: z.nullable(z.iso.date()),
    funding: goalFunding(),
    /** Saved so far, minor units of `currency`, kept by the goal tracker. */
    saved: storedAmount(),
    ...timestamps(),
  }),
);
export type GoalItem = z.infer<ReturnType<typeof goalItem>>;

/** A contribution made with POST /v1/goals/{id}/contributions (`GCONTRIB#<goalId>#<id>`). */
export const goalContributionItem = z.lazily(() =>
  z.object({
    type: z.literal(GoalContributionEntity.type),
    contributionId: z.string(),
    goalId: z.string(),
    amount: storedAmount(),
    currency: currencyCode(),
    date: z.iso.date(),
    note: z.nullable(z.string()),
    createdAt: z.string(),
    version: z.int().check(z.positive()),
  }),
);
export type GoalContributionItem = z.infer<ReturnType<typeof goalContributionItem>>;

/** A milestone reached: one per goal and percentage, ever (`GOALMILESTONE#<goalId>#<pct>`). */
export const goalMilestoneItem = z.lazily(() =>
  z.object({
    type: z.literal(GoalMilestoneEntity.type),
    milestoneId: z.string(),
    goalId: z.string(),
    goalName: z.string(),
    /** 25, 50, 75 (GoalMilestoneReached) or 100 (GoalAchieved). */
    percent: z.int(),
    saved: storedAmount(),
    target: z.int(),
    currency: currencyCode(),
    createdAt: z.string(),
    version: z.int().check(z.positive()),
  }),
);
export type GoalMilestoneItem = z.infer<ReturnType<typeof goalMilestoneItem>>;
