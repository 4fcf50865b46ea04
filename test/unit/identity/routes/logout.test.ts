import { CognitoIdentityProviderClient, RevokeTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../../functions/api/auth/logout';
import { call, cognitoException, describeBodyContract } from '../../support/api';
import { httpEvent, lambdaContext, parseResponse } from '../../support/http-event';

const cognito = mockClient(CognitoIdentityProviderClient);
const db = mockClient(DynamoDBDocumentClient);
beforeEach(() => {
  cognito.reset();
  db.reset();
  db.on(GetCommand).resolves({});
  db.on(PutCommand).resolves({});
});

const path = '/v1/auth/logout';
const claims = { sub: 'user-1' };
const logout = (body: unknown) => call(handler, { method: 'POST', path, body, claims });

/** A request as the API's authorizer passes it: the session is the access token's origin_jti. */
async function logoutSession(sessionId: string, body: unknown = {}) {
  const event = httpEvent({ method: 'POST', path, body, claims });
  event.requestContext.authorizer = {
    lambda: { sub: 'user-1', principal: 'session', scopes: 'read write', sessionId },
  } as never;
  return parseResponse(await handler(event, lambdaContext()));
}

describe('POST /v1/auth/logout', () => {
  test('revokes the refresh token and answers 204 without a body', async () => {
    cognito.on(RevokeTokenCommand).resolves({});

    const response = await logout({ refreshToken: 'refresh.jwe' });

    expect(response.status).toBe(204);
    expect(response.body).toBeUndefined();
    expect(cognito.commandCalls(RevokeTokenCommand).map((c) => c.args[0].input)).toEqual([
      { ClientId: 'testclient', Token: 'refresh.jwe' },
    ]);
  });

  test.each([
    ['NotAuthorizedException', 'User not authorized'],
    ['UnauthorizedException', 'Invalid token'],
    ['UnsupportedTokenTypeException', 'Unsupported token type'],
    ['InvalidParameterException', 'Invalid token'],
  ])('an already revoked or unknown token (%s) still logs out with 204', async (name, message) => {
    cognito.on(RevokeTokenCommand).rejects(cognitoException(name, message));

    const response = await logout({ refreshToken: 'refresh.jwe' });

    expect(response.status).toBe(204);
  });

  test('logging out twice answers 204 both times', async () => {
    cognito
      .on(RevokeTokenCommand)
      .resolvesOnce({})
      .rejectsOnce(cognitoException('NotAuthorizedException', 'User not authorized'));

    expect((await logout({ refreshToken: 'refresh.jwe' })).status).toBe(204);
    expect((await logout({ refreshToken: 'refresh.jwe' })).status).toBe(204);
    expect(cognito.commandCalls(RevokeTokenCommand)).toHaveLength(2);
  });

  test("refuses this session's tokens from now on: its origin_jti joins the user's revoked sessions", async () => {
    const before = Math.floor(Date.now() / 1000);

    expect((await logoutSession('jti-1')).status).toBe(204);

    const written = db.commandCalls(PutCommand).map((c) => c.args[0].input.Item);
    expect(written).toEqual([
      expect.objectContaining({ pk: 'SESSION#user-1', sk: 'STATE', revoked: { 'jti-1': expect.any(Number) } }),
    ]);
    // Kept as long as an access token of that session can live.
    expect(written[0]?.revoked['jti-1']).toBeGreaterThan(before);
    expect(cognito.commandCalls(RevokeTokenCommand)).toHaveLength(0);
  });

  test('throttling is a 429, so the client knows the token may still be live', async () => {
    cognito.on(RevokeTokenCommand).rejects(cognitoException('TooManyRequestsException'));

    expect((await logout({ refreshToken: 'refresh.jwe' })).status).toBe(429);
  });

  test('a client without token revocation enabled is a 500, not a silent success', async () => {
    cognito.on(RevokeTokenCommand).rejects(cognitoException('UnsupportedOperationException'));

    expect((await logout({ refreshToken: 'refresh.jwe' })).status).toBe(500);
  });

  describeBodyContract({
    handler: () => handler,
    method: 'POST',
    path,
    validBody: { refreshToken: 'refresh.jwe' },
    // The refresh token is optional: without it the session still ends.
    requiredFields: [],
    claims,
    sdkCalls: () => cognito.calls().length,
  });
});
