/** The unusual-spending rule: above the prorated mean + 3σ of six months, with a history and a minimum. */
import { judgeSpending } from '../../../shared/insights/unusual';

const steady = [20_000, 21_000, 19_000, 20_000, 20_500, 19_500];

test('half-way through the month, spending past (μ + 3σ) / 2 is unusual; just below it is not', () => {
  const base = { history: steady, day: 15, daysInMonth: 30, currency: 'EUR' };
  // μ = 20,000, σ ≈ 645.5: threshold = ceil(21,936.5 / 2) = 10,969
  expect(judgeSpending({ ...base, monthToDate: 10_969 })).toBeUndefined();
  expect(judgeSpending({ ...base, monthToDate: 10_970 })).toEqual({ usual: 10_000, threshold: 10_969 });
});

test('no judgement without at least 3 months of history in the category, or below 50 units of the currency', () => {
  expect(
    judgeSpending({
      history: [0, 0, 0, 0, 5_000, 5_000],
      monthToDate: 90_000,
      day: 10,
      daysInMonth: 31,
      currency: 'EUR',
    }),
  ).toBeUndefined();
  expect(
    judgeSpending({
      history: [100, 100, 100, 100, 100, 100],
      monthToDate: 4_999,
      day: 28,
      daysInMonth: 28,
      currency: 'EUR',
    }),
  ).toBeUndefined();
  // 50 yen is 50 minor units: the minimum follows the currency's decimals.
  expect(
    judgeSpending({ history: [1, 1, 1, 1, 1, 1], monthToDate: 50, day: 28, daysInMonth: 28, currency: 'JPY' }),
  ).toBeDefined();
});
