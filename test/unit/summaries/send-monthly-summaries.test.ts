/**
 * The scheduled function's input contract: it runs "as of" Scheduler's scheduled time, so the same
 * run retried does the same work, and it refuses an instant it cannot read rather than summarize
 * the wrong zones.
 */
import { defaultNotificationPreferences } from '../../../shared/identity/profile';
import { createProfileStore } from '../../../shared/identity/profile-store';
import { lambdaContext } from '../support/eventbridge-event';
import { startLocalDynamoDb, TABLE } from '../support/local-dynamodb';

jest.setTimeout(120_000);

type Outcome = { zones: string[]; written: number; existing: number };
let table: Awaited<ReturnType<typeof startLocalDynamoDb>>;
let handler: (event: unknown, context: unknown) => Promise<Outcome>;

beforeAll(async () => {
  table = await startLocalDynamoDb();
  handler = (await import('../../../functions/ops/send-monthly-summaries')).handler as unknown as typeof handler;
  await createProfileStore({ db: table.db, tableName: TABLE }).createIfAbsent({
    type: 'PROFILE',
    userId: 'in-tokyo',
    email: 'tokyo@example.com',
    name: 'Someone',
    homeCurrency: 'JPY',
    timezone: 'Asia/Tokyo',
    notifications: defaultNotificationPreferences,
    mfa: { totp: 'disabled' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
  });
}, 90_000);
afterAll(async () => table?.stop());

const run = (event: unknown) => handler(event, lambdaContext('monthly-summary'));

test("as of Scheduler's scheduled time: 08:00 of a 1st in Tokyo summarizes its users once", async () => {
  const first = await run({ scheduledTime: '2026-11-30T23:00:00Z' });
  const retried = await run({ scheduledTime: '2026-11-30T23:00:00Z' });

  expect(first).toMatchObject({ written: 1, existing: 0 });
  expect(first.zones).toContain('Asia/Tokyo');
  expect(retried).toMatchObject({ written: 0, existing: 1 });
  expect(await table.partition('in-tokyo', 'SUMMARY#')).toEqual([
    expect.objectContaining({ month: '2026-11', asOf: '2026-12-01', currency: 'JPY' }),
  ]);
});

test('an hour when no zone is at 08:00 of a 1st reads and writes nothing', async () => {
  expect(await run({ scheduledTime: '2026-12-15T23:00:00Z' })).toMatchObject({ zones: [], written: 0, existing: 0 });
});

test('a scheduled time that is no instant fails the run', async () => {
  await expect(run({ scheduledTime: '<aws.scheduler.scheduled-time>' })).rejects.toThrow(
    'scheduledTime is not an ISO 8601 instant',
  );
  await expect(run({ scheduledTime: 1 })).rejects.toThrow('scheduledTime is not an ISO 8601 instant');
});
