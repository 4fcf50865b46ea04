/**
 * The notification log as the user sees it (GET /v1/notifications: newest first, paged, only
 * their own), and the store's guarantees the notifier rests on, against a real DynamoDB (Local).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { HttpApiEvent, HttpApiResult } from '../../../shared/kit/http/api-handler';
import { capWindow } from '../../../shared/notifications/hourly-cap';
import { createNotificationStore, type NotificationStore } from '../../../shared/notifications/store';
import { notificationView } from '../../../shared/notifications/views';
import { httpEvent, lambdaContext, parseResponse } from '../support/http-event';
import { type LocalTable, startLocalTable, TABLE } from './support/local-table';

jest.setTimeout(60_000);

let table: LocalTable;
let store: NotificationStore;
let list: (event: HttpApiEvent, context: ReturnType<typeof lambdaContext>) => Promise<HttpApiResult>;

beforeAll(async () => {
  table = await startLocalTable();
  store = createNotificationStore({ db: table.db, tableName: TABLE });
  list = (await import('../../../functions/api/notifications/list')).handler;
}, 90_000);
afterAll(async () => table?.stop());

const at = (iso: string) => ({ now: new Date(iso), staleBefore: new Date(Date.parse(iso) - 120_000) });

/** Records a sent notification the way the notifier does: claim, then mark sent. */
async function sent(userId: string, factId: string, kind: string, iso: string) {
  const outcome = await store.claim({ userId, factId }, kind, { ...at(iso), cap: capWindow(new Date(iso)) });
  if (outcome.status !== 'claimed') throw new Error(`claim refused: ${outcome.status}`);
  await store.markSent(outcome.claim, `ses-${factId}`, new Date(Date.parse(iso) + 1000));
}

const get = async (userId: string | undefined, query?: Record<string, string>) =>
  parseResponse(
    await list(
      httpEvent({
        method: 'GET',
        path: '/v1/notifications',
        ...(userId ? { claims: { sub: userId } } : {}),
        ...(query ? { queryStringParameters: query } : {}),
      }),
      lambdaContext(),
    ),
  );

describe('GET /v1/notifications', () => {
  const ada = 'log-ada';
  const bob = 'log-bob';

  beforeAll(async () => {
    await table.seedProfile({ userId: ada });
    await table.seedProfile({ userId: bob, email: 'bob@example.com' });
    await sent(ada, 'welcome', 'welcome', '2026-04-01T08:00:00.000Z');
    await sent(ada, 'budget-1:2026-04:80', 'budgetThreshold', '2026-04-10T08:00:00.000Z');
    await store.suppress(
      { userId: ada, factId: 'goal-1-25' },
      'goalMilestone',
      'preference',
      at('2026-04-11T08:00:00.000Z'),
    );
    await sent(ada, 'large-txn#01JRTXN1', 'largeTransaction', '2026-04-12T08:00:00.000Z');
    await sent(bob, 'welcome', 'welcome', '2026-04-11T12:00:00.000Z');
    await sent(bob, 'budget-9:2026-04:50', 'budgetThreshold', '2026-04-13T12:00:00.000Z');
  });

  test('lists the caller’s notifications newest first, with status, attempts and reason', async () => {
    const response = await get(ada);

    expect(response.status).toBe(200);
    expect(response.body.items.map((item: { id: string }) => item.id)).toEqual([
      'large-txn#01JRTXN1',
      'goal-1-25',
      'budget-1:2026-04:80',
      'welcome',
    ]);
    expect(response.body.nextCursor).toBeNull();
    expect(response.body.items[0]).toEqual({
      id: 'large-txn#01JRTXN1',
      kind: 'largeTransaction',
      status: 'sent',
      attempts: 1,
      sesMessageId: 'ses-large-txn#01JRTXN1',
      reason: null,
      createdAt: '2026-04-12T08:00:00.000Z',
      updatedAt: '2026-04-12T08:00:01.000Z',
      sentAt: '2026-04-12T08:00:01.000Z',
    });
    expect(response.body.items[1]).toMatchObject({
      kind: 'goalMilestone',
      status: 'suppressed',
      reason: 'preference',
      attempts: 0,
      sentAt: null,
      sesMessageId: null,
    });
    for (const item of response.body.items) expect(() => notificationView().parse(item)).not.toThrow();
  });

  test('pages with limit and cursor, never repeating or skipping an item', async () => {
    const first = await get(ada, { limit: '3' });
    expect(first.body.items.map((item: { id: string }) => item.id)).toEqual([
      'large-txn#01JRTXN1',
      'goal-1-25',
      'budget-1:2026-04:80',
    ]);
    expect(first.body.nextCursor).toEqual(expect.any(String));

    const second = await get(ada, { limit: '3', cursor: first.body.nextCursor });
    expect(second.body.items.map((item: { id: string }) => item.id)).toEqual(['welcome']);
    expect(second.body.nextCursor).toBeNull();
  });

  test('never shows another user’s notifications, and refuses another user’s cursor', async () => {
    const bobs = await get(bob);
    expect(bobs.body.items.map((item: { id: string }) => item.id)).toEqual(['budget-9:2026-04:50', 'welcome']);

    const adaCursor = (await get(ada, { limit: '1' })).body.nextCursor;
    const stolen = await get(bob, { cursor: adaCursor });
    expect(stolen.status).toBe(400);
    expect(stolen.body.errors).toEqual([{ in: 'query', field: 'cursor', message: 'is not a valid cursor' }]);

    // A signed-up user who was never notified sees an empty log.
    await table.seedProfile({ userId: 'log-nobody' });
    const stranger = await get('log-nobody');
    expect(stranger.body).toEqual({ items: [], nextCursor: null });
  });

  test('refuses unknown or invalid query parameters with 400 naming them, and anonymous calls with 401', async () => {
    const unknown = await get(ada, { status: 'sent' });
    expect(unknown.status).toBe(400);
    expect(unknown.headers['content-type']).toBe('application/problem+json');
    expect(unknown.body.errors).toEqual([{ in: 'query', field: 'status', message: 'is not a known field' }]);

    for (const limit of ['0', '201', '2.5', 'ten']) {
      const response = await get(ada, { limit });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['limit']);
    }
    expect((await get(ada, { cursor: 'not-a-cursor' })).status).toBe(400);
    expect((await get(undefined)).status).toBe(401);
  });

  test('every notification item carries its index keys, so the log is one Query of gsi1', async () => {
    const page = await table.db.send(
      new QueryCommand({
        TableName: TABLE,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `USER#${ada}#NOTIFY` },
      }),
    );
    expect(page.Items?.map((item) => item.sk).sort()).toEqual(
      ['NOTIFY#budget-1:2026-04:80', 'NOTIFY#goal-1-25', 'NOTIFY#large-txn#01JRTXN1', 'NOTIFY#welcome'].sort(),
    );
  });
});

describe('the store', () => {
  test('claims nothing and writes nothing for a user whose profile is gone', async () => {
    const userId = 'store-gone';
    const lease = at('2026-04-13T09:00:00.000Z');

    expect(
      await store.claim({ userId, factId: 'welcome' }, 'welcome', { ...lease, cap: capWindow(lease.now) }),
    ).toEqual({
      status: 'no-profile',
    });
    expect(await store.suppress({ userId, factId: 'goal-1-25' }, 'goalMilestone', 'preference', lease)).toBe(
      'no-profile',
    );
    expect(await table.items(userId)).toEqual([]);
  });

  test('a re-claim after a failure keeps the item’s place in the log', async () => {
    const userId = 'store-retry';
    await table.seedProfile({ userId });
    const first = at('2026-04-13T09:00:00.000Z');
    const claim = await store.claim({ userId, factId: 'welcome' }, 'welcome', { ...first, cap: capWindow(first.now) });
    if (claim.status !== 'claimed') throw new Error('expected a claim');
    await store.markFailed(claim.claim, 'ThrottlingException', first.now);

    const second = at('2026-04-13T11:30:00.000Z');
    const retry = await store.claim({ userId, factId: 'welcome' }, 'welcome', {
      ...second,
      cap: capWindow(second.now),
    });
    expect(retry.status).toBe('claimed');
    // The first claim's token no longer records anything.
    expect(await store.markSent(claim.claim, 'ses-stale', second.now)).toBe(false);

    expect(await table.notification(userId, 'welcome')).toMatchObject({
      status: 'sending',
      attempts: 2,
      reason: 'ThrottlingException',
      createdAt: '2026-04-13T09:00:00.000Z',
      gsi1sk: '2026-04-13T09:00:00.000Z#welcome',
    });
  });
});
