/**
 * The local Scheduler runs a schedule's target with the schedule's input, its scheduled-time
 * placeholder replaced as EventBridge Scheduler does (whole seconds, UTC).
 */
import { scheduledInput } from '../../../lib/local/scheduler';

test('the scheduled-time context attribute becomes the run instant, everything else is passed as is', () => {
  const input = { scheduledTime: '<aws.scheduler.scheduled-time>', note: 'at <aws.scheduler.scheduled-time>', n: 1 };
  expect(scheduledInput(input, new Date('2026-12-01T03:00:00.123Z'))).toEqual({
    scheduledTime: '2026-12-01T03:00:00Z',
    note: 'at 2026-12-01T03:00:00Z',
    n: 1,
  });
});

test('a schedule without input is invoked with an empty object', () => {
  expect(scheduledInput(undefined, new Date())).toEqual({});
});
