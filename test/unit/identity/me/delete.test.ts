import { CognitoIdentityProviderClient, DeleteUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../../functions/api/me/delete';
import { call, cognitoException } from '../../support/api';
import { TEST_ACCESS_TOKEN } from '../../support/http-event';

const db = mockClient(DynamoDBDocumentClient);
const cognito = mockClient(CognitoIdentityProviderClient);
beforeEach(() => {
  db.reset();
  cognito.reset();
});

const deleteMe = (sub = 'user-1') => call(handler, { method: 'DELETE', path: '/v1/me', claims: { sub } });

describe('DELETE /v1/me', () => {
  test('deletes the profile first, then the Cognito user with the caller token, and answers 202', async () => {
    const order: string[] = [];
    db.on(DeleteCommand).callsFake(() => {
      order.push('profile');
      return {};
    });
    cognito.on(DeleteUserCommand).callsFake(() => {
      order.push('cognito');
      return {};
    });

    const response = await deleteMe();

    expect(response.status).toBe(202);
    expect(response.body).toEqual({ status: 'deleting' });
    expect(order).toEqual(['profile', 'cognito']);
    expect(db.commandCalls(DeleteCommand).map((c) => c.args[0].input)).toEqual([
      { TableName: 'moneta-test', Key: { pk: 'USER#user-1', sk: 'PROFILE' } },
    ]);
    expect(cognito.commandCalls(DeleteUserCommand).map((c) => c.args[0].input)).toEqual([
      { AccessToken: TEST_ACCESS_TOKEN },
    ]);
  });

  test('deletes only the caller’s own profile, keyed by the verified sub', async () => {
    db.on(DeleteCommand).resolves({});
    cognito.on(DeleteUserCommand).resolves({});

    await deleteMe('user-2');

    expect(db.commandCalls(DeleteCommand)[0]?.args[0].input.Key).toEqual({ pk: 'USER#user-2', sk: 'PROFILE' });
  });

  test('a retry after the Cognito user is gone still answers 202', async () => {
    db.on(DeleteCommand).resolves({});
    cognito
      .on(DeleteUserCommand)
      .resolvesOnce({})
      .rejectsOnce(cognitoException('NotAuthorizedException', 'User does not exist.'))
      .rejectsOnce(cognitoException('UserNotFoundException', 'User does not exist.'));

    const responses = [await deleteMe(), await deleteMe(), await deleteMe()];

    expect(responses.map((r) => r.status)).toEqual([202, 202, 202]);
    // The profile delete is unconditional, so a missing profile is no obstacle to finishing the job.
    expect(db.commandCalls(DeleteCommand)[1]?.args[0].input).not.toHaveProperty('ConditionExpression');
    expect(cognito.commandCalls(DeleteUserCommand)).toHaveLength(3);
  });

  test('a retry whose profile is already gone still deletes the Cognito user: no account check here', async () => {
    db.on(GetCommand).resolves({});
    db.on(DeleteCommand).resolves({});
    cognito.on(DeleteUserCommand).resolves({});

    const response = await deleteMe();

    expect(response.status).toBe(202);
    expect(db.commandCalls(GetCommand)).toHaveLength(0);
    expect(cognito.commandCalls(DeleteUserCommand)).toHaveLength(1);
  });

  test.each([
    ['an internal error', cognitoException('InternalErrorException', 'boom')],
    ['throttling', cognitoException('TooManyRequestsException')],
    ['a network failure', Object.assign(new Error('socket hang up'), { name: 'TimeoutError' })],
  ])('a Cognito failure (%s) after the profile is gone is a 503 the client retries', async (_case, error) => {
    db.on(DeleteCommand).resolves({});
    cognito.on(DeleteUserCommand).rejects(error);

    const response = await deleteMe();

    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.body.type).toBe('urn:moneta:problem:service-unavailable');
  });

  test('a revoked access token is a 401: signing in again is the only way to finish', async () => {
    db.on(DeleteCommand).resolves({});
    cognito.on(DeleteUserCommand).rejects(cognitoException('NotAuthorizedException', 'Access Token has been revoked'));

    expect((await deleteMe()).status).toBe(401);
  });

  test('if the profile cannot be deleted, the Cognito user is kept and the answer is 500', async () => {
    db.on(DeleteCommand).rejects(new Error('ProvisionedThroughputExceededException'));

    const response = await deleteMe();

    expect(response.status).toBe(500);
    expect(cognito.calls()).toHaveLength(0);
  });

  test('a request without verified claims is a 401 and deletes nothing', async () => {
    const response = await call(handler, {
      method: 'DELETE',
      path: '/v1/me',
      headers: { authorization: 'Bearer forged' },
    });

    expect(response.status).toBe(401);
    expect(db.calls()).toHaveLength(0);
    expect(cognito.calls()).toHaveLength(0);
  });

  test('claims without a bearer token are a 401 and delete nothing', async () => {
    const response = await call(handler, {
      method: 'DELETE',
      path: '/v1/me',
      claims: { sub: 'user-1' },
      headers: { authorization: 'Basic abc' },
    });

    expect(response.status).toBe(401);
    expect(db.calls()).toHaveLength(0);
  });
});
