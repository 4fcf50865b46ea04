/**
 * The demo's plan (bin/support/demo-plan.ts): the same user gets the same year on every run (so its
 * keys find what an earlier run wrote), in three currencies, nothing after the anchor day, and a run
 * cannot cause more emails than the notifier's hourly cap.
 */
import { demoPlan, emailBound, HOURLY_EMAIL_CAP } from '../../../bin/support/demo-plan';

const anchors = ['2026-12-07', '2026-12-31', '2026-01-01', '2028-02-29'];

test.each(anchors)('anchored on %s: a year of unique keys, nothing in the future, three currencies', (anchor) => {
  const plan = demoPlan({ homeCurrency: 'EUR', anchor });
  expect(demoPlan({ homeCurrency: 'EUR', anchor })).toEqual(plan);
  const keys = [...plan.transactions, ...plan.transfers, ...plan.contributions].map((entry) => entry.key);
  expect(new Set(keys).size).toBe(keys.length);
  const dates = [...plan.transactions, ...plan.transfers, ...plan.contributions].map((entry) => entry.date);
  expect(dates.every((date) => date <= anchor)).toBe(true);
  expect(new Set(plan.transactions.map((t) => t.money.currency))).toEqual(new Set(['EUR', 'USD', 'GBP']));
  expect(new Set(plan.transactions.map((t) => t.date.slice(0, 7))).size).toBe(12);
  // The budgets start within a year of the anchor, on the first day of a month.
  expect(
    plan.budgets.every(
      (b) => b.startDate.endsWith('-01') && b.startDate > `${Number(anchor.slice(0, 4)) - 1}${anchor.slice(4)}`,
    ),
  ).toBe(true);
});

test('the current period passes the Food budget and 80 % of Travel, even on the first of the month', () => {
  const plan = demoPlan({ homeCurrency: 'EUR', anchor: '2026-12-01' });
  const food = plan.budgets.find((b) => b.name === 'Food')!;
  const groceries = plan.transactions
    .filter((t) => t.date.startsWith('2026-12') && ['groceries', 'restaurants'].includes(t.categoryId))
    .reduce((sum, t) => sum + t.money.amount, 0);
  expect(groceries).toBeGreaterThan(food.limit.amount);
  const travelAtHome = plan.transactions
    .filter((t) => t.date.startsWith('2026-12') && t.categoryId === 'travel' && t.money.currency === 'EUR')
    .reduce((sum, t) => sum + t.money.amount, 0);
  expect(travelAtHome).toBeLessThan(plan.budgets.find((b) => b.name === 'Travel')!.limit.amount);
});

test('the goal ends at 80 %: three milestones, not the target', () => {
  for (const months of [1, 3, 12]) {
    const plan = demoPlan({ homeCurrency: 'EUR', anchor: '2026-12-07', months });
    const saved = plan.contributions.reduce((sum, c) => sum + c.money.amount, 0);
    expect(saved * 100).toBe(plan.goal.target.amount * 80);
  }
});

test('even one month has all three currencies', () => {
  const plan = demoPlan({ homeCurrency: 'EUR', anchor: '2026-12-01', months: 1 });
  expect(new Set(plan.transactions.map((t) => t.money.currency)).size).toBe(3);
});

test('a home currency of USD or GBP still gives two other currencies', () => {
  expect(demoPlan({ homeCurrency: 'USD', anchor: '2026-12-07' }).currencies).toEqual(['USD', 'GBP', 'CHF']);
  expect(demoPlan({ homeCurrency: 'GBP', anchor: '2026-12-07' }).currencies).toEqual(['GBP', 'USD', 'CHF']);
});

test('one run causes fewer emails than the hourly cap', () => {
  const plan = demoPlan({ homeCurrency: 'EUR', anchor: '2026-12-07' });
  expect(emailBound(plan)).toBeLessThanOrEqual(HOURLY_EMAIL_CAP);
});
