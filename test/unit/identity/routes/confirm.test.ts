import { CognitoIdentityProviderClient, ConfirmSignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../../functions/api/auth/confirm';
import { call, cognitoException, describeBodyContract, fieldsOf } from '../../support/api';

const cognito = mockClient(CognitoIdentityProviderClient);
beforeEach(() => cognito.reset());

const path = '/v1/auth/confirm';
const confirm = (body: unknown) => call(handler, { method: 'POST', path, body });

describe('POST /v1/auth/confirm', () => {
  test('confirms the sign-up with the code and answers 200', async () => {
    cognito.on(ConfirmSignUpCommand).resolves({});

    const response = await confirm({ email: ' Ada@Example.com', code: ' 123456 ' });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ confirmed: true });
    expect(cognito.commandCalls(ConfirmSignUpCommand).map((c) => c.args[0].input)).toEqual([
      { ClientId: 'testclient', Username: 'ada@example.com', ConfirmationCode: '123456' },
    ]);
  });

  test.each([
    ['a wrong code', cognitoException('CodeMismatchException', 'Invalid verification code provided')],
    [
      'an expired code',
      cognitoException('ExpiredCodeException', 'Invalid code provided, please request a code again.'),
    ],
    ['an unknown user (no hint that the email has no account)', cognitoException('UserNotFoundException')],
    ['an unknown user as cognito-local reports it', cognitoException('NotAuthorizedException', 'User not authorized')],
  ])('answers 400 on code for %s', async (_case, error) => {
    cognito.on(ConfirmSignUpCommand).rejects(error);

    const response = await confirm({ email: 'ada@example.com', code: '123456' });

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(['code']);
  });

  test('an expired code says so', async () => {
    cognito.on(ConfirmSignUpCommand).rejects(cognitoException('ExpiredCodeException'));

    const response = await confirm({ email: 'ada@example.com', code: '123456' });

    expect(response.body.errors[0].message).toMatch(/expired/);
  });

  test('answers 409 when the account is already confirmed', async () => {
    cognito
      .on(ConfirmSignUpCommand)
      .rejects(cognitoException('NotAuthorizedException', 'User cannot be confirmed. Current status is CONFIRMED'));

    const response = await confirm({ email: 'ada@example.com', code: '123456' });

    expect(response.status).toBe(409);
    expect(response.body.type).toBe('urn:moneta:problem:already-confirmed');
  });

  test.each(['TooManyFailedAttemptsException', 'LimitExceededException', 'TooManyRequestsException'])(
    'maps %s to 429',
    async (name) => {
      cognito.on(ConfirmSignUpCommand).rejects(cognitoException(name));

      const response = await confirm({ email: 'ada@example.com', code: '123456' });

      expect(response.status).toBe(429);
    },
  );

  test('refuses a code with spaces inside with 400 on code', async () => {
    const response = await confirm({ email: 'ada@example.com', code: '123 456' });

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(['code']);
    expect(cognito.calls()).toHaveLength(0);
  });

  describeBodyContract({
    handler: () => handler,
    method: 'POST',
    path,
    validBody: { email: 'ada@example.com', code: '123456' },
    requiredFields: ['email', 'code'],
    sdkCalls: () => cognito.calls().length,
  });
});
