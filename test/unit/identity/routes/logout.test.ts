import { CognitoIdentityProviderClient, RevokeTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../../functions/api/auth/logout';
import { call, cognitoException, describeBodyContract } from '../../support/api';

const cognito = mockClient(CognitoIdentityProviderClient);
beforeEach(() => cognito.reset());

const path = '/v1/auth/logout';
const logout = (body: unknown) => call(handler, { method: 'POST', path, body });

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
    requiredFields: ['refreshToken'],
    sdkCalls: () => cognito.calls().length,
  });
});
