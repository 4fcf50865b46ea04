import { CognitoIdentityProviderClient, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../../functions/api/auth/signup';
import { call, cognitoException, describeBodyContract, fieldsOf } from '../../support/api';

const cognito = mockClient(CognitoIdentityProviderClient);
beforeEach(() => cognito.reset());

const path = '/v1/auth/signup';
const password = 'Correct-Horse-9';
const signup = (body: unknown) => call(handler, { method: 'POST', path, body });

const delivered = {
  UserSub: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  UserConfirmed: false,
  CodeDeliveryDetails: { DeliveryMedium: 'EMAIL' as const, Destination: 'a***@e***', AttributeName: 'email' },
};

describe('POST /v1/auth/signup', () => {
  test('registers the user with Cognito and answers 201 with the masked code destination', async () => {
    cognito.on(SignUpCommand).resolves(delivered);

    const response = await signup({
      email: '  Ada.Lovelace@Example.COM ',
      password,
      name: 'Ada Lovelace',
      homeCurrency: 'GBP',
      timezone: 'Europe/London',
    });

    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      userId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      confirmed: false,
      codeDelivery: { medium: 'EMAIL', destination: 'a***@e***' },
    });
    expect(cognito.commandCalls(SignUpCommand).map((c) => c.args[0].input)).toEqual([
      {
        ClientId: 'testclient',
        Username: 'ada.lovelace@example.com',
        Password: password,
        UserAttributes: [
          { Name: 'email', Value: 'ada.lovelace@example.com' },
          { Name: 'name', Value: 'Ada Lovelace' },
          { Name: 'custom:homeCurrency', Value: 'GBP' },
          { Name: 'custom:timezone', Value: 'Europe/London' },
        ],
      },
    ]);
  });

  test('sends only the email attribute when the optional fields are absent', async () => {
    cognito.on(SignUpCommand).resolves(delivered);

    const response = await signup({ email: 'ada@example.com', password });

    expect(response.status).toBe(201);
    expect(cognito.commandCalls(SignUpCommand)[0]?.args[0].input.UserAttributes).toEqual([
      { Name: 'email', Value: 'ada@example.com' },
    ]);
  });

  test.each([
    ['too short', 'Sh0rt-pass'],
    ['without an upper-case letter', 'correct-horse-9'],
    ['without a lower-case letter', 'CORRECT-HORSE-9'],
    ['without a digit', 'Correct-Horse-X'],
    ['without a symbol', 'CorrectHorse99'],
    ['with a leading space', ' Correct-Horse-9'],
  ])('refuses a password %s with 400 on password, before calling Cognito', async (_case, weak) => {
    const response = await signup({ email: 'ada@example.com', password: weak });

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(expect.arrayContaining(['password']));
    expect(cognito.calls()).toHaveLength(0);
  });

  test.each([
    ['email', { email: 'not-an-email' }],
    ['homeCurrency', { homeCurrency: 'XYZ' }],
    ['homeCurrency', { homeCurrency: 'eur' }],
    ['timezone', { timezone: 'Mars/Olympus_Mons' }],
    ['name', { name: '   ' }],
  ])('refuses an invalid %s with 400 naming it', async (field, override) => {
    const response = await signup({ email: 'ada@example.com', password, ...override });

    expect(response.status).toBe(400);
    expect(new Set(fieldsOf(response))).toEqual(new Set([field]));
    expect(cognito.calls()).toHaveLength(0);
  });

  test('answers 409 when the email already has an account', async () => {
    cognito.on(SignUpCommand).rejects(cognitoException('UsernameExistsException', 'User already exists'));

    const response = await signup({ email: 'ada@example.com', password });

    expect(response.status).toBe(409);
    expect(response.body.type).toBe('urn:moneta:problem:email-taken');
  });

  test('maps a password Cognito refuses to 400 on password', async () => {
    cognito
      .on(SignUpCommand)
      .rejects(cognitoException('InvalidPasswordException', 'Password does not conform to policy'));

    const response = await signup({ email: 'ada@example.com', password });

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(['password']);
  });

  test.each(['TooManyRequestsException', 'LimitExceededException'])('maps %s to 429', async (name) => {
    cognito.on(SignUpCommand).rejects(cognitoException(name));

    const response = await signup({ email: 'ada@example.com', password });

    expect(response.status).toBe(429);
    expect(response.body.type).toBe('urn:moneta:problem:too-many-requests');
  });

  test('an unexpected Cognito error is a 500 with a correlation id and without its message', async () => {
    cognito.on(SignUpCommand).rejects(cognitoException('InternalErrorException', 'secret internals'));

    const response = await signup({ email: 'ada@example.com', password });

    expect(response.status).toBe(500);
    expect(response.body.correlationId).toBe('req-test-1');
    expect(JSON.stringify(response.body)).not.toContain('secret internals');
  });

  describeBodyContract({
    handler: () => handler,
    method: 'POST',
    path,
    validBody: { email: 'ada@example.com', password },
    requiredFields: ['email', 'password'],
    sdkCalls: () => cognito.calls().length,
  });
});
