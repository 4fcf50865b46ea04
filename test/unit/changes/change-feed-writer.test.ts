/**
 * The change feed's consumer below the bus: real EventBridge event shapes in, a real DynamoDB
 * (Local) holding the entities, the head and the entries, read back the way GET /v1/changes reads
 * them (the store). Events arrive twice, out of order, side by side, and after a failure.
 */
import '../support/info-logs';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { rules } from '../../../lib/catalog/rules';
import { AccountEntity } from '../../../shared/accounts/items';
import { CategoryEntity } from '../../../shared/categories/items';
import { TABLE } from '../notifications/support/local-table';
import { eventBridgeEvent, lambdaContext } from '../support/eventbridge-event';
import { accountFixture, categoryFixture } from '../transactions/support/ledger-fixtures';

import { localFeed } from './support/local-feed';

jest.setTimeout(60_000);

const local = localFeed('changes-user');
const { deliver, feed, signedUpUser } = local;

type Account = ReturnType<typeof accountFixture>;
let sources = 0;
function accountEvent(userId: string, change: 'Created' | 'Updated' | 'Deleted', account: Account, previous?: Account) {
  sources += 1;
  const detail: Record<string, unknown> = {
    sourceEventId: `stream-${sources}`,
    userId,
    id: account.accountId,
    version: account.version,
    occurredAt: account.updatedAt,
  };
  if (change === 'Deleted') detail.previous = account;
  else detail.data = account;
  if (change === 'Updated') detail.previous = previous ?? account;
  return eventBridgeEvent(`Account${change}`, detail);
}

const putAccount = (userId: string, account: Account) =>
  local.table.put({ ...AccountEntity.key(userId, account.accountId), ...account });
const deleteAccount = (userId: string, accountId: string) =>
  local.table.db.send(new DeleteCommand({ TableName: TABLE, Key: AccountEntity.key(userId, accountId) }));

test('its rule routes it exactly the events it accepts', () => {
  const rule = rules.find((candidate) => candidate.target === 'change-feed-writer');
  expect([...(rule?.detailTypes ?? [])].sort()).toEqual([...local.writer.acceptedDetailTypes].sort());
});

test('a change delivered twice is one entry', async () => {
  const userId = await signedUpUser();
  const account = accountFixture({ accountId: 'acc-twice' });
  await putAccount(userId, account);
  const created = accountEvent(userId, 'Created', account);
  await deliver(created);
  await deliver(created);
  const entries = await feed(userId);
  expect(entries.map((entry) => [entry.sequence, entry.operation, entry.entityId])).toEqual([
    [1, 'created', 'acc-twice'],
  ]);
  expect(entries[0]?.entity).toMatchObject({ id: 'acc-twice', name: 'Checking' });
});

test('an edit delivered before its create: the feed ends on the latest state, once', async () => {
  const userId = await signedUpUser();
  const v1 = accountFixture({ accountId: 'acc-order' });
  const v2 = { ...v1, name: 'Household', version: 2, updatedAt: '2026-02-01T00:00:00.000Z' };
  await putAccount(userId, v2);
  await deliver(accountEvent(userId, 'Updated', v2, v1));
  await deliver(accountEvent(userId, 'Created', v1));
  const entries = await feed(userId);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ sequence: 1, operation: 'created', entity: { name: 'Household', version: 2 } });
});

test('a delete then a late edit: the last word stays the tombstone', async () => {
  const userId = await signedUpUser();
  const v1 = accountFixture({ accountId: 'acc-late' });
  const v2 = { ...v1, name: 'Renamed', version: 2 };
  await putAccount(userId, v1);
  await deliver(accountEvent(userId, 'Created', v1));
  await deleteAccount(userId, 'acc-late');
  await deliver(accountEvent(userId, 'Deleted', v2));
  await deliver(accountEvent(userId, 'Updated', v2, v1));
  const entries = await feed(userId);
  expect(entries.map((entry) => [entry.sequence, entry.operation])).toEqual([
    [1, 'created'],
    [2, 'deleted'],
  ]);
  expect(entries[1]).not.toHaveProperty('entity');
});

test('many changes side by side take every sequence once, with no gap, each entity ending on its state', async () => {
  const userId = await signedUpUser();
  const accounts = Array.from({ length: 12 }, (_, index) =>
    accountFixture({ accountId: `acc-burst-${index}`, name: `Account ${index}` }),
  );
  const categories = Array.from({ length: 8 }, (_, index) =>
    categoryFixture({ categoryId: `cat-burst-${index}`, name: `Category ${index}` }),
  );
  await Promise.all(accounts.map((account) => putAccount(userId, account)));
  await Promise.all(
    categories.map((category) => local.table.put({ ...CategoryEntity.key(userId, category.categoryId), ...category })),
  );
  const events = [
    ...accounts.map((account) => accountEvent(userId, 'Created', account)),
    ...categories.map((category) =>
      eventBridgeEvent('CategoryCreated', {
        sourceEventId: `stream-cat-${category.categoryId}`,
        userId,
        id: category.categoryId,
        version: 1,
        occurredAt: category.createdAt,
        data: category,
      }),
    ),
  ];
  // Every event twice, all at once.
  await Promise.all([...events, ...events].map((event) => deliver(event)));
  const entries = await feed(userId);
  expect(entries.map((entry) => entry.sequence)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  expect(new Set(entries.map((entry) => `${entry.entityType}/${entry.entityId}`)).size).toBe(20);
  expect((await local.store.head(userId)).sequence).toBe(20);
});

test('a write that fails is retried by the platform, and its redelivery records it once', async () => {
  const userId = await signedUpUser();
  const account = accountFixture({ accountId: 'acc-fail' });
  await putAccount(userId, account);
  const event = accountEvent(userId, 'Created', account);
  const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB;
  // The consumer's client is already built: break the table for it by breaking the table's name.
  jest.resetModules();
  process.env.TABLE_NAME = 'no-such-table';
  const broken = await import('../../../functions/events/change-feed-writer');
  process.env.TABLE_NAME = TABLE;
  await expect(broken.handler(event, lambdaContext('change-feed-writer'))).rejects.toThrow();
  expect(await feed(userId)).toEqual([]);
  expect(process.env.AWS_ENDPOINT_URL_DYNAMODB).toBe(endpoint);
  // Retries and a redrive deliver the same event again, possibly more than once.
  await deliver(event);
  await deliver(event);
  expect((await feed(userId)).map((entry) => [entry.sequence, entry.operation])).toEqual([[1, 'created']]);
});

test('nothing is written for a user whose account was deleted', async () => {
  const userId = await signedUpUser();
  const account = accountFixture({ accountId: 'acc-gone-user' });
  await putAccount(userId, account);
  await local.table.deleteProfile(userId);
  await deliver(accountEvent(userId, 'Created', account));
  expect(await feed(userId)).toEqual([]);
  expect((await local.store.head(userId)).sequence).toBe(0);
});

test('one user’s feed never holds another’s changes', async () => {
  const ada = await signedUpUser();
  const bob = await signedUpUser();
  const account = accountFixture({ accountId: 'acc-ada' });
  await putAccount(ada, account);
  await deliver(accountEvent(ada, 'Created', account));
  expect(await feed(bob)).toEqual([]);
  expect((await feed(ada)).map((entry) => entry.entityId)).toEqual(['acc-ada']);
});
