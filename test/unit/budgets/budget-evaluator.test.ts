/**
 * The budget evaluator's handler with aws-sdk-client-mock: which events it takes, what it reads and
 * writes for one of them, and that a second delivery writes nothing. The counting itself is proven
 * against DynamoDB Local in ./evaluator-dynamodb.test.ts.
 */
import {
  DynamoDBDocumentClient,
  GetCommand,
  type GetCommandInput,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { acceptedDetailTypes, handler } from '../../../functions/events/budget-evaluator';
import { rules } from '../../../lib/catalog/rules';
import { eventBridgeEvent, lambdaContext } from '../support/eventbridge-event';
import { budgetFixture, events, txn } from './support/budget-fixtures';

const db = mockClient(DynamoDBDocumentClient);
beforeEach(() => db.reset());

const USER = 'user-1';
const budget = { pk: `USER#${USER}`, sk: 'BUDGET#budget-1', ...budgetFixture({ categoryIds: ['groceries'] }) };
const deliver = (event: ReturnType<typeof events.created>) =>
  handler(eventBridgeEvent(event.detailType, event.detail as never), lambdaContext('budget-evaluator'));

const expense = txn({ transactionId: 'T1', homeAmount: -1250, date: '2026-03-10' });

function table(items: Record<string, unknown>[]) {
  db.on(QueryCommand).callsFake((input) =>
    Promise.resolve({
      Items: items.filter((item) => String(item.sk).startsWith(String(input.ExpressionAttributeValues?.[':prefix']))),
    }),
  );
  db.on(GetCommand).callsFake((input: GetCommandInput) =>
    Promise.resolve({ Item: items.find((item) => item.sk === input.Key?.sk) }),
  );
}

test('takes exactly the detail types of its rule', () => {
  expect([...acceptedDetailTypes].sort()).toEqual(
    ['BudgetCreated', 'BudgetUpdated', 'TransactionCreated', 'TransactionDeleted', 'TransactionUpdated'].sort(),
  );
  const rule = rules.find((r) => r.id === 'evaluate-budgets');
  expect(rule?.target).toBe('budget-evaluator');
  expect(rule && [...rule.detailTypes].sort()).toEqual(
    ['BudgetCreated', 'BudgetUpdated', 'TransactionCreated', 'TransactionDeleted', 'TransactionUpdated'].sort(),
  );
});

test('refuses an event it does not handle, touching nothing', async () => {
  await expect(
    handler(eventBridgeEvent('AccountDeleted', { userId: USER }), lambdaContext('budget-evaluator')),
  ).rejects.toThrow('does not handle AccountDeleted');
  expect(db.calls()).toHaveLength(0);
});

test('a transfer never counts: no read, no write', async () => {
  table([budget]);
  await deliver(events.created(USER, txn({ transactionId: 'T2', kind: 'transfer', categoryId: null })));
  expect(db.calls()).toHaveLength(0);
});

test('with no budget, one Query and no write', async () => {
  table([]);
  await deliver(events.created(USER, expense));
  expect(db.commandCalls(QueryCommand)).toHaveLength(1);
  expect(db.commandCalls(QueryCommand)[0]?.args[0].input).toMatchObject({
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
    ExpressionAttributeValues: { ':pk': `USER#${USER}`, ':prefix': 'BUDGET#' },
    ConsistentRead: true,
  });
  expect(db.commandCalls(TransactWriteCommand)).toHaveLength(0);
});

test('a covered expense is applied in one transaction: pinned applied state, counter ADD, budget check', async () => {
  table([budget]);
  db.on(TransactWriteCommand).resolves({});
  await deliver(events.created(USER, expense));

  const [write] = db.commandCalls(TransactWriteCommand).map((call) => call.args[0].input);
  expect(write?.TransactItems).toEqual([
    {
      Put: expect.objectContaining({
        Item: expect.objectContaining({
          pk: `USER#${USER}`,
          sk: 'BAPPLIED#budget-1#T1',
          type: 'BUDGET_APPLIED',
          version: 1,
          budgetVersion: 1,
          deleted: false,
          periodId: '2026-03',
          amount: 1250,
        }),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    },
    {
      Update: expect.objectContaining({
        Key: { pk: `USER#${USER}`, sk: 'BPERIOD#budget-1#2026-03' },
        UpdateExpression: expect.stringMatching(/^ADD #spent :spent, #transactionCount :count SET /),
        ExpressionAttributeValues: expect.objectContaining({ ':spent': 1250, ':count': 1 }),
      }),
    },
    {
      ConditionCheck: expect.objectContaining({
        Key: { pk: `USER#${USER}`, sk: 'BUDGET#budget-1' },
        ConditionExpression: '#version = :budgetVersion',
        ExpressionAttributeValues: { ':budgetVersion': 1 },
      }),
    },
  ]);
  // The applied state is read strongly consistent before anything is planned.
  const reads = db.commandCalls(GetCommand).map((call) => call.args[0].input);
  expect(reads[0]).toMatchObject({ Key: { sk: 'BAPPLIED#budget-1#T1' }, ConsistentRead: true });
});

test('a second delivery finds the version applied: no write, but the thresholds are checked again', async () => {
  table([
    budget,
    {
      pk: `USER#${USER}`,
      sk: 'BAPPLIED#budget-1#T1',
      type: 'BUDGET_APPLIED',
      budgetId: 'budget-1',
      transactionId: 'T1',
      version: 1,
      budgetVersion: 1,
      deleted: false,
      periodId: '2026-03',
      amount: 1250,
    },
    { pk: `USER#${USER}`, sk: 'BPERIOD#budget-1#2026-03', periodId: '2026-03', spent: 1250, transactionCount: 1 },
  ]);
  await deliver(events.created(USER, expense));
  expect(db.commandCalls(TransactWriteCommand)).toHaveLength(0);
  expect(db.commandCalls(GetCommand).map((call) => call.args[0].input.Key?.sk)).toContain('BPERIOD#budget-1#2026-03');
});
