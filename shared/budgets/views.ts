/**
 * What the API returns for budgets: the stored budget minus bookkeeping, money as
 * `{ amount, currency }`, and the figures of a period (current one, or history).
 */
import type { Money } from '../kit/money/money';
import type { Forecast } from './forecast';
import type { BudgetItem } from './items';
import type { PeriodFigures } from './rollover';
import { percentOf } from './thresholds';

const money = (amount: number, currency: string): Money => ({ amount, currency });

export function toBudgetView(item: BudgetItem) {
  return {
    id: item.budgetId,
    name: item.name,
    categoryIds: item.categoryIds,
    period: item.period,
    limit: money(item.limit, item.currency),
    thresholds: item.thresholds,
    rollover: item.rollover,
    enforce: item.enforce,
    startDate: item.startDate,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}

export function toPeriodView(figures: PeriodFigures, currency: string) {
  return {
    periodId: figures.periodId,
    start: figures.start,
    end: figures.end,
    limit: money(figures.limit, currency),
    rolloverIn: money(figures.rolloverIn, currency),
    effectiveLimit: money(figures.effectiveLimit, currency),
    spent: money(figures.spent, currency),
    remaining: money(figures.effectiveLimit - figures.spent, currency),
    /** Of the effective limit, one decimal. */
    percent: percentOf(figures.spent, figures.effectiveLimit),
  };
}

export function toCurrentView(figures: PeriodFigures, projection: Forecast, currency: string) {
  return {
    ...toPeriodView(figures, currency),
    forecast: {
      projectedSpent: money(projection.projectedSpent, currency),
      projectedPercent: projection.projectedPercent,
      onPace: projection.onPace,
    },
  };
}
