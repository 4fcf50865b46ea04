/**
 * When a budget period has crossed a threshold, and the alert fact that records it. A threshold t
 * is crossed when spent × 100 ≥ effectiveLimit × t (and something was spent). Compared in BigInt:
 * spent × 100 of a large amount is beyond the range where doubles are exact.
 *
 * Alerts are facts keyed by budget, period and threshold (`ALERT#<budgetId>#<periodId>#<t>`),
 * written with attribute_not_exists: one per budget, period and threshold, ever. Nothing is
 * withdrawn when spending falls back below a threshold, and crossing it again sends nothing.
 */
import type { BudgetAlertItem, BudgetItem } from './items';
import { BudgetAlertEntity } from './items';
import type { PeriodFigures } from './rollover';

/** The top of the threshold scale; also what `percent` reads when the effective limit is not positive. */
export const PERCENT_CAP = 1000;

/**
 * spent as a percentage of the effective limit, one decimal (half up). A rollover deficit can
 * leave an effective limit of zero or less: then any spending reads PERCENT_CAP, none reads 0.
 */
export function percentOf(spent: number, effectiveLimit: number): number {
  if (effectiveLimit <= 0) return spent > 0 ? PERCENT_CAP : 0;
  return roundedQuotient(BigInt(spent) * 1000n, BigInt(effectiveLimit)) / 10;
}

/**
 * numerator / denominator (denominator > 0) rounded half away from zero, as people round figures
 * they read (12.345 % reads 12.35 %, never the banker's 12.34 %). BigInt, so it is exact.
 */
export function roundedQuotient(numerator: bigint, denominator: bigint): number {
  const magnitude = numerator < 0n ? -numerator : numerator;
  const rounded = (magnitude * 2n + denominator) / (denominator * 2n);
  return Number(numerator < 0n ? -rounded : rounded);
}

export function crossedThresholds(thresholds: readonly number[], spent: number, effectiveLimit: number): number[] {
  if (spent <= 0) return [];
  return thresholds.filter((t) => BigInt(spent) * 100n >= BigInt(effectiveLimit) * BigInt(t));
}

/** The alert id: unique per user, and the fact id the notifier claims before emailing. */
function alertId(budgetId: string, periodId: string, threshold: number): string {
  return `${budgetId}:${periodId}:${threshold}`;
}

export function alertFact(
  budget: Pick<BudgetItem, 'budgetId' | 'name' | 'currency'>,
  figures: PeriodFigures,
  threshold: number,
  now: string,
): BudgetAlertItem {
  return {
    type: BudgetAlertEntity.type,
    alertId: alertId(budget.budgetId, figures.periodId, threshold),
    budgetId: budget.budgetId,
    budgetName: budget.name,
    periodId: figures.periodId,
    periodStart: figures.start,
    periodEnd: figures.end,
    threshold,
    spent: figures.spent,
    limit: figures.effectiveLimit,
    currency: budget.currency,
    percent: percentOf(figures.spent, figures.effectiveLimit),
    exceeded: threshold >= 100,
    createdAt: now,
    version: 1,
  };
}
