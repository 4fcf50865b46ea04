import {
  CognitoIdentityProviderClient,
  DeleteUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../../functions/api/me/delete';
import { call, cognitoException } from '../../support/api';
import { TEST_ACCESS_TOKEN } from '../../support/http-event';

const db = mockClient(DynamoDBDocumentClient);
const cognito = mockClient(CognitoIdentityProviderClient);
beforeEach(() => {
  db.reset();
  cognito.reset();
  // The password is right unless a test says otherwise; no earlier failures are counted.
  cognito.on(InitiateAuthCommand).resolves({ AuthenticationResult: { AccessToken: 'a', RefreshToken: 'r' } });
  cognito.on(RevokeTokenCommand).resolves({});
  db.on(GetCommand).resolves({});
  // Ending the account's sessions: the session state written, no API tokens to delete.
  db.on(PutCommand).resolves({});
  db.on(QueryCommand).resolves({ Items: [] });
});

const PASSWORD = 'Current-Password-1!';
const deleteMe = (sub = 'user-1', body: Record<string, unknown> = { password: PASSWORD }) =>
  call(handler, { method: 'DELETE', path: '/v1/me', claims: { sub }, body });

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

  test('ends every session of the account last: tokens issued until now are refused, API tokens deleted', async () => {
    db.on(DeleteCommand).resolves({});
    cognito.on(DeleteUserCommand).resolves({});
    db.on(QueryCommand).resolves({
      Items: [{ pk: 'APITOKEN#h1', sk: 'APITOKEN', type: 'API_TOKEN', tokenId: 't1', secretHash: 'h1' }],
    });
    const before = Math.floor(Date.now() / 1000);

    expect((await deleteMe()).status).toBe(202);

    const state = db.commandCalls(PutCommand).map((c) => c.args[0].input.Item);
    expect(state).toEqual([expect.objectContaining({ pk: 'SESSION#user-1', validAfter: expect.any(Number) })]);
    // Even a token issued in the very second the account was deleted, before it, is refused.
    expect(state[0]?.validAfter).toBeGreaterThan(before);
    expect(db.commandCalls(DeleteCommand).map((c) => c.args[0].input.Key)).toContainEqual({
      pk: 'APITOKEN#h1',
      sk: 'APITOKEN',
    });
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
    db.on(DeleteCommand).resolves({});
    cognito.on(DeleteUserCommand).resolves({});

    const response = await deleteMe();

    expect(response.status).toBe(202);
    const keysRead = db.commandCalls(GetCommand).map((c) => c.args[0].input.Key);
    expect(keysRead).not.toContainEqual({ pk: 'USER#user-1', sk: 'PROFILE' });
    expect(cognito.commandCalls(DeleteUserCommand)).toHaveLength(1);
  });

  test('checks the password with Cognito as the caller, then revokes that sign-in’s refresh token', async () => {
    db.on(DeleteCommand).resolves({});
    cognito.on(DeleteUserCommand).resolves({});

    expect((await deleteMe()).status).toBe(202);

    expect(cognito.commandCalls(InitiateAuthCommand)[0]?.args[0].input).toEqual({
      ClientId: expect.any(String),
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: expect.any(String), PASSWORD },
    });
    expect(cognito.commandCalls(RevokeTokenCommand)[0]?.args[0].input).toMatchObject({ Token: 'r' });
  });

  test.each([
    ['no body', undefined],
    ['no password', {}],
    ['an empty password', { password: '' }],
    ['a code that is not six digits', { password: PASSWORD, code: '12ab' }],
  ])('%s is a 400 and deletes nothing', async (_case, body) => {
    const response = await call(handler, {
      method: 'DELETE',
      path: '/v1/me',
      claims: { sub: 'user-1' },
      ...(body ? { body } : {}),
    });

    expect(response.status).toBe(400);
    expect(db.commandCalls(DeleteCommand)).toHaveLength(0);
    expect(cognito.commandCalls(DeleteUserCommand)).toHaveLength(0);
  });

  test.each([
    ['a wrong password', cognitoException('NotAuthorizedException', 'Incorrect username or password.')],
    ['a wrong password (local pool)', cognitoException('InvalidPasswordException', 'Invalid password')],
  ])('%s is a 403 reauthentication-failed, counted, and deletes nothing', async (_case, error) => {
    cognito.on(InitiateAuthCommand).rejects(error);
    db.on(UpdateCommand).resolves({});

    const response = await deleteMe();

    expect(response.status).toBe(403);
    expect(response.body.type).toBe('urn:moneta:problem:reauthentication-failed');
    expect(db.commandCalls(DeleteCommand)).toHaveLength(0);
    expect(cognito.commandCalls(DeleteUserCommand)).toHaveLength(0);
    expect(db.commandCalls(UpdateCommand)[0]?.args[0].input.Key).toEqual({
      pk: 'THROTTLE#REAUTH#user-1',
      sk: 'FAILURES',
    });
  });

  test('with MFA on, a missing code answers like a wrong password; the right code deletes', async () => {
    const challenge = {
      ChallengeName: 'SOFTWARE_TOKEN_MFA' as const,
      Session: 'cognito-session',
      ChallengeParameters: { USER_ID_FOR_SRP: 'user-1' },
    };
    cognito.on(InitiateAuthCommand).resolves(challenge);
    cognito
      .on(RespondToAuthChallengeCommand)
      .resolves({ AuthenticationResult: { AccessToken: 'a', RefreshToken: 'r' } });
    db.on(UpdateCommand).resolves({});
    db.on(DeleteCommand).resolves({});
    cognito.on(DeleteUserCommand).resolves({});

    const withoutCode = await deleteMe();
    expect(withoutCode.status).toBe(403);
    expect(withoutCode.body.type).toBe('urn:moneta:problem:reauthentication-failed');
    expect(db.commandCalls(DeleteCommand)).toHaveLength(0);

    const withCode = await deleteMe('user-1', { password: PASSWORD, code: '123456' });
    expect(withCode.status).toBe(202);
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)[0]?.args[0].input).toMatchObject({
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: 'cognito-session',
      ChallengeResponses: { USERNAME: 'user-1', SOFTWARE_TOKEN_MFA_CODE: '123456' },
    });
  });

  test('past the failure limit the answer is 429 with Retry-After, before Cognito is asked', async () => {
    const inTenMinutes = Math.floor(Date.now() / 1000) + 600;
    db.on(GetCommand).resolves({ Item: { failures: 5, expiresAt: inTenMinutes } });

    const response = await deleteMe();

    expect(response.status).toBe(429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(500);
    expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(600);
    expect(cognito.calls()).toHaveLength(0);
    expect(db.commandCalls(DeleteCommand)).toHaveLength(0);
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
    expect(cognito.commandCalls(DeleteUserCommand)).toHaveLength(0);
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
