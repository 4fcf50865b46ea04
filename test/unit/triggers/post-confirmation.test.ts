import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../functions/triggers/post-confirmation';
import { lambdaContext } from '../support/http-event';

const db = mockClient(DynamoDBDocumentClient);
const NOW = '2026-03-01T10:00:00.000Z';
beforeEach(() => {
  db.reset();
  jest.useFakeTimers({ now: new Date(NOW), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout'] });
});
afterEach(() => jest.useRealTimers());

function trigger(
  userAttributes: Record<string, string>,
  triggerSource: PostConfirmationTriggerEvent['triggerSource'] = 'PostConfirmation_ConfirmSignUp',
): PostConfirmationTriggerEvent {
  return {
    version: '1',
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_test',
    userName: 'f3b1c2d4-user',
    triggerSource,
    callerContext: { awsSdkVersion: 'aws-sdk-js-3', clientId: 'testclient' },
    request: { userAttributes: { 'cognito:user_status': 'CONFIRMED', email_verified: 'true', ...userAttributes } },
    response: {},
  } as PostConfirmationTriggerEvent;
}

const run = (event: PostConfirmationTriggerEvent) => handler(event, lambdaContext('post-confirmation'));
const puts = () => db.commandCalls(PutCommand).map((c) => c.args[0].input);

const ada = {
  sub: 'user-1',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  'custom:homeCurrency': 'GBP',
  'custom:timezone': 'Europe/London',
};

describe('Cognito post-confirmation trigger', () => {
  test('writes the profile once, create-if-absent, and returns the event unchanged', async () => {
    db.on(PutCommand).resolves({});
    const event = trigger(ada);
    const before = structuredClone(event);

    const result = await run(event);

    expect(result).toEqual(before);
    expect(puts()).toEqual([
      {
        TableName: 'moneta-test',
        Item: {
          pk: 'USER#user-1',
          sk: 'PROFILE',
          type: 'PROFILE',
          userId: 'user-1',
          email: 'ada@example.com',
          name: 'Ada Lovelace',
          homeCurrency: 'GBP',
          timezone: 'Europe/London',
          notifications: {
            budgetThreshold: true,
            budgetExceeded: true,
            goalMilestone: true,
            goalAchieved: true,
            largeTransaction: false,
            largeTransactionAmount: 100_000,
          },
          createdAt: NOW,
          updatedAt: NOW,
          version: 1,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    ]);
  });

  test('a second delivery finds the profile and succeeds without overwriting it', async () => {
    db.on(PutCommand)
      .resolvesOnce({})
      .rejectsOnce(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));
    const event = trigger(ada);

    await expect(run(event)).resolves.toEqual(event);
    await expect(run(event)).resolves.toEqual(event);

    // Both attempts were conditional: the second could not have replaced the first.
    expect(puts()).toHaveLength(2);
    expect(puts().every((put) => put.ConditionExpression === 'attribute_not_exists(pk)')).toBe(true);
  });

  test('does nothing after a password reset (ConfirmForgotPassword)', async () => {
    const event = trigger(ada, 'PostConfirmation_ConfirmForgotPassword');

    await expect(run(event)).resolves.toEqual(event);

    expect(db.calls()).toHaveLength(0);
  });

  test('fills the defaults when name and custom attributes are absent', async () => {
    db.on(PutCommand).resolves({});

    await run(trigger({ sub: 'user-2', email: 'grace@example.com' }));

    expect(puts()[0]?.Item).toMatchObject({ name: '', homeCurrency: 'EUR', timezone: 'UTC' });
  });

  test('replaces invalid custom attributes (set outside the API) by the defaults instead of failing sign-up', async () => {
    db.on(PutCommand).resolves({});

    await run(trigger({ ...ada, 'custom:homeCurrency': 'XYZ', 'custom:timezone': 'Mars/Base' }));

    expect(puts()[0]?.Item).toMatchObject({ homeCurrency: 'EUR', timezone: 'UTC' });
  });

  test('stores the email in the lower case the API uses', async () => {
    db.on(PutCommand).resolves({});

    await run(trigger({ ...ada, email: 'Ada@Example.COM' }));

    expect(puts()[0]?.Item?.email).toBe('ada@example.com');
  });

  test('refuses to write a profile that does not validate (no email) and writes nothing', async () => {
    db.on(PutCommand).resolves({});

    await expect(run(trigger({ sub: 'user-3' }))).rejects.toThrow();

    expect(db.calls()).toHaveLength(0);
  });

  test('any other DynamoDB error fails the trigger, so the confirmation is retried', async () => {
    db.on(PutCommand).rejects(new Error('ProvisionedThroughputExceededException'));

    await expect(run(trigger(ada))).rejects.toThrow('ProvisionedThroughputExceededException');
  });
});
