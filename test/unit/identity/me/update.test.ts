import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../../functions/api/me/update';
import { call, describeBodyContract, fieldsOf } from '../../support/api';
import { givenProfiles } from '../../support/signed-up';
import { storedProfile } from './support';

const db = mockClient(DynamoDBDocumentClient);
const NOW = '2026-03-01T10:00:00.000Z';
beforeEach(() => {
  db.reset();
  givenProfiles(db, 'user-1', 'user-2');
  jest.useFakeTimers({ now: new Date(NOW), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout'] });
});
afterEach(() => jest.useRealTimers());

const patchMe = (body: unknown, headers: Record<string, string> = {}, sub = 'user-1') =>
  call(handler, { method: 'PATCH', path: '/v1/me', body, headers, claims: { sub } });

/** What DynamoDB answers when the condition fails: the old item (marshalled) if there is one (ALL_OLD). */
const conditionFailed = (existing?: { userId: string; version: number }) =>
  new ConditionalCheckFailedException({
    message: 'The conditional request failed',
    $metadata: {},
    ...(existing
      ? {
          Item: {
            pk: { S: `USER#${existing.userId}` },
            sk: { S: 'PROFILE' },
            version: { N: String(existing.version) },
          },
        }
      : {}),
  });

const updatedCalls = () => db.commandCalls(UpdateCommand).map((c) => c.args[0].input);

describe('PATCH /v1/me', () => {
  test('updates only the given fields in one UpdateItem and returns the new view and ETag', async () => {
    const updated = storedProfile('user-1', {
      name: 'Ada King',
      notifications: { ...storedProfile('user-1').notifications, largeTransaction: true },
      updatedAt: NOW,
      version: 4,
    });
    db.on(UpdateCommand).resolves({ Attributes: updated });

    const response = await patchMe({ name: '  Ada King ', notifications: { largeTransaction: true } });

    expect(response.status).toBe(200);
    expect(response.headers.etag).toBe('"4"');
    expect(response.body).toMatchObject({ id: 'user-1', name: 'Ada King', version: 4, updatedAt: NOW });
    expect(response.body.notifications.largeTransaction).toBe(true);
    expect(updatedCalls()).toEqual([
      {
        TableName: 'moneta-test',
        Key: { pk: 'USER#user-1', sk: 'PROFILE' },
        UpdateExpression:
          'SET #updatedAt = :updatedAt, #version = #version + :one, #name = :name, ' +
          '#notifications.#n_largeTransaction = :n_largeTransaction',
        ConditionExpression: 'attribute_exists(#pk)',
        ExpressionAttributeNames: {
          '#pk': 'pk',
          '#version': 'version',
          '#updatedAt': 'updatedAt',
          '#name': 'name',
          '#notifications': 'notifications',
          '#n_largeTransaction': 'largeTransaction',
        },
        ExpressionAttributeValues: { ':updatedAt': NOW, ':one': 1, ':name': 'Ada King', ':n_largeTransaction': true },
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    ]);
  });

  test('a matching If-Match makes the version part of the DynamoDB condition', async () => {
    db.on(UpdateCommand).resolves({ Attributes: storedProfile('user-1', { homeCurrency: 'JPY', version: 4 }) });

    const response = await patchMe({ homeCurrency: 'JPY' }, { 'If-Match': '"3"' });

    expect(response.status).toBe(200);
    expect(updatedCalls()[0]).toMatchObject({
      ConditionExpression: 'attribute_exists(#pk) AND #version IN (:expected0)',
      ExpressionAttributeValues: expect.objectContaining({ ':expected0': 3, ':homeCurrency': 'JPY' }),
    });
  });

  test('a new time zone moves the profile to that zone in the profiles-by-zone index, any spelling alike', async () => {
    db.on(UpdateCommand).resolves({ Attributes: storedProfile('user-1', { timezone: 'Asia/Kolkata', version: 4 }) });

    const response = await patchMe({ timezone: 'Asia/Kolkata' }, { 'if-match': '"3"' });

    expect(response.status).toBe(200);
    expect(updatedCalls()[0]?.ExpressionAttributeValues).toMatchObject({
      ':timezone': 'Asia/Kolkata',
      // The runtime's canonical name: the schedule lists zones by it.
      ':gsi4pk': 'TZ#Asia/Calcutta',
      ':gsi4sk': 'user-1',
    });
  });

  test('a change that leaves the time zone alone leaves the index keys alone', async () => {
    db.on(UpdateCommand).resolves({ Attributes: storedProfile('user-1', { version: 4 }) });

    await patchMe({ notifications: { monthlySummary: false } }, { 'if-match': '"3"' });

    expect(updatedCalls()[0]?.UpdateExpression).not.toContain('gsi4');
    expect(updatedCalls()[0]?.ExpressionAttributeValues).toMatchObject({ ':n_monthlySummary': false });
  });

  test('a stale If-Match is a 412 and nothing is written', async () => {
    db.on(UpdateCommand).rejects(conditionFailed(storedProfile('user-1', { version: 5 })));

    const response = await patchMe({ timezone: 'Asia/Tokyo' }, { 'if-match': '"3"' });

    expect(response.status).toBe(412);
    expect(response.body.type).toBe('urn:moneta:problem:precondition-failed');
    expect(updatedCalls()).toHaveLength(1);
  });

  test.each([
    ['a weak tag', 'W/"3"'],
    ['a foreign tag', '"abc"'],
  ])('%s never matches (strong comparison)', async (_case, tag) => {
    db.on(UpdateCommand).rejects(conditionFailed(storedProfile('user-1')));

    const response = await patchMe({ name: 'Ada' }, { 'if-match': tag });

    expect(response.status).toBe(412);
    expect(updatedCalls()[0]?.ExpressionAttributeValues).toMatchObject({ ':expected0': 0 });
  });

  test('If-Match: * only requires the profile to exist', async () => {
    db.on(UpdateCommand).resolves({ Attributes: storedProfile('user-1', { version: 4 }) });

    await patchMe({ name: 'Ada' }, { 'if-match': '*' });

    expect(updatedCalls()[0]?.ConditionExpression).toBe('attribute_exists(#pk)');
  });

  test('a list of tags matches any of them', async () => {
    db.on(UpdateCommand).resolves({ Attributes: storedProfile('user-1', { version: 4 }) });

    await patchMe({ name: 'Ada' }, { 'if-match': '"2", "3"' });

    expect(updatedCalls()[0]).toMatchObject({
      ConditionExpression: 'attribute_exists(#pk) AND #version IN (:expected0, :expected1)',
      ExpressionAttributeValues: expect.objectContaining({ ':expected0': 2, ':expected1': 3 }),
    });
  });

  test.each([
    ['without If-Match', {}],
    ['with If-Match', { 'if-match': '"3"' }],
  ])('a profile deleted after the account check is 401 account-deleted (%s)', async (_case, headers) => {
    db.on(UpdateCommand).rejects(conditionFailed());

    const response = await patchMe({ name: 'Ada' }, headers);

    expect(response.status).toBe(401);
    expect(response.body.type).toBe('urn:moneta:problem:account-deleted');
  });

  test('a caller without a profile (a deleted account) is 401 account-deleted and nothing is written', async () => {
    db.on(GetCommand, { Key: { pk: 'USER#deleted-user', sk: 'PROFILE' } }).resolves({});

    const response = await patchMe({ name: 'Ghost' }, {}, 'deleted-user');

    expect(response.status).toBe(401);
    expect(response.body.type).toBe('urn:moneta:problem:account-deleted');
    expect(db.commandCalls(GetCommand).map((c) => c.args[0].input.Key)).toEqual([
      { pk: 'USER#deleted-user', sk: 'PROFILE' },
    ]);
    expect(updatedCalls()).toEqual([]);
  });

  test('builds the key from the verified sub, never from the body', async () => {
    db.on(UpdateCommand).resolves({ Attributes: storedProfile('user-2', { version: 4 }) });

    await patchMe({ name: 'Mallory' }, {}, 'user-2');

    expect(updatedCalls()[0]?.Key).toEqual({ pk: 'USER#user-2', sk: 'PROFILE' });
  });

  test.each([
    ['userId', { userId: 'user-2' }, 'userId'],
    ['email', { email: 'mallory@example.com' }, 'email'],
    ['version', { version: 99 }, 'version'],
    ['an unknown notification', { notifications: { sms: true } }, 'notifications.sms'],
    ['an invalid currency', { homeCurrency: 'XXX' }, 'homeCurrency'],
    ['an invalid time zone', { timezone: 'Nowhere/City' }, 'timezone'],
    [
      'a fractional amount',
      { notifications: { largeTransactionAmount: 10.5 } },
      'notifications.largeTransactionAmount',
    ],
    ['an empty patch', {}, '(root)'],
  ])('refuses %s with 400 naming the field, writing nothing', async (_case, body, field) => {
    const response = await patchMe(body);

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toContain(field);
    expect(db.calls()).toHaveLength(0);
  });

  test('a request without verified claims is a 401 and writes nothing', async () => {
    const response = await call(handler, {
      method: 'PATCH',
      path: '/v1/me',
      body: { name: 'Mallory' },
      headers: { authorization: 'Bearer forged' },
    });

    expect(response.status).toBe(401);
    expect(db.calls()).toHaveLength(0);
  });

  describeBodyContract({
    handler: () => handler,
    method: 'PATCH',
    path: '/v1/me',
    claims: { sub: 'user-1' },
    validBody: { name: 'Ada' },
    requiredFields: [],
    sdkCalls: () => db.calls().length,
  });
});
