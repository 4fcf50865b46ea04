/**
 * The audit consumer below the bus: real EventBridge event shapes in, a real DynamoDB (Local) for
 * the profile check and the entries, read back the way GET /v1/audit reads them (the store).
 */
import '../support/info-logs';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { rules } from '../../../lib/catalog/rules';
import { domainItems } from '../../../shared/app/events';
import type { AuditStore } from '../../../shared/audit/store';
import { itemSize } from '../../bench/cost-units';
import { type LocalTable, startLocalTable, TABLE } from '../notifications/support/local-table';
import { eventBridgeEvent, lambdaContext, userDeleted, userSignedUp } from '../support/eventbridge-event';
import { logLines } from '../support/log-output';
import { accountFixture, transactionFixture } from '../transactions/support/ledger-fixtures';

jest.setTimeout(60_000);

let table: LocalTable;
let store: AuditStore;
let auditLogger: {
  handler: (event: EventBridgeEvent<string, unknown>, context: Context) => Promise<void>;
  acceptedDetailTypes: readonly string[];
};

beforeAll(async () => {
  table = await startLocalTable();
  // After the endpoint is set: the handler's client is built from the environment when it loads.
  auditLogger = await import('../../../functions/events/audit-logger');
  const { createAuditStore } = await import('../../../shared/audit/store');
  store = createAuditStore({ db: table.db, tableName: TABLE });
});

afterAll(() => table.stop());

const audit = (event: EventBridgeEvent<string, unknown>) => auditLogger.handler(event, lambdaContext('audit-logger'));
const trail = async (userId: string) => (await store.list(userId, { limit: 50 })).items;

let users = 0;
async function signedUpUser(): Promise<string> {
  users += 1;
  const userId = `audit-user-${users}`;
  await table.seedProfile({ userId });
  return userId;
}

function accountUpdated(userId: string, sourceEventId: string) {
  const previous = accountFixture({ name: 'Checking', version: 1 });
  const data = accountFixture({ name: 'Household', version: 2, updatedAt: '2026-03-01T09:00:00.000Z' });
  return {
    sourceEventId,
    userId,
    id: data.accountId,
    version: 2,
    occurredAt: '2026-03-01T09:00:00.000Z',
    actor: 'user',
    correlationId: 'req-rename-1',
    data,
    previous,
  };
}

test('the audit logger hears every event the stream publisher can publish', () => {
  const rule = rules.find((candidate) => candidate.target === 'audit-logger');
  const published = Object.values(domainItems).flatMap((mapping) =>
    (['INSERT', 'MODIFY', 'REMOVE'] as const).flatMap((change) => {
      const name = (mapping as Partial<Record<typeof change, string>>)[change];
      return name ? [name] : [];
    }),
  );
  // Derived from a transaction's write, not an item of its own (shared/transactions/events.ts),
  // from an export job turning ready (shared/exports/events.ts), from a payee merge job
  // finishing (shared/payees/events.ts) and from a payment paid or not (shared/payments/events.ts).
  published.push('CurrencyConverted', 'ExportReady', 'PayeesMerged', 'PaymentSucceeded', 'PaymentFailed');
  expect([...(rule?.detailTypes ?? [])].sort()).toEqual([...new Set(published)].sort());
  expect([...auditLogger.acceptedDetailTypes].sort()).toEqual([...new Set(published)].sort());
});

test('an update becomes one entry with only the changed fields, who made it and for which request', async () => {
  const userId = await signedUpUser();
  await audit(eventBridgeEvent('AccountUpdated', accountUpdated(userId, 'stream-rename')));

  expect(await trail(userId)).toEqual([
    {
      sourceEventId: 'stream-rename',
      entity: 'account',
      entityId: 'acc-eur',
      operation: 'updated',
      event: 'AccountUpdated',
      actor: 'user',
      correlationId: 'req-rename-1',
      occurredAt: '2026-03-01T09:00:00.000Z',
      version: 2,
      before: { name: 'Checking' },
      after: { name: 'Household' },
    },
  ]);
});

test('a duplicate delivery writes the entry once', async () => {
  const userId = await signedUpUser();
  const event = accountUpdated(userId, 'stream-twice');
  await audit(eventBridgeEvent('AccountUpdated', event));
  await audit(eventBridgeEvent('AccountUpdated', event));

  expect((await trail(userId)).map((entry) => entry.sourceEventId)).toEqual(['stream-twice']);
});

test('a creation shows every field after it, and a process as its actor', async () => {
  const userId = await signedUpUser();
  const detail = { ...userSignedUp({ userId, name: 'Grace Hopper' }, 'stream-signup'), correlationId: 'req-0' };
  await audit(eventBridgeEvent('UserSignedUp', { ...detail, actor: 'rates-fetcher' }));

  const [entry] = await trail(userId);
  expect(entry).toMatchObject({
    entity: 'profile',
    operation: 'created',
    actor: 'rates-fetcher',
    before: null,
    after: expect.objectContaining({ name: 'Grace Hopper' }),
  });
  // What the entry says in fields of its own is not repeated among the fields.
  expect(entry?.after).not.toHaveProperty('version');
  expect(entry?.after).not.toHaveProperty('type');
});

test("an expense's entry is stored under 1 KB (one write unit on the table and on each index) and reads back whole", async () => {
  // A Cognito sub, ULIDs and a stream record id as long as AWS's: the sizes a deployment writes.
  const userId = `${await signedUpUser()}-5b7d-4c1e-9a2f-6d8e0b1c2d3e`.slice(-36);
  await table.seedProfile({ userId });
  const data = transactionFixture({
    transactionId: '01KE5Z8Q2M7N4P6R8T0V2X4Z6B',
    accountId: '01KE5Z8Q2M7N4P6R8T0V2X4Z6C',
    categoryId: '01KE5Z8Q2M7N4P6R8T0V2X4Z6D',
    payee: 'Corner Shop',
    note: 'bread and milk for the week',
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
  });
  const sourceEventId = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
  await audit(
    eventBridgeEvent('TransactionCreated', {
      sourceEventId,
      userId,
      id: data.transactionId,
      version: 1,
      occurredAt: data.createdAt,
      actor: 'user',
      correlationId: 'c0ffee00-1111-2222-3333-444455556666',
      data,
    }),
  );

  const stored = await table.db.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
      ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':audit': 'AUDIT#' },
    }),
  );
  expect(stored.Items).toHaveLength(1);
  expect(itemSize(marshall(stored.Items![0]!) as never)).toBeLessThanOrEqual(1024);

  const [entry] = await trail(userId);
  expect(entry).toMatchObject({
    sourceEventId,
    entity: 'transaction',
    entityId: data.transactionId,
    occurredAt: data.createdAt,
    operation: 'created',
    after: expect.objectContaining({ amount: 1250, payee: 'Corner Shop', note: 'bread and milk for the week' }),
  });
  // A field the transaction leaves unset is left out of the creation's fields, not shown as null.
  expect(entry?.after).not.toHaveProperty('transferId');
  expect(Object.values(entry?.after ?? {})).not.toContain(null);
  // The same entry filtered by its entity reads the same, from the index.
  const byEntity = await store.list(userId, { entity: 'transaction', entityId: data.transactionId, limit: 5 });
  expect(byEntity.items).toEqual([entry]);
});

test('no entry is written for a user whose account was deleted (the eraser must not find the partition again)', async () => {
  const userId = await signedUpUser();
  await table.deleteProfile(userId);

  await audit(eventBridgeEvent('UserDeleted', userDeleted({ userId })));
  await audit(eventBridgeEvent('AccountUpdated', accountUpdated(userId, 'stream-after-erasure')));

  expect(await table.items(userId)).toEqual([]);
});

test('secrets are never shown, even when an item carries one', async () => {
  const userId = await signedUpUser();
  const event = accountUpdated(userId, 'stream-secret');
  const withSecret = {
    ...event,
    previous: { ...event.previous, requestHash: 'old-hash', claimToken: 'old' },
    data: { ...event.data, requestHash: 'new-hash', claimToken: 'new' },
  };
  await audit(eventBridgeEvent('AccountUpdated', withSecret));

  expect(JSON.stringify(await trail(userId))).not.toMatch(/hash|claimToken/);
});

test('nothing of the entry reaches the log', async () => {
  const userId = await signedUpUser();
  const detail = userSignedUp({ userId, email: 'grace@example.com', name: 'Grace Hopper' }, 'stream-77');
  const lines = await logLines(() => audit(eventBridgeEvent('UserSignedUp', detail)));
  expect(JSON.stringify(lines)).not.toContain('grace@example.com');
  expect(JSON.stringify(lines)).not.toContain('Grace Hopper');
});

test('an invalid event is refused (so it lands in the DLQ) and its values are not logged', async () => {
  const detail = userSignedUp({ email: 'leak@example.com' });
  const broken = eventBridgeEvent('UserSignedUp', { ...detail, version: -1 });

  let failure: unknown;
  const lines = await logLines(() => audit(broken).catch((error) => (failure = error)));

  expect(String(failure)).toContain('invalid at: version');
  expect(lines).toEqual([expect.objectContaining({ level: 'ERROR', detailType: 'UserSignedUp' })]);
  expect(JSON.stringify(lines)).not.toContain('leak@example.com');
});

test('an event from another source is refused', async () => {
  let failure: unknown;
  await logLines(() =>
    audit(eventBridgeEvent('UserSignedUp', userSignedUp(), { source: 'someone.else' })).catch(
      (error) => (failure = error),
    ),
  );

  expect(String(failure)).toContain('does not come from Moneta');
});
