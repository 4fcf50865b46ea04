import { DeleteCommand, DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { handler as deleteAccount } from '../../../functions/api/accounts/delete';
import { handler as updateAccount } from '../../../functions/api/accounts/update';
import { call, fieldsOf } from '../support/api';
import { givenProfiles } from '../support/signed-up';
import { conditionFailed, NOW, storedAccount } from './support';

const db = mockClient(DynamoDBDocumentClient);
beforeEach(() => {
  db.reset();
  givenProfiles(db, 'user-1', 'intruder');
  jest.useFakeTimers({ now: new Date(NOW), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout'] });
});
afterEach(() => jest.useRealTimers());

const ID = '01JNM0000000000000000000AA';
const patch = (body: unknown, headers: Record<string, string> = {}, sub = 'user-1') =>
  call(updateAccount, {
    method: 'PATCH',
    path: `/v1/accounts/${ID}`,
    pathParameters: { id: ID },
    body,
    headers,
    claims: { sub },
  });
const remove = (sub = 'user-1') =>
  call(deleteAccount, { method: 'DELETE', path: `/v1/accounts/${ID}`, pathParameters: { id: ID }, claims: { sub } });
const updates = () => db.commandCalls(UpdateCommand).map((c) => c.args[0].input);

describe('PATCH /v1/accounts/{id}', () => {
  test('renames and archives in one conditional UpdateItem, returning the new view and ETag', async () => {
    db.on(UpdateCommand).resolves({
      Attributes: storedAccount('user-1', { name: 'Old savings', archived: true, version: 4, updatedAt: NOW }),
    });

    const response = await patch({ name: ' Old savings ', archived: true });

    expect(response.status).toBe(200);
    expect(response.headers.etag).toBe('"4"');
    expect(response.body).toMatchObject({
      name: 'Old savings',
      archived: true,
      version: 4,
      balance: { amount: 12345 },
    });
    expect(updates()).toEqual([
      expect.objectContaining({
        Key: { pk: 'USER#user-1', sk: `ACCOUNT#${ID}` },
        UpdateExpression:
          'SET #updatedAt = :updatedAt, #version = #version + :one, #name = :name, #archived = :archived',
        ConditionExpression: 'attribute_exists(#pk)',
        ExpressionAttributeValues: { ':updatedAt': NOW, ':one': 1, ':name': 'Old savings', ':archived': true },
      }),
    ]);
  });

  test('replaces the hints as a whole; an account stored without hints reads as having none', async () => {
    db.on(UpdateCommand).resolves({
      Attributes: storedAccount('user-1', { hints: { lastDigits: ['9876'] }, version: 2, updatedAt: NOW }),
    });

    const response = await patch({ hints: { lastDigits: ['9876'] } });

    expect(response.status).toBe(200);
    expect(response.body.hints).toEqual({ lastDigits: ['9876'] });
    expect(updates()[0]).toMatchObject({
      UpdateExpression: 'SET #updatedAt = :updatedAt, #version = #version + :one, #hints = :hints',
      ExpressionAttributeValues: expect.objectContaining({ ':hints': { lastDigits: ['9876'] } }),
    });

    db.on(UpdateCommand).resolves({ Attributes: storedAccount('user-1', { name: 'Renamed', version: 3 }) });
    expect((await patch({ name: 'Renamed' })).body.hints).toEqual({ lastDigits: [] });
  });

  test('If-Match puts the version in the condition; a stale one answers 412', async () => {
    db.on(UpdateCommand).rejects(conditionFailed(storedAccount('user-1', { version: 5 })));

    const response = await patch({ kind: 'savings' }, { 'If-Match': '"3"' });

    expect(response.status).toBe(412);
    expect(updates()[0]).toMatchObject({
      ConditionExpression: 'attribute_exists(#pk) AND #version IN (:expected0)',
      ExpressionAttributeValues: expect.objectContaining({ ':expected0': 3 }),
    });
  });

  test("another user's account (absent from the caller's partition) answers 404", async () => {
    db.on(UpdateCommand).rejects(conditionFailed());

    const response = await patch({ name: 'Mine now' }, {}, 'intruder');

    expect(response.status).toBe(404);
    expect(updates()[0]?.Key).toEqual({ pk: 'USER#intruder', sk: `ACCOUNT#${ID}` });
  });

  test.each([
    [{ currency: 'USD' }, 'currency', 'is not a known field'],
    [{ balance: 0 }, 'balance', 'is not a known field'],
    [{ kind: 'vault' }, 'kind', undefined],
    [{ archived: 'yes' }, 'archived', undefined],
    [{}, '(root)', 'must change at least one field'],
  ])('refuses %j with 400 naming %s and changes nothing', async (body, field, message) => {
    const response = await patch(body);

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toContain(field);
    if (message) expect(response.body.errors).toContainEqual(expect.objectContaining({ field, message }));
    expect(db.calls()).toHaveLength(0);
  });
});

describe('DELETE /v1/accounts/{id}', () => {
  test('deletes an account in one conditional DeleteItem: empty, or archived', async () => {
    db.on(DeleteCommand).resolves({});

    const response = await remove();

    expect(response.status).toBe(204);
    expect(response.body).toBeUndefined();
    expect(db.commandCalls(DeleteCommand)[0]?.args[0].input).toMatchObject({
      Key: { pk: 'USER#user-1', sk: `ACCOUNT#${ID}` },
      ConditionExpression: 'attribute_exists(#pk) AND (#transactionCount = :zero OR #archived = :true)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    });
  });

  test('an active account with transactions is refused with 409 suggesting to archive it', async () => {
    db.on(DeleteCommand).rejects(conditionFailed(storedAccount('user-1', { transactionCount: 2 })));

    const response = await remove();

    expect(response.status).toBe(409);
    expect(response.body.type).toBe('urn:moneta:problem:account-has-transactions');
    expect(response.body.detail).toMatch(/archive/i);
  });

  test("an absent account, or another user's, answers 404", async () => {
    db.on(DeleteCommand).rejects(conditionFailed());

    const response = await remove('intruder');

    expect(response.status).toBe(404);
    expect(db.commandCalls(DeleteCommand)[0]?.args[0].input.Key).toEqual({ pk: 'USER#intruder', sk: `ACCOUNT#${ID}` });
  });
});
