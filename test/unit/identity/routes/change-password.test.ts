import { ChangePasswordCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../../functions/api/auth/change-password';
import { call, cognitoException, describeBodyContract, fieldsOf } from '../../support/api';
import { TEST_ACCESS_TOKEN } from '../../support/http-event';

const cognito = mockClient(CognitoIdentityProviderClient);
beforeEach(() => cognito.reset());

const path = '/v1/auth/change-password';
const claims = { sub: 'user-1', scope: 'aws.cognito.signin.user.admin' };
const valid = { currentPassword: 'Old-Password-1', newPassword: 'Brand-New-Pass-7' };
const change = (body: unknown) => call(handler, { method: 'POST', path, body, claims });

describe('POST /v1/auth/change-password', () => {
  test("changes the password with the caller's access token and answers 204", async () => {
    cognito.on(ChangePasswordCommand).resolves({});

    const response = await change(valid);

    expect(response.status).toBe(204);
    expect(cognito.commandCalls(ChangePasswordCommand).map((c) => c.args[0].input)).toEqual([
      { AccessToken: TEST_ACCESS_TOKEN, PreviousPassword: 'Old-Password-1', ProposedPassword: 'Brand-New-Pass-7' },
    ]);
  });

  test.each([
    ['as Cognito reports it', 'NotAuthorizedException', 'Incorrect username or password.'],
    ['as cognito-local reports it', 'InvalidPasswordException', 'Invalid password'],
  ])('a wrong current password (%s) is a 400 on currentPassword, not a 401', async (_case, name, message) => {
    cognito.on(ChangePasswordCommand).rejects(cognitoException(name, message));

    const response = await change(valid);

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(['currentPassword']);
  });

  test('a revoked access token is a 401', async () => {
    cognito
      .on(ChangePasswordCommand)
      .rejects(cognitoException('NotAuthorizedException', 'Access Token has been revoked'));

    expect((await change(valid)).status).toBe(401);
  });

  test('a weak new password is refused with 400 on newPassword before calling Cognito', async () => {
    const response = await change({ ...valid, newPassword: 'weakpassword' });

    expect(response.status).toBe(400);
    expect(new Set(fieldsOf(response))).toEqual(new Set(['newPassword']));
    expect(cognito.calls()).toHaveLength(0);
  });

  test.each([
    ['InvalidPasswordException', 'Password does not conform to policy: Password not long enough'],
    ['PasswordHistoryPolicyViolationException', 'Password has previously been used'],
  ])('a new password Cognito refuses (%s) is a 400 on newPassword', async (name, message) => {
    cognito.on(ChangePasswordCommand).rejects(cognitoException(name, message));

    const response = await change(valid);

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(['newPassword']);
  });

  test.each([
    ['LimitExceededException', 'Attempt limit exceeded'],
    ['NotAuthorizedException', 'Password attempts exceeded'],
  ])('%s (%s) is a 429', async (name, message) => {
    cognito.on(ChangePasswordCommand).rejects(cognitoException(name, message));

    expect((await change(valid)).status).toBe(429);
  });

  test('a request without verified claims is a 401 and never reaches Cognito', async () => {
    const response = await call(handler, {
      method: 'POST',
      path,
      body: valid,
      headers: { authorization: 'Bearer stolen' },
    });

    expect(response.status).toBe(401);
    expect(cognito.calls()).toHaveLength(0);
  });

  describeBodyContract({
    handler: () => handler,
    method: 'POST',
    path,
    claims,
    validBody: valid,
    requiredFields: ['currentPassword', 'newPassword'],
    sdkCalls: () => cognito.calls().length,
  });
});
