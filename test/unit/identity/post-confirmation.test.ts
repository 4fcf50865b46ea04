import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
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
/** The Puts of every TransactWriteItems call, one array per call. */
const transactions = () =>
  db.commandCalls(TransactWriteCommand).map((c) => (c.args[0].input.TransactItems ?? []).map((item) => item.Put));
/** The Puts of the first call. */
const puts = () => transactions()[0] ?? [];
const cancelled = (codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });
const DEFAULT_CATEGORIES = 20;

const ada = {
  sub: 'user-1',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  'custom:homeCurrency': 'GBP',
  'custom:timezone': 'Europe/London',
};

describe('Cognito post-confirmation trigger', () => {
  test('writes the profile once, create-if-absent, and returns the event unchanged', async () => {
    db.on(TransactWriteCommand).resolves({});
    const event = trigger(ada);
    const before = structuredClone(event);

    const result = await run(event);

    expect(result).toEqual(before);
    expect(transactions()).toHaveLength(1);
    expect(puts()[0]).toEqual({
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
          unusualSpending: true,
          largeTransactionAmount: 100_000,
          exportReady: true,
          attachExports: true,
          monthlySummary: true,
          invoiceReminders: true,
          webhookDisabled: true,
          paymentReceipt: true,
          paymentFailed: true,
        },
        mfa: { totp: 'disabled' },
        createdAt: NOW,
        updatedAt: NOW,
        version: 1,
        // Listed under its zone for the monthly summary's schedule.
        gsi4pk: 'TZ#Europe/London',
        gsi4sk: 'user-1',
      },
      ConditionExpression: 'attribute_not_exists(pk)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    });
  });

  test('writes the default categories in the same transaction, each create-if-absent', async () => {
    db.on(TransactWriteCommand).resolves({});

    await run(trigger(ada));

    const [, ...categories] = puts();
    expect(categories).toHaveLength(DEFAULT_CATEGORIES);
    expect(puts().length).toBeLessThanOrEqual(99);
    for (const put of categories) {
      expect(put).toMatchObject({
        TableName: 'moneta-test',
        Item: { pk: 'USER#user-1', type: 'CATEGORY', transactionCount: 0, archived: false, version: 1, createdAt: NOW },
        ConditionExpression: 'attribute_not_exists(pk)',
      });
      expect(put?.Item?.sk).toBe(`CATEGORY#${put?.Item?.categoryId}`);
    }
    const byId = new Map(categories.map((put) => [put?.Item?.categoryId, put?.Item]));
    expect(byId.get('groceries')).toMatchObject({ name: 'Groceries', kind: 'expense', parentId: 'food' });
    expect(byId.get('food')).toMatchObject({ name: 'Food', kind: 'expense', parentId: null });
    expect(byId.get('rent')).toMatchObject({ kind: 'expense', parentId: 'housing' });
    expect(byId.get('salary')).toMatchObject({ name: 'Salary', kind: 'income', parentId: null });
    // A subcategory's parent is one of the defaults, top level and of the same kind.
    for (const item of byId.values()) {
      if (item?.parentId === null) continue;
      const parent = byId.get(item?.parentId);
      expect(parent).toMatchObject({ parentId: null, kind: item?.kind });
    }
  });

  test('writes the same category ids for every user and every retry (no duplicates on redelivery)', async () => {
    db.on(TransactWriteCommand).resolves({});

    await run(trigger(ada));
    await run(trigger({ ...ada, sub: 'user-9' }));

    const [first, second] = transactions();
    const keysOf = (call: typeof first) => (call ?? []).slice(1).map((put) => put?.Item?.sk);
    expect(keysOf(first)).toEqual(keysOf(second));
    expect(new Set(keysOf(first)).size).toBe(DEFAULT_CATEGORIES);
  });

  test('a second delivery finds the profile and succeeds without overwriting anything', async () => {
    db.on(TransactWriteCommand)
      .resolvesOnce({})
      .rejectsOnce(cancelled(Array(1 + DEFAULT_CATEGORIES).fill('ConditionalCheckFailed')));
    const event = trigger(ada);

    await expect(run(event)).resolves.toEqual(event);
    await expect(run(event)).resolves.toEqual(event);

    // Both attempts were all-conditional: the second could not have replaced the first.
    expect(transactions()).toHaveLength(2);
    expect(
      transactions()
        .flat()
        .every((put) => put?.ConditionExpression === 'attribute_not_exists(pk)'),
    ).toBe(true);
  });

  test('a retry after the user already renamed or deleted a default category still succeeds', async () => {
    // The profile is there (the sign-up write happened); one category is gone, so its Put passes.
    const codes = Array(1 + DEFAULT_CATEGORIES).fill('ConditionalCheckFailed');
    codes[5] = 'None';
    db.on(TransactWriteCommand).rejects(cancelled(codes));
    const event = trigger(ada);

    await expect(run(event)).resolves.toEqual(event);
  });

  test('a cancellation for another reason (a conflicting write) fails the trigger, so Cognito retries', async () => {
    db.on(TransactWriteCommand).rejects(cancelled(['None', 'TransactionConflict', ...Array(19).fill('None')]));

    await expect(run(trigger(ada))).rejects.toThrow(TransactionCanceledException);
  });

  test('does nothing after a password reset (ConfirmForgotPassword)', async () => {
    const event = trigger(ada, 'PostConfirmation_ConfirmForgotPassword');

    await expect(run(event)).resolves.toEqual(event);

    expect(db.calls()).toHaveLength(0);
  });

  test('fills the defaults when name and custom attributes are absent', async () => {
    db.on(TransactWriteCommand).resolves({});

    await run(trigger({ sub: 'user-2', email: 'grace@example.com' }));

    expect(puts()[0]?.Item).toMatchObject({ name: '', homeCurrency: 'EUR', timezone: 'UTC' });
  });

  test('replaces invalid custom attributes (set outside the API) by the defaults instead of failing sign-up', async () => {
    db.on(TransactWriteCommand).resolves({});

    await run(trigger({ ...ada, 'custom:homeCurrency': 'XYZ', 'custom:timezone': 'Mars/Base' }));

    expect(puts()[0]?.Item).toMatchObject({ homeCurrency: 'EUR', timezone: 'UTC' });
  });

  test('stores the email in the lower case the API uses', async () => {
    db.on(TransactWriteCommand).resolves({});

    await run(trigger({ ...ada, email: 'Ada@Example.COM' }));

    expect(puts()[0]?.Item?.email).toBe('ada@example.com');
  });

  test('refuses to write a profile that does not validate (no email) and writes nothing', async () => {
    db.on(TransactWriteCommand).resolves({});

    await expect(run(trigger({ sub: 'user-3' }))).rejects.toThrow();

    expect(db.calls()).toHaveLength(0);
  });

  test('any other DynamoDB error fails the trigger, so the confirmation is retried', async () => {
    db.on(TransactWriteCommand).rejects(new Error('ProvisionedThroughputExceededException'));

    await expect(run(trigger(ada))).rejects.toThrow('ProvisionedThroughputExceededException');
  });
});
