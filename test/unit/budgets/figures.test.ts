/** Rollover, thresholds, percent and forecast: the numbers a user reads on GET /v1/budgets/{id}. */
import { forecast } from '../../../shared/budgets/forecast';
import { periodOf } from '../../../shared/budgets/periods';
import { figuresFor } from '../../../shared/budgets/rollover';
import { crossedThresholds, PERCENT_CAP, percentOf } from '../../../shared/budgets/thresholds';
import { budgetFixture } from './support/budget-fixtures';

const spentIn = (spent: Record<string, number>) => (periodId: string) => spent[periodId] ?? 0;
const march = periodOf('monthly', '2026-03-15');

test('without rollover every period has the plain limit', () => {
  const [figures] = figuresFor(budgetFixture(), spentIn({ '2026-02': 15_000, '2026-03': 2500 }), [march]);
  expect(figures).toMatchObject({
    periodId: '2026-03',
    limit: 10_000,
    rolloverIn: 0,
    effectiveLimit: 10_000,
    spent: 2500,
  });
});

test('with rollover, unspent money carries forward and overspending is paid back, from the start period on', () => {
  const budget = budgetFixture({ rollover: true, startDate: '2026-01-01' });
  // January: 4,000 unspent → February limit 14,000; February spends 16,000 → March gets −2,000.
  const figures = figuresFor(budget, spentIn({ '2025-12': 99_999, '2026-01': 6000, '2026-02': 16_000 }), [
    periodOf('monthly', '2026-01-10'),
    periodOf('monthly', '2026-02-10'),
    march,
  ]);
  expect(figures.map((f) => [f.periodId, f.rolloverIn, f.effectiveLimit])).toEqual([
    ['2026-01', 0, 10_000],
    ['2026-02', 4000, 14_000],
    ['2026-03', -2000, 8000],
  ]);
});

test('a period before the start period has nothing rolled into it', () => {
  const budget = budgetFixture({ rollover: true, startDate: '2026-03-01' });
  const [figures] = figuresFor(budget, spentIn({ '2026-02': 500 }), [periodOf('monthly', '2026-02-01')]);
  expect(figures).toMatchObject({ rolloverIn: 0, effectiveLimit: 10_000 });
});

test('a threshold is crossed at exactly spent × 100 ≥ limit × t, and not before', () => {
  expect(crossedThresholds([80, 100], 7999, 10_000)).toEqual([]);
  expect(crossedThresholds([80, 100], 8000, 10_000)).toEqual([80]);
  expect(crossedThresholds([80, 100, 150], 10_000, 10_000)).toEqual([80, 100]);
  // Exact where doubles are not: 10^15 minor units.
  expect(crossedThresholds([100], 10 ** 15 - 1, 10 ** 15)).toEqual([]);
  expect(crossedThresholds([100], 0, 0)).toEqual([]);
});

test('percent has one decimal; a limit rolled down to zero or less reads the cap once anything is spent', () => {
  expect(percentOf(3333, 10_000)).toBe(33.3);
  expect(percentOf(12_345, 10_000)).toBe(123.5);
  expect(percentOf(-500, 10_000)).toBe(-5);
  expect(percentOf(1, -100)).toBe(PERCENT_CAP);
  expect(percentOf(0, 0)).toBe(0);
});

test('the forecast projects spending linearly by the days elapsed', () => {
  const [figures] = figuresFor(budgetFixture(), spentIn({ '2026-03': 3000 }), [march]);
  if (!figures) throw new Error('no figures');
  // 10 of 31 days elapsed: 3,000 → 9,300, on pace for a 10,000 limit.
  expect(forecast(figures, '2026-03-10')).toEqual({ projectedSpent: 9300, projectedPercent: 93, onPace: true });
  expect(forecast(figures, '2026-03-05')).toEqual({ projectedSpent: 18_600, projectedPercent: 186, onPace: false });
  // A finished period projects to what it spent; one not started yet to what is booked in it.
  expect(forecast(figures, '2026-04-02').projectedSpent).toBe(3000);
  expect(forecast(figures, '2026-02-20').projectedSpent).toBe(3000);
});
