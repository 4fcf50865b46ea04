import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../../functions/api/auth/refresh';
import { call, cognitoException, describeBodyContract } from '../../support/api';

const cognito = mockClient(CognitoIdentityProviderClient);
beforeEach(() => cognito.reset());

const path = '/v1/auth/refresh';
const refresh = (body: unknown) => call(handler, { method: 'POST', path, body });

describe('POST /v1/auth/refresh', () => {
  test('exchanges the refresh token for new access and ID tokens', async () => {
    cognito.on(InitiateAuthCommand).resolves({
      AuthenticationResult: { AccessToken: 'access.jwt', IdToken: 'id.jwt', ExpiresIn: 3600, TokenType: 'Bearer' },
    });

    const response = await refresh({ refreshToken: 'refresh.jwe' });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      accessToken: 'access.jwt',
      idToken: 'id.jwt',
      expiresIn: 3600,
      tokenType: 'Bearer',
    });
    expect(cognito.commandCalls(InitiateAuthCommand).map((c) => c.args[0].input)).toEqual([
      { ClientId: 'testclient', AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: 'refresh.jwe' } },
    ]);
  });

  test('passes on a rotated refresh token when Cognito issues one', async () => {
    cognito.on(InitiateAuthCommand).resolves({
      AuthenticationResult: { AccessToken: 'a', IdToken: 'i', RefreshToken: 'rotated.jwe', ExpiresIn: 300 },
    });

    const response = await refresh({ refreshToken: 'refresh.jwe' });

    expect(response.body.refreshToken).toBe('rotated.jwe');
  });

  test.each([
    ['NotAuthorizedException', 'Refresh Token has been revoked'],
    ['NotAuthorizedException', 'Invalid Refresh Token'],
    ['RefreshTokenReuseException', 'Refresh token reused'],
    ['UserNotFoundException', 'User does not exist.'],
  ])('an invalid or revoked token (%s: %s) is a 401', async (name, message) => {
    cognito.on(InitiateAuthCommand).rejects(cognitoException(name, message));

    const response = await refresh({ refreshToken: 'refresh.jwe' });

    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  test('throttling is a 429', async () => {
    cognito.on(InitiateAuthCommand).rejects(cognitoException('TooManyRequestsException'));

    expect((await refresh({ refreshToken: 'refresh.jwe' })).status).toBe(429);
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
