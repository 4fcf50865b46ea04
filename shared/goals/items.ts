/**
 * Savings goals, their progress, and the milestone facts the goal tracker derives.
 */
import * as z from 'zod';
import { currencyCode } from '../identity/profile';
import { storedAmount } from '../kit/money/money';

const timestamps = { createdAt: z.string(), updatedAt: z.string(), version: z.number().int().positive() };

export const goalFunding = z.discriminatedUnion('kind', [
  /** Saved = the account's balance (a savings account), converted to the goal currency if needed. */
  z.object({ kind: z.literal('account'), accountId: z.string() }),
  /** Saved = contributions: transactions tagged `goal:<goalId>` and POST /v1/goals/{id}/contributions. */
  z.object({ kind: z.literal('contributions') }),
]);

export const goalItem = z.object({
  type: z.literal('GOAL'),
  goalId: z.string().min(1),
  name: z.string(),
  target: z.number().int().positive(),
  currency: currencyCode,
  deadline: z.iso.date().nullable(),
  funding: goalFunding,
  /** Saved so far, minor units of `currency`, kept by the goal tracker. */
  saved: storedAmount,
  ...timestamps,
});
export type GoalItem = z.infer<typeof goalItem>;

/** A contribution made with POST /v1/goals/{id}/contributions (`GCONTRIB#<goalId>#<id>`). */
export const goalContributionItem = z.object({
  type: z.literal('GOAL_CONTRIBUTION'),
  contributionId: z.string(),
  goalId: z.string(),
  amount: storedAmount,
  currency: currencyCode,
  date: z.iso.date(),
  note: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int().positive(),
});
export type GoalContributionItem = z.infer<typeof goalContributionItem>;

/** A milestone reached: one per goal and percentage, ever (`GOALMILESTONE#<goalId>#<pct>`). */
export const goalMilestoneItem = z.object({
  type: z.literal('GOAL_MILESTONE'),
  milestoneId: z.string(),
  goalId: z.string(),
  goalName: z.string(),
  /** 25, 50, 75 (GoalMilestoneReached) or 100 (GoalAchieved). */
  percent: z.number().int(),
  saved: storedAmount,
  target: z.number().int(),
  currency: currencyCode,
  createdAt: z.string(),
  version: z.number().int().positive(),
});
export type GoalMilestoneItem = z.infer<typeof goalMilestoneItem>;
