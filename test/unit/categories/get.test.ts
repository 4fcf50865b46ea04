import { DynamoDBDocumentClient, GetCommand, type GetCommandInput } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { handler as getCategory } from '../../../functions/api/categories/get';
import { storedCategory } from '../accounts/support';
import { call } from '../support/api';
import { givenProfiles } from '../support/signed-up';

const db = mockClient(DynamoDBDocumentClient);

const table = [
  storedCategory('user-1', { categoryId: 'groceries', parentId: 'food', version: 3 }),
  storedCategory('user-1', { categoryId: 'old-hobby', archived: true }),
  storedCategory('user-2', { categoryId: 'secret' }),
];

beforeEach(() => {
  db.reset();
  db.on(GetCommand).callsFake((input: GetCommandInput) => ({
    Item: table.find((c) => c.pk === input.Key?.pk && c.sk === input.Key?.sk),
  }));
  givenProfiles(db, 'user-1', 'user-2');
});

const get = (id: string, sub = 'user-1', query?: Record<string, string>) =>
  call(getCategory, {
    method: 'GET',
    path: `/v1/categories/${id}`,
    pathParameters: { id },
    claims: { sub },
    ...(query ? { queryStringParameters: query } : {}),
  });

test("reads one of the caller's categories with its version as ETag", async () => {
  const response = await get('groceries');
  expect(response.status).toBe(200);
  expect(response.headers.etag).toBe('"3"');
  expect(response.body).toEqual({
    id: 'groceries',
    name: 'groceries',
    kind: 'expense',
    parentId: 'food',
    transactionCount: 0,
    archived: false,
    createdAt: '2026-01-01T09:00:00.000Z',
    updatedAt: '2026-01-01T09:00:00.000Z',
    version: 3,
  });
});

test('an archived category is still readable: transactions may name it', async () => {
  const response = await get('old-hobby');
  expect(response.status).toBe(200);
  expect(response.body.archived).toBe(true);
});

test("another user's category is a 404, the same as one that does not exist", async () => {
  const theirs = await get('secret');
  const missing = await get('no-such-category');
  expect(theirs.status).toBe(404);
  expect(theirs.headers['content-type']).toBe('application/problem+json');
  expect({ ...theirs.body, instance: undefined, correlationId: undefined }).toEqual({
    ...missing.body,
    instance: undefined,
    correlationId: undefined,
  });
  // The read used the caller's partition, never the id's owner.
  const reads = db.commandCalls(GetCommand).map((c) => c.args[0].input.Key?.pk);
  expect(reads.every((pk) => pk === 'USER#user-1')).toBe(true);
});

test('a malformed id or an unknown query parameter is a 400 naming it, with no read of the category', async () => {
  const badId = await get('a#b');
  expect(badId.status).toBe(400);
  expect(badId.body.errors).toEqual([expect.objectContaining({ in: 'path', field: 'id' })]);
  const badQuery = await get('groceries', 'user-1', { include: 'all' });
  expect(badQuery.status).toBe(400);
  expect(badQuery.body.errors).toEqual([expect.objectContaining({ in: 'query', field: 'include' })]);
  const categoryReads = db.commandCalls(GetCommand).filter((c) => c.args[0].input.Key?.sk !== 'PROFILE');
  expect(categoryReads).toHaveLength(0);
});
