/**
 * The figures a user reads on a goal: percent, remaining, the monthly amount that reaches the
 * target, on-track vs behind, which levels are reached, and what a tagged transaction counts for.
 */
import fc from 'fast-check';
import {
  goalStatus,
  percentSaved,
  reachedMilestones,
  remainingOf,
  requiredMonthly,
  wholeMonthsBetween,
} from '../../../shared/goals/progress';
import { goalDirection, goalIdsFromTags, goalTag, transactionValue } from '../../../shared/goals/sources';
import { transactionFixture } from '../transactions/support/ledger-fixtures';

describe('percent and remaining', () => {
  test('one decimal, rounded half-even, above 100 when oversaved and below 0 after withdrawals', () => {
    expect(percentSaved(1, 3)).toBe(33.3);
    expect(percentSaved(2, 3)).toBe(66.7);
    expect(percentSaved(12_345, 10_000)).toBe(123.4); // a tie goes to the even tenth
    expect(percentSaved(12_355, 10_000)).toBe(123.6);
    expect(percentSaved(-500, 1000)).toBe(-50);
    expect(percentSaved(0, 1)).toBe(0);
  });

  test('remaining never goes below zero', () => {
    expect(remainingOf(300, 1000)).toBe(700);
    expect(remainingOf(1500, 1000)).toBe(0);
    expect(remainingOf(-200, 1000)).toBe(1200);
  });
});

describe('requiredMonthly', () => {
  test('spreads the remainder over the whole months left, rounded up', () => {
    // 2026-01-15 → 2026-04-15: 3 whole months; 1000 / 3 = 333.33… → 334.
    expect(requiredMonthly(1000, '2026-01-15', '2026-04-15')).toBe(334);
    // One day short of the third month: 2 whole months.
    expect(requiredMonthly(1000, '2026-01-15', '2026-04-14')).toBe(500);
  });

  test('with less than a month left, or the deadline passed, everything is due now', () => {
    expect(requiredMonthly(999, '2026-01-15', '2026-02-01')).toBe(999);
    expect(requiredMonthly(999, '2026-03-01', '2026-01-01')).toBe(999);
  });

  test('is null without a deadline or once the target is reached', () => {
    expect(requiredMonthly(1000, '2026-01-15', null)).toBeNull();
    expect(requiredMonthly(0, '2026-01-15', '2027-01-01')).toBeNull();
  });

  test('following it reaches the target: months × monthly ≥ remaining, and one unit less per month would not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 12 }), fc.integer({ min: 1, max: 600 }), (remaining, months) => {
        const deadline = new Date(Date.UTC(2026, months, 1)).toISOString().slice(0, 10);
        expect(wholeMonthsBetween('2026-01-01', deadline)).toBe(months);
        const monthly = requiredMonthly(remaining, '2026-01-01', deadline) as number;
        expect(monthly * months).toBeGreaterThanOrEqual(remaining);
        expect((monthly - 1) * months).toBeLessThan(remaining);
      }),
    );
  });
});

describe('status', () => {
  const goal = { target: 12_000, deadline: '2026-12-31', createdAt: '2026-01-01T10:00:00.000Z' };

  test('on track when saved keeps pace with the elapsed share of the createdAt → deadline span', () => {
    // 2026-07-02 is 182 of 364 days in: half the target is due.
    expect(goalStatus({ ...goal, saved: 6000 }, '2026-07-02')).toBe('on-track');
    expect(goalStatus({ ...goal, saved: 5999 }, '2026-07-02')).toBe('behind');
  });

  test('achieved wins over everything; no deadline means nothing to keep pace with', () => {
    expect(goalStatus({ ...goal, saved: 12_000 }, '2027-06-01')).toBe('achieved');
    expect(goalStatus({ ...goal, saved: 0, deadline: null }, '2026-07-02')).toBe('no-deadline');
    expect(goalStatus({ ...goal, saved: 11_999 }, '2027-01-05')).toBe('behind');
  });
});

describe('milestones', () => {
  test('a level is reached when saved × 100 ≥ target × level', () => {
    expect(reachedMilestones(249, 1000)).toEqual([]);
    expect(reachedMilestones(250, 1000)).toEqual([25]);
    expect(reachedMilestones(749, 1000)).toEqual([25, 50]);
    expect(reachedMilestones(1000, 1000)).toEqual([25, 50, 75, 100]);
    expect(reachedMilestones(-10, 1000)).toEqual([]);
    // Exact for amounts where a float ratio would round: 1/3 of 3 units is not 25 %.
    expect(reachedMilestones(1, 3)).toEqual([25]);
  });
});

describe('what a tagged transaction counts for', () => {
  const goalId = '01KE00000000000000000GQAB1';

  test('the goal tag is case-insensitive and names only ULID-shaped ids', () => {
    expect(goalTag(goalId)).toBe('goal:01ke00000000000000000gqab1');
    expect(goalIdsFromTags([goalTag(goalId), 'holiday', 'goal:not-an-id', goalTag(goalId)])).toEqual([goalId]);
  });

  test('income adds, expense takes away, a transfer counts once: by its in-leg', () => {
    expect(goalDirection({ kind: 'income', accountAmount: 100 })).toBe(1);
    expect(goalDirection({ kind: 'expense', accountAmount: -100 })).toBe(-1);
    expect(goalDirection({ kind: 'transfer', accountAmount: 100 })).toBe(1);
    expect(goalDirection({ kind: 'transfer', accountAmount: -100 })).toBe(0);
  });

  test('a recorded figure in the goal currency is used as is; otherwise the entered amount is converted', () => {
    const txn = transactionFixture({
      kind: 'expense',
      amount: 5000,
      currency: 'JPY',
      accountAmount: -3100,
      accountCurrency: 'USD',
      homeAmount: -2700,
      homeCurrency: 'EUR',
    });
    expect(transactionValue(txn, 'EUR')).toEqual({ kind: 'exact', amount: -2700 });
    expect(transactionValue(txn, 'USD')).toEqual({ kind: 'exact', amount: -3100 });
    expect(transactionValue(txn, 'JPY')).toEqual({ kind: 'exact', amount: -5000 });
    expect(transactionValue(txn, 'GBP')).toEqual({
      kind: 'convert',
      money: { amount: -5000, currency: 'JPY' },
      date: txn.date,
    });
  });
});
