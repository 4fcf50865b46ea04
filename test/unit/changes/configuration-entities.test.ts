/**
 * The change feed covers rules, payees, saved payment methods, webhooks, attachments and captures
 * like every other entity: their stream records become events (the real mapping), delivered to
 * the feed's consumer twice and out of order, against a real DynamoDB (Local) holding the items.
 * Each entry shows the entity as its route does, less the fields docs/changes.md leaves out, and
 * never a webhook's signing secrets.
 */
import '../support/info-logs';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { EventBridgeEvent } from 'aws-lambda';
import { fromStreamRecord } from '../../../shared/app/from-stream';
import { coveredEntities, type FeedEntityType } from '../../../shared/changes/catalogue';
import { TABLE } from '../notifications/support/local-table';
import { eventBridgeEvent } from '../support/eventbridge-event';
import { insertOf, modifyOf, removeOf } from '../support/stream-records';
import {
  attachmentStored,
  captureStored,
  payeeStored,
  ruleStored,
  SEALED,
  savedMethodStored,
  webhookStored,
} from './support/configuration-items';

import { localFeed } from './support/local-feed';

jest.setTimeout(60_000);

const local = localFeed('config-user');
const { deliver, feed, signedUpUser } = local;

type Stored = Record<string, unknown> & { pk: string; sk: string };

/** The event the publisher makes of a stream record, as the consumer receives it. */
function eventOf(record: Parameters<typeof fromStreamRecord>[0]): EventBridgeEvent<string, unknown> {
  const mapped = fromStreamRecord(record);
  if (!mapped) throw new Error('the record is not an event');
  return eventBridgeEvent(mapped.detailType, mapped.detail);
}

const remove = ({ pk, sk }: Stored) => local.table.db.send(new DeleteCommand({ TableName: TABLE, Key: { pk, sk } }));
const unkeyed = ({ pk: _pk, sk: _sk, ...item }: Stored) => item;

describe.each([
  ['rule', (userId: string) => ruleStored(userId, 'rule-1'), ['position']],
  [
    'payee',
    (userId: string) => payeeStored(userId, 'payee-1', { transactionCount: 4 }),
    ['transactionCount', 'lastUsedAt'],
  ],
  ['paymentMethod', (userId: string) => savedMethodStored(userId, 'payee-1', 'pm_1'), []],
  ['webhook', (userId: string) => webhookStored(userId, 'hook-1'), ['consecutiveFailures']],
  ['attachment', (userId: string) => attachmentStored(userId, 'att-1'), ['download']],
  ['capture', (userId: string) => captureStored(userId, 'cap-1'), []],
] as const)('a %s', (type: FeedEntityType, build, omitted) => {
  test('created, delivered twice, is one entry showing it as its route does', async () => {
    const userId = await signedUpUser();
    const item = build(userId);
    await local.table.put(item);
    const created = eventOf(insertOf(item));
    await deliver(created);
    await deliver(created);
    const entries = await feed(userId);
    expect(entries.map((entry) => [entry.sequence, entry.entityType, entry.operation])).toEqual([[1, type, 'created']]);
    expect(entries[0]?.entity).toEqual(coveredEntities[type].view(unkeyed(item), '2026-04-10'));
    expect(entries[0]?.entity).toMatchObject({ id: expect.any(String) });
    for (const name of omitted) expect(entries[0]?.entity).not.toHaveProperty(name);
    expect(JSON.stringify(entries)).not.toContain(SEALED);
  });

  test('deleted, then its create delivered late and again: the last word is the tombstone', async () => {
    const userId = await signedUpUser();
    const item = build(userId);
    await local.table.put(item);
    await deliver(eventOf(insertOf(item)));
    await remove(item);
    const deleted = eventOf(removeOf(item));
    await deliver(deleted);
    await deliver(eventOf(insertOf(item)));
    await deliver(deleted);
    const entries = await feed(userId);
    expect(entries.map((entry) => [entry.sequence, entry.operation])).toEqual([
      [1, 'created'],
      [2, 'deleted'],
    ]);
    expect(entries[1]).not.toHaveProperty('entity');
  });
});

test('a rule edited before its create arrives: one entry, its latest state', async () => {
  const userId = await signedUpUser();
  const v1 = ruleStored(userId, 'rule-2');
  const v2 = ruleStored(userId, 'rule-2', {
    name: 'Coffee and cake',
    version: 2,
    updatedAt: '2026-04-11T09:00:00.000Z',
  });
  await local.table.put(v2);
  await deliver(eventOf(modifyOf(v1, v2)));
  await deliver(eventOf(insertOf(v1)));
  const entries = await feed(userId);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ operation: 'created', entity: { name: 'Coffee and cake', version: 2 } });
});

test("a webhook's rotation is an entry of its new version, without its secrets", async () => {
  const userId = await signedUpUser();
  const hook = webhookStored(userId, 'hook-2');
  const rotated = webhookStored(userId, 'hook-2', {
    secrets: [
      { sealed: `${SEALED}-new`, createdAt: '2026-04-11T09:00:00.000Z', retiresAt: null },
      ...(hook.secrets as []),
    ],
    version: 2,
    updatedAt: '2026-04-11T09:00:00.000Z',
  });
  await local.table.put(hook);
  await deliver(eventOf(insertOf(hook)));
  await local.table.put(rotated);
  await deliver(eventOf(modifyOf(hook, rotated)));
  const entries = await feed(userId);
  expect(entries.map((entry) => [entry.operation, entry.entity?.version])).toEqual([
    ['created', 1],
    ['updated', 2],
  ]);
  expect(JSON.stringify(entries)).not.toMatch(/sealed|secrets|v1\.k1\./);
});

test('a payee used by transactions meanwhile: the entry does not move with its count', async () => {
  const userId = await signedUpUser();
  const payee = payeeStored(userId, 'payee-3');
  await local.table.put(payee);
  const created = eventOf(insertOf(payee));
  await deliver(created);
  // Transactions count themselves on it (no event of the payee's); a redelivery finds the same view.
  await local.table.put({ ...payee, transactionCount: 7, lastUsedAt: '2026-04-12T09:00:00.000Z' });
  await deliver(created);
  expect((await feed(userId)).map((entry) => entry.operation)).toEqual(['created']);
});
