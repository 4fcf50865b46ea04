/**
 * GET /v1/changes against a real DynamoDB (Local): pages in order with a token that continues,
 * 410 resync past the retained window or over a gap left by expired entries, 400 for a garbled
 * token, and another user's token showing the caller only their own feed.
 */
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { AccountEntity } from '../../../shared/accounts/items';
import { CHANGE_RETENTION_SECONDS, ChangeEntity } from '../../../shared/changes/items';
import type { ChangeStore } from '../../../shared/changes/store';
import { decodeToken, encodeToken } from '../../../shared/changes/token';
import type { HttpApiEvent, HttpApiResult } from '../../../shared/kit/http/api-handler';
import { type LocalTable, startLocalTable, TABLE } from '../notifications/support/local-table';
import { httpEvent, lambdaContext, parseResponse } from '../support/http-event';
import { accountFixture } from '../transactions/support/ledger-fixtures';

jest.setTimeout(60_000);

let table: LocalTable;
let store: ChangeStore;
let list: (event: HttpApiEvent, context: ReturnType<typeof lambdaContext>) => Promise<HttpApiResult>;

beforeAll(async () => {
  table = await startLocalTable();
  const { createChangeStore } = await import('../../../shared/changes/store');
  store = createChangeStore({ db: table.db, tableName: TABLE });
  list = (await import('../../../functions/api/changes/list')).handler;
}, 300_000);
afterAll(async () => table?.stop());

const get = async (userId: string, query?: Record<string, string>) =>
  parseResponse(
    await list(
      httpEvent({
        method: 'GET',
        path: '/v1/changes',
        claims: { sub: userId },
        ...(query ? { queryStringParameters: query } : {}),
      }),
      lambdaContext(),
    ),
  );

/** A user with `count` accounts, each recorded in the feed. */
async function userWithAccounts(userId: string, count: number) {
  await table.seedProfile({ userId });
  for (let index = 1; index <= count; index++) {
    const account = accountFixture({ accountId: `${userId}-acc-${index}`, name: `Account ${index}` });
    await table.put({ ...AccountEntity.key(userId, account.accountId), ...account });
    await store.record(userId, 'account', account);
  }
}

test('pages in order, each `next` continuing exactly after the last change it showed', async () => {
  await userWithAccounts('pager', 5);
  const first = await get('pager', { limit: '2' });
  expect(first.status).toBe(200);
  expect(first.body.changes.map((change: { sequence: number }) => change.sequence)).toEqual([1, 2]);
  expect(first.body.changes[0]).toMatchObject({ type: 'account', id: 'pager-acc-1', op: 'created' });
  expect(first.body.hasMore).toBe(true);
  const second = await get('pager', { since: first.body.next, limit: '2' });
  expect(second.body.changes.map((change: { sequence: number }) => change.sequence)).toEqual([3, 4]);
  const third = await get('pager', { since: second.body.next, limit: '2' });
  expect(third.body.changes.map((change: { sequence: number }) => change.sequence)).toEqual([5]);
  expect(third.body.hasMore).toBe(false);
  const idle = await get('pager', { since: third.body.next });
  expect(idle.body).toEqual({ changes: [], next: third.body.next, hasMore: false });
});

test('a deletion is a tombstone without the entity', async () => {
  await userWithAccounts('tomb', 1);
  await table.db.send(new DeleteCommand({ TableName: TABLE, Key: AccountEntity.key('tomb', 'tomb-acc-1') }));
  await store.record('tomb', 'account', { accountId: 'tomb-acc-1' });
  const page = await get('tomb');
  expect(page.body.changes[1]).toEqual({
    sequence: 2,
    type: 'account',
    id: 'tomb-acc-1',
    op: 'deleted',
    deleted: true,
    recordedAt: expect.any(String),
  });
});

test('a token older than the retained window is 410 resync with the head as `next`', async () => {
  await userWithAccounts('aged', 2);
  const aged = encodeToken({ sequence: 1, recordedAt: Math.floor(Date.now() / 1000) - CHANGE_RETENTION_SECONDS - 1 });
  const gone = await get('aged', { since: aged });
  expect(gone.status).toBe(410);
  expect(gone.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(gone.body).toMatchObject({ type: 'urn:moneta:problem:resync', status: 410 });
  expect(decodeToken(gone.body.next)?.sequence).toBe(2);
});

test('entries expired before they were read (a gap) are 410 too, with or without a token', async () => {
  await userWithAccounts('gap', 3);
  const start = await get('gap', { limit: '1' });
  // What DynamoDB's TTL does to entries past their time.
  for (const sequence of [1, 2]) {
    await table.db.send(new DeleteCommand({ TableName: TABLE, Key: ChangeEntity.key('gap', sequence) }));
  }
  expect((await get('gap')).status).toBe(410);
  expect((await get('gap', { since: start.body.next })).status).toBe(410);
});

test.each([
  ['garbage', 'not a token'],
  ['another format', 'eyJ2IjoxfQ'],
  ['too long', 'A'.repeat(201)],
])('%s is 400 naming `since`', async (_name, since) => {
  await table.seedProfile({ userId: 'garbled' });
  const result = await get('garbled', { since });
  expect(result.status).toBe(400);
  expect(result.body.errors).toEqual([expect.objectContaining({ in: 'query', field: 'since' })]);
});

test('another user’s token shows the caller their own feed only', async () => {
  await userWithAccounts('owner', 3);
  await userWithAccounts('other', 3);
  const ownerToken = (await get('owner', { limit: '1' })).body.next;
  const seen = await get('other', { since: ownerToken });
  expect(seen.status).toBe(200);
  expect(seen.body.changes.map((change: { id: string }) => change.id)).toEqual(['other-acc-2', 'other-acc-3']);
  expect(JSON.stringify(seen.body)).not.toContain('owner-acc');
});
