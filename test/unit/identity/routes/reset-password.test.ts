import { CognitoIdentityProviderClient, ConfirmForgotPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../../functions/api/auth/reset-password';
import { call, cognitoException, describeBodyContract, fieldsOf } from '../../support/api';

const cognito = mockClient(CognitoIdentityProviderClient);
beforeEach(() => cognito.reset());

const path = '/v1/auth/reset-password';
const reset = (body: unknown) => call(handler, { method: 'POST', path, body });
const valid = { email: 'ada@example.com', code: '654321', newPassword: 'Brand-New-Pass-7' };

describe('POST /v1/auth/reset-password', () => {
  test('sets the new password with the code and answers 204', async () => {
    cognito.on(ConfirmForgotPasswordCommand).resolves({});

    const response = await reset({ ...valid, email: ' ADA@example.com' });

    expect(response.status).toBe(204);
    expect(response.body).toBeUndefined();
    expect(cognito.commandCalls(ConfirmForgotPasswordCommand).map((c) => c.args[0].input)).toEqual([
      { ClientId: 'testclient', Username: 'ada@example.com', ConfirmationCode: '654321', Password: 'Brand-New-Pass-7' },
    ]);
  });

  test.each([
    ['a wrong code', 'CodeMismatchException'],
    ['an expired code', 'ExpiredCodeException'],
    ['an unknown user (no hint that the email has no account)', 'UserNotFoundException'],
    ['a user without a verified email', 'InvalidParameterException'],
  ])('%s is a 400 on code', async (_case, name) => {
    cognito.on(ConfirmForgotPasswordCommand).rejects(cognitoException(name));

    const response = await reset(valid);

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(['code']);
  });

  test('a weak new password is refused with 400 on newPassword before calling Cognito', async () => {
    const response = await reset({ ...valid, newPassword: 'password' });

    expect(response.status).toBe(400);
    expect(new Set(fieldsOf(response))).toEqual(new Set(['newPassword']));
    expect(cognito.calls()).toHaveLength(0);
  });

  test.each(['InvalidPasswordException', 'PasswordHistoryPolicyViolationException'])(
    'a new password Cognito refuses (%s) is a 400 on newPassword',
    async (name) => {
      cognito.on(ConfirmForgotPasswordCommand).rejects(cognitoException(name));

      const response = await reset(valid);

      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toEqual(['newPassword']);
    },
  );

  test.each(['TooManyFailedAttemptsException', 'LimitExceededException'])('%s is a 429', async (name) => {
    cognito.on(ConfirmForgotPasswordCommand).rejects(cognitoException(name));

    expect((await reset(valid)).status).toBe(429);
  });

  describeBodyContract({
    handler: () => handler,
    method: 'POST',
    path,
    validBody: valid,
    requiredFields: ['email', 'code', 'newPassword'],
    sdkCalls: () => cognito.calls().length,
  });
});
