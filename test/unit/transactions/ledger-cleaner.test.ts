import {
  DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { acceptedDetailTypes, handler } from '../../../functions/events/ledger-cleaner';
import { rules } from '../../../lib/catalog/rules';
import type { EventDetail } from '../../../shared/app/events';
import { cancelled, storedAccount, storedCategory } from '../accounts/support';
import { eventBridgeEvent, lambdaContext } from '../support/eventbridge-event';

const db = mockClient(DynamoDBDocumentClient);
const ACCOUNT = '01JNM0000000000000000000AA';
const OTHER = '01JNM0000000000000000000BB';

type Item = Record<string, unknown> & { pk: string; sk: string };
let table: Item[];
const find = (key: { pk: string; sk: string }) => table.find((item) => item.pk === key.pk && item.sk === key.sk);

function txn(userId: string, id: string, accountId: string, extra: Partial<Item> = {}): Item {
  return {
    pk: `USER#${userId}`,
    sk: `TXN#${id}`,
    type: 'TRANSACTION',
    transactionId: id,
    accountId,
    categoryId: null,
    externalId: null,
    gsi2pk: `USER#${userId}#ACCOUNT#${accountId}`,
    gsi2sk: `2026-01-0${id.length}#${id}`,
    ...extra,
  };
}

/** The gsi2 index, two items a page so that paging is exercised. */
function query(input: QueryCommandInput) {
  expect(input.IndexName).toBe('gsi2');
  const start = (input.ExclusiveStartKey as { gsi2sk: string } | undefined)?.gsi2sk ?? '';
  const all = table
    .filter((item) => item.gsi2pk === input.ExpressionAttributeValues?.[':gsi2pk'] && String(item.gsi2sk) > start)
    .sort((a, b) => String(a.gsi2sk).localeCompare(String(b.gsi2sk)));
  const page = all.slice(0, 2);
  const last = page.at(-1);
  return {
    Items: page.map(({ transactionId, accountId, categoryId, externalId }) => ({
      transactionId,
      accountId,
      categoryId,
      externalId,
    })),
    ...(all.length > 2 && last
      ? { LastEvaluatedKey: { pk: last.pk, sk: last.sk, gsi2pk: last.gsi2pk, gsi2sk: last.gsi2sk } }
      : {}),
  };
}

/** All or nothing, with the conditions the cleaner writes evaluated as DynamoDB would. */
function transactWrite(input: TransactWriteCommandInput) {
  const items = input.TransactItems ?? [];
  const reasons = items.map((entry) => {
    if (entry.Delete?.ConditionExpression) {
      const existing = find(entry.Delete.Key as Item);
      const accountId = entry.Delete.ExpressionAttributeValues?.[':accountId'];
      return existing && existing.accountId === accountId ? 'None' : ({ Code: 'ConditionalCheckFailed' } as const);
    }
    if (entry.Update?.ConditionExpression) {
      return find(entry.Update.Key as Item) ? 'None' : ({ Code: 'ConditionalCheckFailed' } as const);
    }
    return 'None';
  });
  if (reasons.some((reason) => reason !== 'None')) throw cancelled(reasons);
  for (const entry of items) {
    if (entry.Delete) {
      const key = entry.Delete.Key as Item;
      table = table.filter((item) => !(item.pk === key.pk && item.sk === key.sk));
    }
    if (entry.Update) {
      expect(entry.Update.UpdateExpression).toBe('ADD #transactionCount :minusOne');
      const category = find(entry.Update.Key as Item);
      if (category) category.transactionCount = Number(category.transactionCount) - 1;
    }
  }
  return {};
}

beforeEach(() => {
  db.reset();
  table = [
    storedAccount('user-1', { accountId: OTHER }),
    storedCategory('user-1', { categoryId: 'groceries', transactionCount: 3 }),
    storedCategory('user-1', { categoryId: 'rent', transactionCount: 1 }),
    txn('user-1', 'T1', ACCOUNT, { categoryId: 'groceries', externalId: 'bank-1' }),
    txn('user-1', 'T2', ACCOUNT, { categoryId: 'groceries' }),
    txn('user-1', 'T3', ACCOUNT, { categoryId: 'rent' }),
    txn('user-1', 'T4', ACCOUNT),
    txn('user-1', 'T5', ACCOUNT, { transferId: 'X1', counterpartAccountId: OTHER }),
    txn('user-1', 'T6', OTHER, { categoryId: 'groceries', transferId: 'X1', counterpartAccountId: ACCOUNT }),
    { pk: 'USER#user-1', sk: 'EXTID#bank-1', transactionId: 'T1' },
    txn('user-2', 'T1', ACCOUNT),
  ];
  db.on(QueryCommand).callsFake(query);
  db.on(TransactWriteCommand).callsFake(transactWrite);
});

function accountDeleted(sourceEventId = 'stream-event-7'): EventDetail<'AccountDeleted'> {
  const {
    pk: _pk,
    sk: _sk,
    ...previous
  } = storedAccount('user-1', { accountId: ACCOUNT, archived: true, transactionCount: 5 });
  return { sourceEventId, userId: 'user-1', id: ACCOUNT, version: 4, occurredAt: '2026-03-01T10:00:00.000Z', previous };
}
const clean = (detail = accountDeleted()) =>
  handler(eventBridgeEvent('AccountDeleted', detail), lambdaContext('ledger-cleaner'));
const ids = (userId: string) =>
  table.filter((item) => item.pk === `USER#${userId}` && item.sk.startsWith('TXN#')).map((item) => item.transactionId);
const count = (categoryId: string) => find({ pk: 'USER#user-1', sk: `CATEGORY#${categoryId}` })?.transactionCount;

test('only a deleted account sets the cleaner off: its rule routes AccountDeleted', () => {
  const rule = rules.find((candidate) => candidate.target === 'ledger-cleaner');
  expect(rule?.detailTypes).toEqual(['AccountDeleted']);
  expect(acceptedDetailTypes).toEqual(['AccountDeleted']);
});

test('deletes every transaction of the deleted account, their category counts and external-id claims', async () => {
  await clean();

  expect(ids('user-1')).toEqual(['T6']);
  expect(count('groceries')).toBe(1);
  expect(count('rent')).toBe(0);
  expect(find({ pk: 'USER#user-1', sk: 'EXTID#bank-1' })).toBeUndefined();
  // Another user's data with the same ids is untouched.
  expect(ids('user-2')).toEqual(['T1']);
  for (const call of db.commandCalls(TransactWriteCommand)) {
    expect(call.args[0].input.TransactItems?.[0]?.Delete).toMatchObject({
      ConditionExpression: 'attribute_exists(#pk) AND #accountId = :accountId',
      ExpressionAttributeValues: { ':accountId': ACCOUNT },
    });
  }
});

test('a second delivery of the same event changes nothing', async () => {
  await clean();
  const after = structuredClone(table);

  await clean();
  await clean(accountDeleted('stream-event-7-redelivered'));

  expect(table).toEqual(after);
});

test('a transaction moved to another account meanwhile is not deleted', async () => {
  // The index still lists T2 under the deleted account, but the item itself moved.
  const moved = find({ pk: 'USER#user-1', sk: 'TXN#T2' });
  if (moved) moved.accountId = OTHER;

  await clean();

  expect(ids('user-1')).toEqual(['T2', 'T6']);
  expect(count('groceries')).toBe(2);
});

test('a transaction whose category is gone is still deleted, without recreating the category', async () => {
  table = table.filter((item) => item.sk !== 'CATEGORY#rent');

  await clean();

  expect(ids('user-1')).toEqual(['T6']);
  expect(find({ pk: 'USER#user-1', sk: 'CATEGORY#rent' })).toBeUndefined();
});

test('an account without transactions needs no write at all', async () => {
  table = table.filter((item) => item.accountId !== ACCOUNT);

  await clean();

  expect(db.commandCalls(TransactWriteCommand)).toHaveLength(0);
});

test('any other DynamoDB failure fails the invocation, so the event is retried', async () => {
  db.on(TransactWriteCommand).rejects(new Error('ProvisionedThroughputExceededException'));

  await expect(clean()).rejects.toThrow('ProvisionedThroughputExceededException');
});

test('an event that is not an AccountDeleted is refused', async () => {
  await expect(
    handler(eventBridgeEvent('AccountUpdated', accountDeleted()), lambdaContext('ledger-cleaner')),
  ).rejects.toThrow(/does not handle AccountUpdated/);
  expect(db.calls()).toHaveLength(0);
});
