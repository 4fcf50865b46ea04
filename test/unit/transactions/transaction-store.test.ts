/**
 * Contention handling of the write side. DynamoDB Local serializes transactions, so it never
 * answers TransactionConflict; real DynamoDB does when two writes hold the same account item. These
 * tests give the store DynamoDB's real cancellation shapes through aws-sdk-client-mock.
 */
import { type AttributeValue, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { asProblem } from '../../../shared/kit/http/problems';
import { planCreate } from '../../../shared/transactions/plan';
import { createTransactionBody } from '../../../shared/transactions/schemas';
import { createTransactionStore } from '../../../shared/transactions/store';
import { accountFixture, categoryFixture } from './support/ledger-fixtures';

const db = mockClient(DynamoDBDocumentClient);
beforeEach(() => db.reset());

const store = createTransactionStore({ db: db as unknown as DynamoDBDocumentClient, tableName: 'moneta-test' });
const { item, deltas } = planCreate(
  createTransactionBody().parse({
    kind: 'expense',
    accountId: 'acc-eur',
    money: { amount: 100, currency: 'EUR' },
    categoryId: 'groceries',
  }),
  {
    userId: 'user-1',
    transactionId: 'TX1',
    now: '2026-01-05T10:00:00.000Z',
    date: '2026-01-05',
    account: accountFixture(),
    category: categoryFixture(),
    homeCurrency: 'EUR',
    rates: undefined,
    largeFrom: 100_000,
  },
);
const change = { created: [item], deltas, now: item.createdAt };

const cancelled = (codes: string[], item?: Record<string, AttributeValue>) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({
      Code,
      ...(item && Code === 'ConditionalCheckFailed' ? { Item: item } : {}),
    })),
  });

test('a write that lost a race for the account item is retried until it lands, each attempt with its own token', async () => {
  db.on(TransactWriteCommand)
    .rejectsOnce(cancelled(['None', 'TransactionConflict', 'None']))
    .rejectsOnce(cancelled(['None', 'TransactionConflict', 'None']))
    .resolves({});

  await store.apply('user-1', change);

  const calls = db.commandCalls(TransactWriteCommand).map((call) => call.args[0].input);
  expect(calls).toHaveLength(3);
  expect(new Set(calls.map((input) => input.ClientRequestToken)).size).toBe(3);
  // Every attempt is the whole transaction: transaction, account, category.
  for (const input of calls) expect(input.TransactItems).toHaveLength(3);
});

test('a refused condition is not contention: no retry, and it answers with its meaning', async () => {
  db.on(TransactWriteCommand).rejects(
    cancelled(['None', 'ConditionalCheckFailed', 'None'], { archived: { BOOL: true } }),
  );

  // The store throws a domain error; the API answers with its problem (one table).
  await expect(store.apply('user-1', change).catch(asProblem)).resolves.toMatchObject({
    status: 409,
    slug: 'account-archived',
  });
  expect(db.commandCalls(TransactWriteCommand)).toHaveLength(1);
});

test('an account that does not exist is a 404, and an ADD can never create half an account', async () => {
  db.on(TransactWriteCommand).rejects(cancelled(['None', 'ConditionalCheckFailed', 'None']));

  await expect(store.apply('user-1', change).catch(asProblem)).resolves.toMatchObject({ status: 404 });
  const [input] = db.commandCalls(TransactWriteCommand).map((call) => call.args[0].input);
  expect(input?.TransactItems?.[1]?.Update).toMatchObject({
    Key: { pk: 'USER#user-1', sk: 'ACCOUNT#acc-eur' },
    // A new entry is pending: the pending part of the balance moves with it.
    UpdateExpression: 'ADD #balance :balance, #transactionCount :count, #pendingBalance :pending',
    ConditionExpression: 'attribute_exists(pk) AND #archived = :false AND #balance >= :roomLimit',
    ExpressionAttributeValues: { ':balance': -100, ':count': 1, ':false': false },
  });
});

test('gives up after bounded retries when contention persists', async () => {
  db.on(TransactWriteCommand).rejects(cancelled(['TransactionConflict']));
  await expect(store.apply('user-1', change)).rejects.toBeInstanceOf(TransactionCanceledException);
  expect(db.commandCalls(TransactWriteCommand)).toHaveLength(10);
}, 20_000);
