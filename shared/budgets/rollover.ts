/**
 * The figures of a budget period: its limit, what rolled over into it, the effective limit and
 * what was spent. Without rollover every period's effective limit is the limit. With rollover,
 * from the budget's first period on:
 *
 *   effectiveLimit(p) = limit + rolloverIn(p),   rolloverIn(p) = effectiveLimit(p−1) − spent(p−1)
 *
 * so unspent money carries forward and overspending is paid back from the next period. The current
 * `limit` is used for every period (a limit change applies to history too: limits are not
 * versioned per period). Periods without a counter have spent 0.
 */
import type { BudgetItem } from './items';
import { nextPeriod, type PeriodSpan, periodOf } from './periods';

export type PeriodFigures = PeriodSpan & {
  limit: number;
  rolloverIn: number;
  effectiveLimit: number;
  spent: number;
};

type FigureBudget = Pick<BudgetItem, 'limit' | 'rollover' | 'period' | 'startDate'>;

/** Figures for each requested span (any order); `spentOf` gives a period's counter (0 when none). */
export function figuresFor(
  budget: FigureBudget,
  spentOf: (periodId: string) => number,
  spans: readonly PeriodSpan[],
): PeriodFigures[] {
  const plain = (span: PeriodSpan): PeriodFigures => ({
    ...span,
    limit: budget.limit,
    rolloverIn: 0,
    effectiveLimit: budget.limit,
    spent: spentOf(span.periodId),
  });
  if (!budget.rollover || spans.length === 0) return spans.map(plain);

  const first = periodOf(budget.period, budget.startDate);
  const latest =
    spans
      .map((span) => span.start)
      .sort()
      .at(-1) ?? first.start;
  const carried = new Map<string, number>();
  let carry = 0;
  // One sweep from the first period to the latest one asked for: each period's carry needs the one before.
  for (let span = first; span.start <= latest; span = nextPeriod(budget.period, span)) {
    carried.set(span.periodId, carry);
    carry = budget.limit + carry - spentOf(span.periodId);
  }
  return spans.map((span) => {
    const rolloverIn = carried.get(span.periodId) ?? 0;
    return { ...plain(span), rolloverIn, effectiveLimit: budget.limit + rolloverIn };
  });
}
