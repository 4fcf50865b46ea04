import { DynamoDBDocumentClient, GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { handler as getAccount } from '../../../functions/api/accounts/get';
import { handler as listAccounts } from '../../../functions/api/accounts/list';
import { encodeCursor } from '../../../shared/kit/http/cursor';
import { call, fieldsOf } from '../support/api';
import { givenProfiles, handlerCalls, handlerGets } from '../support/signed-up';
import { storedAccount } from './support';

const db = mockClient(DynamoDBDocumentClient);
beforeEach(() => {
  db.reset();
  givenProfiles(db, 'user-1', 'user-2', 'intruder');
});

const get = (id: string, sub = 'user-1') =>
  call(getAccount, { path: `/v1/accounts/${id}`, pathParameters: { id }, claims: { sub } });
const list = (query: Record<string, string> = {}, sub = 'user-1') =>
  call(listAccounts, { path: '/v1/accounts', queryStringParameters: query, claims: { sub } });

describe('GET /v1/accounts/{id}', () => {
  test('returns the account with its balance as money and its version as ETag', async () => {
    const account = storedAccount('user-1', { currency: 'JPY', balance: -1500 });
    db.on(GetCommand, { Key: { sk: `ACCOUNT#${account.accountId}` } }).resolves({ Item: account });

    const response = await get(account.accountId);

    expect(response.status).toBe(200);
    expect(response.headers.etag).toBe('"3"');
    expect(response.body).toMatchObject({
      id: account.accountId,
      currency: 'JPY',
      balance: { amount: -1500, currency: 'JPY' },
      transactionCount: 2,
    });
    expect(handlerGets(db)).toEqual([
      {
        TableName: 'moneta-test',
        Key: { pk: 'USER#user-1', sk: `ACCOUNT#${account.accountId}` },
        ConsistentRead: true,
      },
    ]);
  });

  test("another user's account id is looked up in the caller's own partition and answers 404", async () => {
    db.on(GetCommand, { Key: { sk: 'ACCOUNT#01JNM0000000000000000000AA' } }).resolves({});

    const response = await get('01JNM0000000000000000000AA', 'intruder');

    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(handlerGets(db).map((input) => input.Key)).toEqual([
      { pk: 'USER#intruder', sk: 'ACCOUNT#01JNM0000000000000000000AA' },
    ]);
  });

  test('an id with a key separator is refused with 400 naming it, before any read', async () => {
    const response = await get('A#PROFILE');

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(['id']);
    expect(db.calls()).toHaveLength(0);
  });
});

describe('GET /v1/accounts', () => {
  /** A partition of accounts, read the way DynamoDB would with Limit, ExclusiveStartKey and the filter. */
  function serve(accounts: ReturnType<typeof storedAccount>[]) {
    db.on(QueryCommand).callsFake((input: QueryCommandInput) => {
      const start = (input.ExclusiveStartKey as { sk: string } | undefined)?.sk ?? '';
      const evaluated = accounts
        .filter((a) => a.pk === input.ExpressionAttributeValues?.[':pk'] && a.sk > start)
        .sort((a, b) => a.sk.localeCompare(b.sk));
      const read = evaluated.slice(0, input.Limit);
      const kept = input.FilterExpression ? read.filter((a) => !a.archived) : read;
      const last = read.at(-1);
      return {
        Items: kept,
        ...(evaluated.length > read.length && last ? { LastEvaluatedKey: { pk: last.pk, sk: last.sk } } : {}),
      };
    });
  }
  const account = (n: number, archived = false) =>
    storedAccount('user-1', { accountId: `01JNM00000000000000000000${n}`, name: `Account ${n}`, archived });

  test('lists the active accounts by default, reading only ACCOUNT# items of the caller', async () => {
    serve([account(1), account(2, true), account(3)]);

    const response = await list();

    expect(response.status).toBe(200);
    expect(response.body.items.map((a: { name: string }) => a.name)).toEqual(['Account 1', 'Account 3']);
    expect(response.body.nextCursor).toBeNull();
    expect(db.commandCalls(QueryCommand)[0]?.args[0].input).toMatchObject({
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeValues: { ':pk': 'USER#user-1', ':prefix': 'ACCOUNT#', ':false': false },
      FilterExpression: '#archived = :false',
      Limit: 50,
    });
  });

  test('includeArchived=true lists archived accounts too', async () => {
    serve([account(1), account(2, true)]);

    const response = await list({ includeArchived: 'true' });

    expect(response.body.items.map((a: { archived: boolean }) => a.archived)).toEqual([false, true]);
    expect(db.commandCalls(QueryCommand)[0]?.args[0].input.FilterExpression).toBeUndefined();
  });

  test('pages with a cursor until every account was seen exactly once', async () => {
    serve([1, 2, 3, 4, 5].map((n) => account(n)));

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const response = await list({ limit: '2', ...(cursor ? { cursor } : {}) });
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...response.body.items.map((a: { name: string }) => a.name));
      cursor = response.body.nextCursor ?? undefined;
    } while (cursor);

    expect(seen).toEqual(['Account 1', 'Account 2', 'Account 3', 'Account 4', 'Account 5']);
  });

  test('reads on past archived accounts to fill the page', async () => {
    serve([account(1, true), account(2, true), account(3), account(4, true), account(5)]);

    const response = await list({ limit: '2' });

    expect(response.body.items.map((a: { name: string }) => a.name)).toEqual(['Account 3', 'Account 5']);
    expect(db.commandCalls(QueryCommand).length).toBeGreaterThan(1);
  });

  test('stops after 10 queries and returns a cursor to continue from', async () => {
    serve([...Array.from({ length: 30 }, (_, n) => account(n + 10, true)), account(99)]);

    const first = await list({ limit: '1' });

    expect(first.body.items).toEqual([]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(db.commandCalls(QueryCommand)).toHaveLength(10);
    const rest = await list({ limit: '1', cursor: first.body.nextCursor });
    expect(rest.status).toBe(200);
  });

  test("another user's cursor is refused with 400 naming cursor", async () => {
    const response = await list({ cursor: encodeCursor('someone-else', 'ACCOUNT#01JNM000000000000000000001') });

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(['cursor']);
    expect(handlerCalls(db)).toHaveLength(0);
  });

  test('a cursor of another list (not an account position) is refused with 400 naming cursor', async () => {
    const response = await list({ cursor: encodeCursor('user-1', 'PAYEE#acme') });

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(['cursor']);
    expect(handlerCalls(db)).toHaveLength(0);
  });

  test.each([
    [{ includeArchived: 'yes' }, 'includeArchived'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '201' }, 'limit'],
    [{ limit: '2.5' }, 'limit'],
    [{ sort: 'name' }, 'sort'],
  ])('refuses the query %j with 400 naming %s', async (query, field) => {
    const response = await list(query);

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toContain(field);
    expect(db.calls()).toHaveLength(0);
  });

  test('refuses a cursor that does not decode with 400 naming cursor, reading no account', async () => {
    const response = await list({ cursor: 'not-a-cursor' });

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(['cursor']);
    expect(handlerCalls(db)).toHaveLength(0);
  });
});
