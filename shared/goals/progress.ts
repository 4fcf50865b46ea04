/**
 * How far a goal is, as the API shows it: pure functions over integers (minor units) and calendar
 * days. Ratios are compared by cross-multiplying BigInts, never by dividing floats, so "on track"
 * and "reached 75 %" cannot flip on a rounding error.
 */
import { divideHalfEven } from '../kit/money/decimal';
import type { GoalItem } from './items';

/** The levels that become facts (GOALMILESTONE#<goalId>#<pct>): 100 is GoalAchieved. */
const GOAL_MILESTONES = [25, 50, 75, 100] as const;
export const ACHIEVED_PERCENT = 100;

/** Levels whose share of the target `saved` has reached (saved × 100 ≥ target × pct). */
export function reachedMilestones(saved: number, target: number): number[] {
  return GOAL_MILESTONES.filter((pct) => BigInt(saved) * 100n >= BigInt(target) * BigInt(pct));
}

/** saved / target in percent with one decimal, rounded half-even; over 100 when oversaved, below 0 after withdrawals. */
export function percentSaved(saved: number, target: number): number {
  return Number(divideHalfEven(BigInt(saved) * 1000n, BigInt(target))) / 10;
}

export function remainingOf(saved: number, target: number): number {
  return Math.max(0, target - saved);
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Whole calendar months from `from` to `to`: 2026-01-15 → 2026-06-14 is 4, → 2026-06-15 is 5.
 * Negative when `to` is earlier.
 */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm);
  if (months > 0 && td < fd) return months - 1;
  if (months < 0 && td > fd) return months + 1;
  return months;
}

/**
 * What must be saved each month to reach the target by the deadline: the remainder spread over the
 * whole months left, rounded up (so following it reaches the target, never falls a unit short).
 * With less than a month left — or the deadline passed — the whole remainder is due now.
 * null without a deadline or once the target is reached.
 */
export function requiredMonthly(remaining: number, today: string, deadline: string | null): number | null {
  if (deadline === null || remaining <= 0) return null;
  const months = BigInt(Math.max(1, wholeMonthsBetween(today, deadline)));
  return Number((BigInt(remaining) + months - 1n) / months);
}

type GoalStatus = 'achieved' | 'on-track' | 'behind' | 'no-deadline';

/**
 * achieved: saved ≥ target. no-deadline: nothing to be on track for. on-track: saved is at least
 * the share of the target that the elapsed part of the createdAt → deadline span calls for
 * (saved × total ≥ target × elapsed, in days); behind otherwise.
 */
export function goalStatus(
  goal: Pick<GoalItem, 'saved' | 'target' | 'deadline' | 'createdAt'>,
  today: string,
): GoalStatus {
  if (goal.saved >= goal.target) return 'achieved';
  if (goal.deadline === null) return 'no-deadline';
  const start = goal.createdAt.slice(0, 10);
  const total = daysBetween(start, goal.deadline);
  if (total <= 0) return 'behind';
  const elapsed = Math.min(total, Math.max(0, daysBetween(start, today)));
  return BigInt(goal.saved) * BigInt(total) >= BigInt(goal.target) * BigInt(elapsed) ? 'on-track' : 'behind';
}
