/** What the idle cost counts: how many times a month a schedule runs, and the metrics an alarm is billed for. */
import { billedAlarmMetrics, hoursPerMonth, runsPerMonth } from '../../bench/cost-template';

test('rate and cron expressions, with ranges and weekday names, over a 30-day month', () => {
  expect(runsPerMonth('rate(5 minutes)')).toBe(8_640);
  expect(runsPerMonth('cron(0 12 * * ? *)')).toBe(30);
  // The rates feed: five runs a weekday (16:15 to 20:15), about 21.4 weekdays.
  expect(runsPerMonth('cron(15 16-20 ? * MON-FRI *)')).toBeCloseTo((5 * 5 * 30) / 7);
  expect(runsPerMonth('cron(0 8,18 ? * SAT,SUN *)')).toBeCloseTo((2 * 2 * 30) / 7);
});

test('a metric emitted on every run is billed for the hours with a run, not for the runs', () => {
  // Every 5 minutes: every hour of the month, a whole metric-month.
  expect(hoursPerMonth('rate(5 minutes)')).toBe(720);
  expect(hoursPerMonth('rate(6 hours)')).toBe(120);
  expect(hoursPerMonth('cron(0,30 12 * * ? *)')).toBe(30);
  // The rates feed: 5 hours a weekday.
  expect(hoursPerMonth('cron(15 16-20 ? * MON-FRI *)')).toBeCloseTo((5 * 5 * 30) / 7);
});

test('an alarm is billed per metric it reads: one, or each metric of its metric math', () => {
  expect(billedAlarmMetrics({ Period: 300 })).toEqual({ metrics: 1, highResolution: false });
  expect(billedAlarmMetrics({ Period: 10 })).toEqual({ metrics: 1, highResolution: true });
  const stat = (period: number) => ({ MetricStat: { Period: period } });
  expect(billedAlarmMetrics({ Metrics: [stat(300), stat(300), stat(300), { Expression: 'e0 + e1 + e2' }] })).toEqual({
    metrics: 3,
    highResolution: false,
  });
  expect(billedAlarmMetrics({ Metrics: [stat(60), stat(30), { Expression: 'e0 + e1' }] }).highResolution).toBe(true);
});

test('refuses to price a Metrics Insights alarm, whose billed metrics the template does not tell', () => {
  const query = { Expression: 'SELECT SUM(Errors) FROM SCHEMA("AWS/Lambda", FunctionName)' };
  expect(() => billedAlarmMetrics({ Metrics: [query] })).toThrow(/Metrics Insights/);
});
