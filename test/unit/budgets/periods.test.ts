/** Period arithmetic: the ids, bounds and ISO-week edges a user's monthly, weekly and yearly budgets rest on. */
import fc from 'fast-check';
import {
  addDays,
  isPeriodStart,
  nextPeriod,
  periodIdOf,
  periodOf,
  periodsBetween,
  spanOf,
} from '../../../shared/budgets/periods';

test('monthly and yearly periods hold their calendar days', () => {
  expect(periodOf('monthly', '2026-02-14')).toEqual({ periodId: '2026-02', start: '2026-02-01', end: '2026-02-28' });
  expect(periodOf('monthly', '2024-02-29')).toEqual({ periodId: '2024-02', start: '2024-02-01', end: '2024-02-29' });
  expect(periodOf('yearly', '2026-12-31')).toEqual({ periodId: '2026', start: '2026-01-01', end: '2026-12-31' });
});

test('weeks are ISO weeks, Monday first, belonging to the year of their Thursday', () => {
  // 2026-01-01 is a Thursday: week 1 of 2026 starts on Monday 2025-12-29.
  expect(periodOf('weekly', '2026-01-01')).toEqual({ periodId: '2026-W01', start: '2025-12-29', end: '2026-01-04' });
  expect(periodIdOf('weekly', '2025-12-29')).toBe('2026-W01');
  expect(periodIdOf('weekly', '2025-12-28')).toBe('2025-W52');
  // 2027-01-01 is a Friday: it is still in 2026's week 53.
  expect(periodOf('weekly', '2027-01-01')).toEqual({ periodId: '2026-W53', start: '2026-12-28', end: '2027-01-03' });
  expect(periodIdOf('weekly', '2026-04-13')).toBe('2026-W16');
});

test('every day lies in its period, and consecutive periods tile the calendar without gaps', () => {
  const day = fc.integer({ min: 0, max: 365 * 60 }).map((n) => addDays('1990-01-01', n));
  fc.assert(
    fc.property(day, fc.constantFrom('monthly', 'weekly', 'yearly' as const), (date, period) => {
      const span = periodOf(period, date);
      expect(span.start <= date && date <= span.end).toBe(true);
      expect(spanOf(period, span.periodId)).toEqual(span);
      expect(nextPeriod(period, span).start).toBe(addDays(span.end, 1));
      expect(isPeriodStart(period, span.start)).toBe(true);
    }),
  );
});

test('a startDate must be the first day of a period', () => {
  expect(isPeriodStart('monthly', '2026-04-01')).toBe(true);
  expect(isPeriodStart('monthly', '2026-04-02')).toBe(false);
  expect(isPeriodStart('weekly', '2026-04-13')).toBe(true); // a Monday
  expect(isPeriodStart('weekly', '2026-04-14')).toBe(false);
});

test('periods between two days are listed in order, and never more than asked for', () => {
  expect(periodsBetween('monthly', '2026-01-15', '2026-03-01', 10).map((s) => s.periodId)).toEqual([
    '2026-01',
    '2026-02',
    '2026-03',
  ]);
  expect(periodsBetween('weekly', '2020-01-01', '2030-01-01', 5)).toHaveLength(5);
  expect(periodsBetween('monthly', '2026-03-01', '2026-01-01', 10)).toEqual([]);
  expect(() => spanOf('monthly', '2026-13')).toThrow(RangeError);
});
