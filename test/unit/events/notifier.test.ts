import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { SESv2Client, SendEmailCommand, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { acceptedDetailTypes, handler } from '../../../functions/events/notifier';
import { rules } from '../../../lib/catalog/rules';
import { eventBridgeEvent, lambdaContext, userSignedUp } from '../support/eventbridge-event';

const dynamo = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESv2Client);

/**
 * The notification items of the table, with the three conditional updates the store makes
 * (claim, record sent, record failed) evaluated the way DynamoDB would.
 */
const table = new Map<string, Record<string, unknown>>();
const itemKey = (key: Record<string, unknown>) => `${key.pk}|${key.sk}`;
const conditionFailed = () =>
  new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

function applyUpdate(input: UpdateCommandInput) {
  const key = input.Key as Record<string, unknown>;
  const values = input.ExpressionAttributeValues as Record<string, unknown>;
  const current = table.get(itemKey(key));
  if (input.ConditionExpression?.includes('attribute_not_exists')) {
    const claimable =
      !current ||
      current.status === 'failed' ||
      (current.status === 'sending' && String(current.claimedAt) < String(values[':staleBefore']));
    if (!claimable) throw conditionFailed();
    const next = {
      ...current,
      ...key,
      type: values[':type'],
      kind: values[':kind'],
      factId: values[':factId'],
      status: 'sending',
      claimedAt: values[':now'],
      updatedAt: values[':now'],
      createdAt: current?.createdAt ?? values[':now'],
      attempts: Number(current?.attempts ?? 0) + 1,
    };
    table.set(itemKey(key), next);
    return { Attributes: { attempts: next.attempts } };
  }
  if (!current || current.attempts !== values[':attempt']) throw conditionFailed();
  const next = { ...current, status: values[':status'], updatedAt: values[':at'] };
  if (values[':messageId'] !== undefined)
    Object.assign(next, { sesMessageId: values[':messageId'], sentAt: values[':at'] });
  if (values[':code'] !== undefined) Object.assign(next, { lastErrorCode: values[':code'] });
  table.set(itemKey(key), next);
  return {};
}

const welcomeItem = (userId = 'user-1') => table.get(`USER#${userId}|NOTIFY#welcome`);
const sentMails = () => ses.commandCalls(SendEmailCommand).map((call) => call.args[0].input);
const notify = (event: ReturnType<typeof eventBridgeEvent>) => handler(event, lambdaContext('notifier'));
const signedUp = (...args: Parameters<typeof userSignedUp>) => eventBridgeEvent('UserSignedUp', userSignedUp(...args));

beforeEach(() => {
  table.clear();
  dynamo.reset();
  ses.reset();
  dynamo.on(UpdateCommand).callsFake(applyUpdate);
  ses.on(SendEmailCommand).resolves({ MessageId: 'ses-message-1' });
});

test('the notifier handles exactly the detail types of its rule', () => {
  const rule = rules.find((candidate) => candidate.target === 'notifier');
  expect([...acceptedDetailTypes].sort()).toEqual([...(rule?.detailTypes ?? [])].sort());
});

test('UserSignedUp sends one welcome email to the new user and records it', async () => {
  await notify(signedUp({ name: 'Ada' }));

  expect(sentMails()).toHaveLength(1);
  const mail = sentMails()[0]!;
  expect(mail).toMatchObject({
    FromEmailAddress: 'no-reply@example.com',
    ConfigurationSetName: 'moneta-test',
    Destination: { ToAddresses: ['ada@example.com'] },
    EmailTags: [{ Name: 'kind', Value: 'welcome' }],
  });
  expect(mail.Content?.Simple?.Subject?.Data).toBe('Welcome to Moneta');
  expect(mail.Content?.Simple?.Body?.Text?.Data).toContain('Hi Ada,');
  expect(mail.Content?.Simple?.Body?.Html?.Data).toContain('Hi Ada,');

  expect(welcomeItem()).toMatchObject({
    type: 'NOTIFICATION',
    kind: 'welcome',
    factId: 'welcome',
    status: 'sent',
    attempts: 1,
    sesMessageId: 'ses-message-1',
    sentAt: expect.any(String),
  });
  expect(welcomeItem()).not.toHaveProperty('expiresAt');
});

test('the same event delivered twice sends one email', async () => {
  const event = signedUp();

  await notify(event);
  await notify(event);

  expect(sentMails()).toHaveLength(1);
  // The second delivery asked for the claim and was refused by the condition.
  expect(
    dynamo
      .commandCalls(UpdateCommand)
      .filter((call) => call.args[0].input.ConditionExpression?.includes('attribute_not_exists')),
  ).toHaveLength(2);
  expect(welcomeItem()).toMatchObject({ status: 'sent', attempts: 1 });
});

test('a republished fact (new envelope id and stream record id) still sends one email', async () => {
  await notify(signedUp({}, 'stream-event-1'));
  await notify(signedUp({}, 'stream-event-1-replayed'));

  expect(sentMails()).toHaveLength(1);
});

test('each user gets their own welcome email', async () => {
  await notify(signedUp({ userId: 'user-a', email: 'a@example.com' }));
  await notify(signedUp({ userId: 'user-b', email: 'b@example.com' }));

  expect(sentMails().map((mail) => mail.Destination?.ToAddresses)).toEqual([['a@example.com'], ['b@example.com']]);
});

test('when SES fails, the item is marked failed and the handler throws so the event is retried', async () => {
  ses.on(SendEmailCommand).rejects(new TooManyRequestsException({ message: 'Slow down', $metadata: {} }));

  await expect(notify(signedUp())).rejects.toThrow('Slow down');

  expect(welcomeItem()).toMatchObject({ status: 'failed', attempts: 1, lastErrorCode: 'TooManyRequestsException' });
});

test('a redelivery after a failed send sends the email', async () => {
  const event = signedUp();
  ses
    .on(SendEmailCommand)
    .rejectsOnce(new TooManyRequestsException({ message: 'Slow down', $metadata: {} }))
    .resolves({ MessageId: 'ses-message-1' });

  await expect(notify(event)).rejects.toThrow();
  await notify(event);

  expect(sentMails()).toHaveLength(2); // the refused call and the accepted one
  expect(welcomeItem()).toMatchObject({ status: 'sent', attempts: 2, sesMessageId: 'ses-message-1' });
});

test('a claim held by an attempt in progress blocks a concurrent delivery; an expired one does not', async () => {
  const claimedAgo = (ms: number) => ({
    pk: 'USER#user-1',
    sk: 'NOTIFY#welcome',
    status: 'sending',
    attempts: 1,
    claimedAt: new Date(Date.now() - ms).toISOString(),
  });

  table.set('USER#user-1|NOTIFY#welcome', claimedAgo(10_000));
  await notify(signedUp());
  expect(sentMails()).toHaveLength(0);

  table.set('USER#user-1|NOTIFY#welcome', claimedAgo(3 * 60_000));
  await notify(signedUp());
  expect(sentMails()).toHaveLength(1);
  expect(welcomeItem()).toMatchObject({ status: 'sent', attempts: 2 });
});

test('a name with markup is escaped in the HTML body and kept as typed in the text body', async () => {
  await notify(signedUp({ name: '<script>alert("x")</script>' }));

  const body = sentMails()[0]!.Content?.Simple?.Body;
  expect(body?.Html?.Data).not.toContain('<script>');
  expect(body?.Html?.Data).toContain('Hi &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;,');
  expect(body?.Text?.Data).toContain('Hi <script>alert("x")</script>,');
});

test('events the notifier does not handle, or with an invalid detail, are refused without sending', async () => {
  const detail = userSignedUp();
  await expect(notify(eventBridgeEvent('UserUpdated', { ...detail, previous: detail.data }))).rejects.toThrow(
    'does not handle UserUpdated',
  );
  await expect(
    notify(eventBridgeEvent('UserSignedUp', { ...detail, data: { ...detail.data, email: 'nope' } })),
  ).rejects.toThrow('data.email');
  expect(sentMails()).toHaveLength(0);
  expect(dynamo.commandCalls(UpdateCommand)).toHaveLength(0);
});
