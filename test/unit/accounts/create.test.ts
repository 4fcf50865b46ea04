import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../functions/api/accounts/create';
import { requestHash } from '../../../shared/kit/http/idempotency';
import { call, describeBodyContract, fieldsOf } from '../support/api';
import { givenProfiles } from '../support/signed-up';
import { cancelled, NOW } from './support';

const db = mockClient(DynamoDBDocumentClient);
beforeEach(() => {
  db.reset();
  givenProfiles(db, 'user-1');
  jest.useFakeTimers({ now: new Date(NOW), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout'] });
});
afterEach(() => jest.useRealTimers());

const body = { name: 'Main account', kind: 'checking', currency: 'EUR' };
const create = (input: unknown, headers: Record<string, string> = {}, sub = 'user-1') =>
  call(handler, { method: 'POST', path: '/v1/accounts', body: input, headers, claims: { sub } });
/** The GetItem of the Idempotency-Key's record. */
const idempotencyRecord = { Key: { pk: 'USER#user-1', sk: 'IDEMPOTENCY#create-account#retry-1' } };
const transactions = () => db.commandCalls(TransactWriteCommand).map((c) => c.args[0].input.TransactItems ?? []);

describe('POST /v1/accounts', () => {
  test('opens an empty account in the caller partition and answers 201 with view, ETag and Location', async () => {
    db.on(TransactWriteCommand).resolves({});

    const response = await create({ ...body, name: '  Main account ' });

    expect(response.status).toBe(201);
    const id = response.body.id as string;
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(`/v1/accounts/${id}`);
    expect(response.body).toEqual({
      id,
      name: 'Main account',
      kind: 'checking',
      currency: 'EUR',
      balance: { amount: 0, currency: 'EUR' },
      clearedBalance: { amount: 0, currency: 'EUR' },
      reconciledBalance: { amount: 0, currency: 'EUR' },
      transactionCount: 0,
      archived: false,
      hints: { lastDigits: [] },
      createdAt: NOW,
      updatedAt: NOW,
      version: 1,
    });
    expect(transactions()).toEqual([
      [
        {
          Put: expect.objectContaining({
            TableName: 'moneta-test',
            Item: expect.objectContaining({ pk: 'USER#user-1', sk: `ACCOUNT#${id}`, type: 'ACCOUNT', balance: 0 }),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        },
      ],
    ]);
  });

  test('stores the last-digit hints bank messages identify the account by, each once', async () => {
    db.on(TransactWriteCommand).resolves({});

    const response = await create({ ...body, hints: { lastDigits: ['1234', '56', '1234'] } });

    expect(response.status).toBe(201);
    expect(response.body.hints).toEqual({ lastDigits: ['1234', '56'] });
    expect(transactions()[0]?.[0]?.Put?.Item?.hints).toEqual({ lastDigits: ['1234', '56'] });
  });

  test.each([
    [{ lastDigits: ['1'] }, 'hints.lastDigits.0'],
    [{ lastDigits: ['1234567'] }, 'hints.lastDigits.0'],
    [{ lastDigits: ['12a4'] }, 'hints.lastDigits.0'],
    [{ lastDigits: Array.from({ length: 11 }, (_, i) => `${1000 + i}`) }, 'hints.lastDigits'],
    [{ lastDigits: ['1234'], iban: 'x' }, 'hints.iban'],
  ])('refuses hints %j naming %s, writing nothing', async (hints, field) => {
    const response = await create({ ...body, hints });

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toContain(field);
    expect(transactions()).toEqual([]);
  });

  test('two accounts get two different ids, in creation order', async () => {
    db.on(TransactWriteCommand).resolves({});

    const first = await create(body);
    const second = await create(body);

    expect(first.body.id < second.body.id).toBe(true);
  });

  test('with an Idempotency-Key, the key record is written in the same transaction as the account', async () => {
    db.on(GetCommand, idempotencyRecord).resolves({});
    db.on(TransactWriteCommand).resolves({});

    const response = await create(body, { 'Idempotency-Key': 'retry-1' });

    expect(response.status).toBe(201);
    const [items] = transactions();
    expect(items).toHaveLength(2);
    expect(items?.[1]?.Put).toMatchObject({
      Item: {
        pk: 'USER#user-1',
        sk: 'IDEMPOTENCY#create-account#retry-1',
        requestHash: requestHash(body),
        response: { status: 201, body: response.body },
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  test('a retry with the same key and body returns the first response and writes nothing', async () => {
    const first = { status: 201, body: { id: 'FIRST', name: 'Main account' }, headers: { etag: '"1"' } };
    db.on(GetCommand, idempotencyRecord).resolves({
      Item: { requestHash: requestHash(body), response: first, expiresAt: Date.parse(NOW) / 1000 + 3600 },
    });

    const response = await create(body, { 'Idempotency-Key': 'retry-1' });

    expect(response.status).toBe(201);
    expect(response.body).toEqual(first.body);
    expect(response.headers['idempotent-replayed']).toBe('true');
    expect(db.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  test('the same key with a different body is refused with 422 and writes nothing', async () => {
    db.on(GetCommand, idempotencyRecord).resolves({
      Item: { requestHash: requestHash(body), response: { status: 201 }, expiresAt: Date.parse(NOW) / 1000 + 3600 },
    });

    const response = await create({ ...body, name: 'Savings' }, { 'Idempotency-Key': 'retry-1' });

    expect(response.status).toBe(422);
    expect(response.body.type).toBe('urn:moneta:problem:idempotency-key-reused');
    expect(db.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  test('a twin request that wins the race is replayed instead of creating a second account', async () => {
    const twin = { status: 201, body: { id: 'TWIN' }, headers: {} };
    db.on(GetCommand, idempotencyRecord)
      .resolvesOnce({})
      .resolves({ Item: { requestHash: requestHash(body), response: twin } });
    db.on(TransactWriteCommand).rejects(cancelled(['None', { Code: 'ConditionalCheckFailed' }]));

    const response = await create(body, { 'Idempotency-Key': 'retry-1' });

    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: 'TWIN' });
  });

  test.each([
    [{ ...body, currency: 'XYZ' }, 'currency'],
    [{ ...body, currency: 'eur' }, 'currency'],
    [{ ...body, kind: 'piggy_bank' }, 'kind'],
    [{ ...body, name: '   ' }, 'name'],
    [{ ...body, name: 'x'.repeat(101) }, 'name'],
    [{ ...body, balance: { amount: 100, currency: 'EUR' } }, 'balance'],
  ])('refuses %j with 400 naming %s, writing nothing', async (input, field) => {
    const response = await create(input);

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toContain(field);
    expect(db.calls()).toHaveLength(0);
  });

  describeBodyContract({
    handler: () => handler,
    method: 'POST',
    path: '/v1/accounts',
    validBody: body,
    requiredFields: ['name', 'kind', 'currency'],
    claims: { sub: 'user-1' },
    sdkCalls: () => db.calls().length,
  });
});
