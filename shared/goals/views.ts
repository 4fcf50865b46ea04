/**
 * What the goal routes return: stored items minus bookkeeping, money as `{ amount, currency }`,
 * and the progress figures computed for the caller's today (shared/goals/progress.ts). The zod
 * schemas describe the same shapes for the OpenAPI contract.
 */
import * as z from '../kit/schema';
import { type GoalContributionItem, type GoalItem, goalFunding } from './items';
import { goalStatus, percentSaved, remainingOf, requiredMonthly } from './progress';

const money = (amount: number, currency: string) => ({ amount, currency });

/** `today` is the caller's calendar day (their profile timezone). */
export function toGoalView(goal: GoalItem, today: string) {
  const remaining = remainingOf(goal.saved, goal.target);
  const monthly = requiredMonthly(remaining, today, goal.deadline);
  return {
    id: goal.goalId,
    name: goal.name,
    target: money(goal.target, goal.currency),
    deadline: goal.deadline,
    funding: goal.funding,
    saved: money(goal.saved, goal.currency),
    remaining: money(remaining, goal.currency),
    percent: percentSaved(goal.saved, goal.target),
    requiredMonthly: monthly === null ? null : money(monthly, goal.currency),
    status: goalStatus(goal, today),
    createdAt: goal.createdAt,
    updatedAt: goal.updatedAt,
    version: goal.version,
  };
}

export function toContributionView(item: GoalContributionItem) {
  return {
    id: item.contributionId,
    goalId: item.goalId,
    money: money(item.amount, item.currency),
    date: item.date,
    note: item.note,
    createdAt: item.createdAt,
  };
}

const moneyView = z.lazily(() => z.strictObject({ amount: z.int(), currency: z.string() }));

export const goalView = z.lazily(() =>
  z.strictObject({
    id: z.string(),
    name: z.string(),
    target: moneyView(),
    deadline: z.nullable(z.string()),
    funding: goalFunding(),
    saved: moneyView(),
    remaining: moneyView().check(z.describe('What is still missing; 0 once reached.')),
    percent: z.number().check(z.describe('saved / target in percent, one decimal; above 100 when oversaved.')),
    requiredMonthly: z
      .nullable(moneyView())
      .check(
        z.describe('The remainder spread over the whole months left to the deadline, rounded up; null without one.'),
      ),
    status: z.enum(['achieved', 'on-track', 'behind', 'no-deadline']),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.int().check(z.positive()),
  }),
);

export const contributionView = z.lazily(() =>
  z.strictObject({
    id: z.string(),
    goalId: z.string(),
    money: moneyView().check(
      z.describe('In the goal currency (converted at the date’s ECB rate when sent in another).'),
    ),
    date: z.string(),
    note: z.nullable(z.string()),
    createdAt: z.string(),
  }),
);
