import { CognitoIdentityProviderClient, ForgotPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../../functions/api/auth/forgot-password';
import { clearRequestBudgets } from '../../../support/unit-limiter';
import { call, cognitoException, describeBodyContract, fieldsOf } from '../../support/api';

const cognito = mockClient(CognitoIdentityProviderClient);
beforeEach(() => cognito.reset());

const path = '/v1/auth/forgot-password';
const forgot = (body: unknown) => call(handler, { method: 'POST', path, body });

describe('POST /v1/auth/forgot-password', () => {
  test('asks Cognito to email a reset code and answers 202', async () => {
    cognito.on(ForgotPasswordCommand).resolves({
      CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', Destination: 'a***@e***' },
    });

    const response = await forgot({ email: 'Ada@Example.com' });

    expect(response.status).toBe(202);
    expect(response.body).toEqual({ message: expect.any(String) });
    expect(cognito.commandCalls(ForgotPasswordCommand).map((c) => c.args[0].input)).toEqual([
      { ClientId: 'testclient', Username: 'ada@example.com' },
    ]);
  });

  test.each([
    ['an unknown user', 'UserNotFoundException', 'Username/client id combination not found.'],
    ['a user without a verified email', 'InvalidParameterException', 'Cannot reset password for the user'],
    ['a disabled user', 'NotAuthorizedException', 'User is disabled.'],
    ['an unconfirmed user', 'UserNotConfirmedException', 'User is not confirmed.'],
  ])('answers exactly as for a real account for %s', async (_case, name, message) => {
    cognito.on(ForgotPasswordCommand).resolves({});
    const known = await forgot({ email: 'ada@example.com' });
    cognito.reset();
    // The same email's budget as for the first request, so only the account differs.
    clearRequestBudgets();
    cognito.on(ForgotPasswordCommand).rejects(cognitoException(name, message));

    const response = await forgot({ email: 'ada@example.com' });

    expect(response).toEqual(known);
  });

  test.each(['LimitExceededException', 'TooManyRequestsException'])('%s is a 429', async (name) => {
    cognito.on(ForgotPasswordCommand).rejects(cognitoException(name));

    expect((await forgot({ email: 'ada@example.com' })).status).toBe(429);
  });

  test('a malformed email is a 400', async () => {
    const response = await forgot({ email: 'ada at example.com' });

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(['email']);
    expect(cognito.calls()).toHaveLength(0);
  });

  describeBodyContract({
    handler: () => handler,
    method: 'POST',
    path,
    validBody: { email: 'ada@example.com' },
    requiredFields: ['email'],
    sdkCalls: () => cognito.calls().length,
  });
});
