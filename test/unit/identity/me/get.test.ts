import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../../functions/api/me/get';
import { call } from '../../support/api';
import { storedProfile } from './support';

const db = mockClient(DynamoDBDocumentClient);
beforeEach(() => db.reset());

const getMe = (sub: string, extra: Record<string, unknown> = {}) =>
  call(handler, { method: 'GET', path: '/v1/me', claims: { sub }, ...extra });

describe('GET /v1/me', () => {
  test("returns the caller's profile with its version as a quoted ETag", async () => {
    db.on(GetCommand).resolves({ Item: storedProfile('user-1') });

    const response = await getMe('user-1');

    expect(response.status).toBe(200);
    expect(response.headers.etag).toBe('"3"');
    expect(response.body).toEqual({
      id: 'user-1',
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      homeCurrency: 'GBP',
      timezone: 'Europe/London',
      notifications: storedProfile('user-1').notifications,
      mfa: { totp: 'disabled' },
      createdAt: '2026-01-01T09:00:00.000Z',
      updatedAt: '2026-02-01T09:00:00.000Z',
      version: 3,
    });
    expect(db.commandCalls(GetCommand).map((c) => c.args[0].input)).toEqual([
      { TableName: 'moneta-test', Key: { pk: 'USER#user-1', sk: 'PROFILE' }, ConsistentRead: true },
    ]);
  });

  test('reads the key from the verified sub claim only', async () => {
    db.on(GetCommand).resolves({ Item: storedProfile('user-2') });

    await getMe('user-2', { headers: { 'x-user-id': 'user-1' }, pathParameters: { id: 'user-1' } });

    expect(db.commandCalls(GetCommand)[0]?.args[0].input.Key).toEqual({ pk: 'USER#user-2', sk: 'PROFILE' });
  });

  test('does not leak storage keys in the response', async () => {
    db.on(GetCommand).resolves({ Item: storedProfile('user-1') });

    const response = await getMe('user-1');

    expect(response.body).not.toHaveProperty('pk');
    expect(response.body).not.toHaveProperty('sk');
  });

  test('answers 401 account-deleted when the caller has no profile (the account was deleted)', async () => {
    db.on(GetCommand).resolves({});

    const response = await getMe('user-1');

    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.body.type).toBe('urn:moneta:problem:account-deleted');
    expect(db.calls()).toHaveLength(1);
  });

  test('a query parameter (e.g. another user id) is refused with 400 and reads nothing', async () => {
    const response = await getMe('user-1', { queryStringParameters: { userId: 'user-2' } });

    expect(response.status).toBe(400);
    expect(db.calls()).toHaveLength(0);
  });

  test('a request without verified claims is a 401 and reads nothing', async () => {
    const response = await call(handler, {
      method: 'GET',
      path: '/v1/me',
      headers: { authorization: 'Bearer forged' },
    });

    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(db.calls()).toHaveLength(0);
  });

  test('a DynamoDB failure is a 500 with a correlation id', async () => {
    db.on(GetCommand).rejects(new Error('ProvisionedThroughputExceeded'));

    const response = await getMe('user-1');

    expect(response.status).toBe(500);
    expect(response.body.correlationId).toBe('req-test-1');
  });
});
