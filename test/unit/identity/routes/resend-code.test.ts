import {
  CognitoIdentityProviderClient,
  ResendConfirmationCodeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../../functions/api/auth/resend-code';
import { clearRequestBudgets } from '../../../support/unit-limiter';
import { call, cognitoException, describeBodyContract, fieldsOf } from '../../support/api';

const cognito = mockClient(CognitoIdentityProviderClient);
beforeEach(() => cognito.reset());

const path = '/v1/auth/resend-code';
const resend = (body: unknown) => call(handler, { method: 'POST', path, body });

describe('POST /v1/auth/resend-code', () => {
  test('asks Cognito for a new code and answers 202', async () => {
    cognito.on(ResendConfirmationCodeCommand).resolves({
      CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', Destination: 'a***@e***' },
    });

    const response = await resend({ email: 'ADA@example.com ' });

    expect(response.status).toBe(202);
    expect(response.body).toEqual({ message: expect.any(String) });
    expect(cognito.commandCalls(ResendConfirmationCodeCommand).map((c) => c.args[0].input)).toEqual([
      { ClientId: 'testclient', Username: 'ada@example.com' },
    ]);
  });

  test.each([
    [
      'the email has no account',
      cognitoException('UserNotFoundException', 'Username/client id combination not found.'),
    ],
    ['the account is already confirmed', cognitoException('InvalidParameterException', 'User is already confirmed.')],
  ])('answers the same 202 when %s', async (_case, error) => {
    cognito.on(ResendConfirmationCodeCommand).resolves({});
    const sent = await resend({ email: 'ada@example.com' });
    cognito.reset();
    // The same email's budget as for the first request, so only the account differs.
    clearRequestBudgets();
    cognito.on(ResendConfirmationCodeCommand).rejects(error);

    const response = await resend({ email: 'ada@example.com' });

    expect(response).toEqual(sent);
  });

  test.each(['LimitExceededException', 'TooManyRequestsException'])('maps %s to 429', async (name) => {
    cognito.on(ResendConfirmationCodeCommand).rejects(cognitoException(name));

    const response = await resend({ email: 'ada@example.com' });

    expect(response.status).toBe(429);
  });

  test('refuses a malformed email with 400', async () => {
    const response = await resend({ email: 'ada@' });

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
