/** How many times a month a schedule runs, as the idle cost counts it. */
import { runsPerMonth } from '../../bench/cost-template';

test('rate and cron expressions, with ranges and weekday names, over a 30-day month', () => {
  expect(runsPerMonth('rate(5 minutes)')).toBe(8_640);
  expect(runsPerMonth('cron(0 12 * * ? *)')).toBe(30);
  // The rates feed: five runs a weekday (16:15 to 20:15), about 21.4 weekdays.
  expect(runsPerMonth('cron(15 16-20 ? * MON-FRI *)')).toBeCloseTo((5 * 5 * 30) / 7);
  expect(runsPerMonth('cron(0 8,18 ? * SAT,SUN *)')).toBeCloseTo((2 * 2 * 30) / 7);
});
