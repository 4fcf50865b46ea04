import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../../functions/api/auth/login';
import { clearRequestBudgets } from '../../../support/unit-limiter';
import { call, cognitoException, describeBodyContract, fieldsOf } from '../../support/api';

const cognito = mockClient(CognitoIdentityProviderClient);
beforeEach(() => cognito.reset());

const path = '/v1/auth/login';
const login = (body: unknown) => call(handler, { method: 'POST', path, body });
const credentials = { email: 'ada@example.com', password: 'Correct-Horse-9' };

describe('POST /v1/auth/login', () => {
  test('exchanges email and password for tokens', async () => {
    cognito.on(InitiateAuthCommand).resolves({
      ChallengeParameters: {},
      AuthenticationResult: {
        AccessToken: 'access.jwt',
        IdToken: 'id.jwt',
        RefreshToken: 'refresh.jwe',
        ExpiresIn: 3600,
        TokenType: 'Bearer',
      },
    });

    const response = await login({ email: ' Ada@Example.com', password: credentials.password });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      accessToken: 'access.jwt',
      idToken: 'id.jwt',
      refreshToken: 'refresh.jwe',
      expiresIn: 3600,
      tokenType: 'Bearer',
    });
    expect(cognito.commandCalls(InitiateAuthCommand).map((c) => c.args[0].input)).toEqual([
      {
        ClientId: 'testclient',
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'ada@example.com', PASSWORD: 'Correct-Horse-9' },
      },
    ]);
  });

  test('a wrong password and an unknown user get exactly the same 401', async () => {
    cognito
      .on(InitiateAuthCommand)
      .rejects(cognitoException('NotAuthorizedException', 'Incorrect username or password.'));
    const wrongPassword = await login(credentials);
    cognito.reset();
    // The same email's budget as for the first request, so only the account differs.
    clearRequestBudgets();
    cognito.on(InitiateAuthCommand).rejects(cognitoException('UserNotFoundException', 'User does not exist.'));
    const unknownUser = await login(credentials);

    expect(wrongPassword.status).toBe(401);
    expect(unknownUser).toEqual(wrongPassword);
  });

  test('a wrong password as cognito-local reports it is the same 401', async () => {
    cognito.on(InitiateAuthCommand).rejects(cognitoException('InvalidPasswordException', 'Invalid password'));

    const response = await login(credentials);

    expect(response.status).toBe(401);
    expect(response.body.detail).toBe('Incorrect email or password.');
  });

  test('an unconfirmed user gets 403 user-not-confirmed', async () => {
    cognito.on(InitiateAuthCommand).rejects(cognitoException('UserNotConfirmedException', 'User is not confirmed.'));

    const response = await login(credentials);

    expect(response.status).toBe(403);
    expect(response.body.type).toBe('urn:moneta:problem:user-not-confirmed');
  });

  test('a user who must reset their password gets 403', async () => {
    cognito.on(InitiateAuthCommand).rejects(cognitoException('PasswordResetRequiredException'));

    const response = await login(credentials);

    expect(response.status).toBe(403);
    expect(response.body.type).toBe('urn:moneta:problem:password-reset-required');
  });

  test.each(['SOFTWARE_TOKEN_MFA', 'NEW_PASSWORD_REQUIRED'] as const)(
    'a %s challenge is a 403 challenge-required naming it, without tokens or session',
    async (challenge) => {
      cognito.on(InitiateAuthCommand).resolves({ ChallengeName: challenge, Session: 'secret-session' });

      const response = await login(credentials);

      expect(response.status).toBe(403);
      expect(response.body.type).toBe('urn:moneta:problem:challenge-required');
      expect(response.body.challenge).toBe(challenge);
      expect(JSON.stringify(response.body)).not.toContain('secret-session');
    },
  );

  test.each([
    ['TooManyRequestsException', 'Rate exceeded'],
    ['TooManyFailedAttemptsException', 'Too many failed attempts'],
    ['NotAuthorizedException', 'Password attempts exceeded'],
  ])('%s (%s) is a 429', async (name, message) => {
    cognito.on(InitiateAuthCommand).rejects(cognitoException(name, message));

    const response = await login(credentials);

    expect(response.status).toBe(429);
  });

  test('the password is only checked for presence (old passwords may predate the policy)', async () => {
    cognito.on(InitiateAuthCommand).rejects(cognitoException('NotAuthorizedException'));

    const response = await login({ email: 'ada@example.com', password: 'short' });

    expect(response.status).toBe(401);
    expect(cognito.commandCalls(InitiateAuthCommand)).toHaveLength(1);
  });

  test('an empty password is refused with 400 on password', async () => {
    const response = await login({ email: 'ada@example.com', password: '' });

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(['password']);
  });

  describeBodyContract({
    handler: () => handler,
    method: 'POST',
    path,
    validBody: credentials,
    requiredFields: ['email', 'password'],
    sdkCalls: () => cognito.calls().length,
  });
});
