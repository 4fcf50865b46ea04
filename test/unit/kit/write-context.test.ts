/**
 * The write stamp (shared/kit/dynamodb/write-context.ts) against a real DynamoDB (Local): every
 * Put, Update and transaction the document client sends inside a context carries who wrote and
 * for which request, and an item about to be deleted is stamped first.
 */
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type LocalDynamoDb, startLocalDynamoDb, TABLE } from '../support/local-dynamodb';

jest.setTimeout(60_000);

let local: LocalDynamoDb;
let db: DynamoDBDocumentClient;
let withWriteContext: typeof import('../../../shared/kit/dynamodb/write-context').withWriteContext;

beforeAll(async () => {
  local = await startLocalDynamoDb();
  // After the endpoint is set: the document client is built from the environment.
  ({ withWriteContext } = await import('../../../shared/kit/dynamodb/write-context'));
  db = (await import('../../../shared/kit/aws/document-client')).documentClient();
});

afterAll(() => local.stop());

const key = (sk: string) => ({ pk: 'USER#stamp-user', sk });
const read = async (sk: string) =>
  (await local.db.send(new GetCommand({ TableName: TABLE, Key: key(sk), ConsistentRead: true }))).Item;
const asUser = <T>(work: () => Promise<T>) => withWriteContext({ actor: 'user', correlationId: 'req-42' }, work);

test('a Put is stamped with the actor and the correlation id', async () => {
  await asUser(() => db.send(new PutCommand({ TableName: TABLE, Item: { ...key('A#put'), name: 'x' } })));
  expect(await read('A#put')).toMatchObject({
    name: 'x',
    updatedBy: 'user',
    correlationId: 'req-42',
    stampedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*\.\d{3}Z$/),
  });
});

test('an Update is stamped, with or without a SET clause of its own', async () => {
  await local.put({ ...key('A#update'), name: 'x', count: 0 });
  await withWriteContext({ actor: 'budget-evaluator', correlationId: 'req-7' }, async () => {
    await db.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: key('A#update'),
        UpdateExpression: 'SET #name = :name ADD #count :one',
        ExpressionAttributeNames: { '#name': 'name', '#count': 'count' },
        ExpressionAttributeValues: { ':name': 'y', ':one': 1 },
      }),
    );
  });
  expect(await read('A#update')).toMatchObject({ name: 'y', count: 1, updatedBy: 'budget-evaluator' });

  await asUser(() =>
    db.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: key('A#update'),
        UpdateExpression: 'ADD #count :one',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':one': 1 },
      }),
    ),
  );
  expect(await read('A#update')).toMatchObject({ count: 2, updatedBy: 'user', correlationId: 'req-42' });
});

test("a transaction's Puts and Updates are stamped", async () => {
  await local.put({ ...key('A#txn-update'), count: 0 });
  await asUser(() =>
    db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: TABLE, Item: { ...key('A#txn-put') } } },
          {
            Update: {
              TableName: TABLE,
              Key: key('A#txn-update'),
              UpdateExpression: 'ADD #count :one',
              ExpressionAttributeNames: { '#count': 'count' },
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
        ],
      }),
    ),
  );
  expect(await read('A#txn-put')).toMatchObject({ updatedBy: 'user', correlationId: 'req-42' });
  expect(await read('A#txn-update')).toMatchObject({ count: 1, updatedBy: 'user', correlationId: 'req-42' });
});

test('an item is stamped by whoever deletes it, before the deletion; a missing one is not recreated', async () => {
  await local.put({ ...key('A#kept'), version: 3, updatedBy: 'user', correlationId: 'req-old' });
  // A refused deletion shows the stamp that went before it.
  await expect(
    withWriteContext({ actor: 'ledger-cleaner', correlationId: 'req-9' }, () =>
      db.send(
        new DeleteCommand({
          TableName: TABLE,
          Key: key('A#kept'),
          ConditionExpression: '#version = :two',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':two': 2 },
        }),
      ),
    ),
  ).rejects.toThrow();
  expect(await read('A#kept')).toMatchObject({ version: 3, updatedBy: 'ledger-cleaner', correlationId: 'req-9' });

  await asUser(() => db.send(new DeleteCommand({ TableName: TABLE, Key: key('A#never') })));
  await asUser(() =>
    db.send(new TransactWriteCommand({ TransactItems: [{ Delete: { TableName: TABLE, Key: key('A#never-2') } }] })),
  );
  expect(await read('A#never')).toBeUndefined();
  expect(await read('A#never-2')).toBeUndefined();
});

test('outside a context nothing is stamped, and a writer that sets the attributes itself keeps them', async () => {
  await db.send(new PutCommand({ TableName: TABLE, Item: { ...key('A#bare') } }));
  expect(await read('A#bare')).not.toHaveProperty('updatedBy');

  await asUser(() =>
    db.send(new PutCommand({ TableName: TABLE, Item: { ...key('A#own'), updatedBy: 'eraser', correlationId: 'c' } })),
  );
  expect(await read('A#own')).toMatchObject({ updatedBy: 'eraser', correlationId: 'c' });
});
