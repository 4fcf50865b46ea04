/**
 * The notifier end to end below the bus: real EventBridge event shapes in, a real DynamoDB (Local)
 * for the profile, the claim, the hourly cap and the log, and SES mocked with aws-sdk-client-mock,
 * so every test can count the emails a user would receive.
 */

import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SESv2Client, SendEmailCommand, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { rules } from '../../../lib/catalog/rules';
import type { Profile } from '../../../shared/identity/profile';
import { notifiedEvents } from '../../../shared/notifications/facts';
import { HOURLY_EMAIL_CAP } from '../../../shared/notifications/hourly-cap';
import { NotificationCapEntity, NotificationEntity } from '../../../shared/notifications/items';
import { storedAccount } from '../accounts/support';
import { eventBridgeEvent, lambdaContext, userSignedUp } from '../support/eventbridge-event';
import { budgetAlert, exportReady, goalAchieved, goalMilestone, transactionCreated } from './support/fact-events';
import { type LocalTable, startLocalTable } from './support/local-table';
import { visibleText } from './support/visible-text';

jest.setTimeout(60_000);

const ses = mockClient(SESv2Client);
const s3 = mockClient(S3Client);
process.env.FILES_BUCKET = 'moneta-files-test';
/** The bytes of the export the tests attach. */
const EXPORT_BYTES = Buffer.from('PK\u0003\u0004 a small workbook');

let table: LocalTable;
let notifier: {
  handler: (event: EventBridgeEvent<string, unknown>, context: Context) => Promise<void>;
  acceptedDetailTypes: readonly string[];
};

beforeAll(async () => {
  table = await startLocalTable();
  // Loaded after the endpoint is set: the handler builds its clients at init.
  notifier = await import('../../../functions/events/notifier');
}, 90_000);
afterAll(async () => table?.stop());

let userSeq = 0;
/** A fresh user per test: no test can see another's cap counter or log. */
async function newUser(overrides: Partial<Profile> = {}) {
  userSeq += 1;
  const userId = `user-${userSeq}-${Date.now()}`;
  await table.seedProfile({ email: `${userId}@example.com`, ...overrides, userId });
  return userId;
}

const notify = (detailType: string, detail: object) =>
  notifier.handler(eventBridgeEvent(detailType, detail as Record<string, unknown>), lambdaContext('notifier'));
const sentMails = () => ses.commandCalls(SendEmailCommand).map((call) => call.args[0].input);
const textOf = (mail: ReturnType<typeof sentMails>[number]) => mail.Content?.Simple?.Body?.Text?.Data ?? '';
const htmlOf = (mail: ReturnType<typeof sentMails>[number]) =>
  visibleText(mail.Content?.Simple?.Body?.Html?.Data ?? '');

beforeEach(() => {
  ses.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: 'ses-message-1' });
  s3.reset();
  // The SDK's body stream, as far as the notifier reads it.
  s3.on(GetObjectCommand).resolves({
    Body: { transformToByteArray: async () => new Uint8Array(EXPORT_BYTES) },
  } as never);
});

test('the notifier handles exactly the detail types of its rule', () => {
  const rule = rules.find((candidate) => candidate.target === 'notifier');
  expect([...notifier.acceptedDetailTypes].sort()).toEqual([...(rule?.detailTypes ?? [])].sort());
  expect([...notifier.acceptedDetailTypes].sort()).toEqual(
    [
      'BudgetThresholdCrossed',
      'ExportReady',
      'GoalAchieved',
      'GoalMilestoneReached',
      'InvoiceOverdue',
      'MonthlySummary',
      'PaymentFailed',
      'PaymentSucceeded',
      'TransactionCreated',
      'UnusualSpending',
      'UserSignedUp',
      'WebhookDisabled',
    ].sort(),
  );
  // Every event routed here has a fact to email, and every fact's event is routed here.
  expect([...notifier.acceptedDetailTypes].sort()).toEqual([...notifiedEvents].sort());
});

describe('each fact becomes one email to the address on the profile', () => {
  test('UserSignedUp: a welcome email, recorded as sent in the log', async () => {
    const userId = await newUser({ name: 'Ada' });
    await notify('UserSignedUp', userSignedUp({ userId, email: 'stale@example.com', name: 'Ada' }));

    expect(sentMails()).toHaveLength(1);
    const mail = sentMails()[0]!;
    expect(mail).toMatchObject({
      FromEmailAddress: 'no-reply@example.com',
      ConfigurationSetName: 'moneta-test',
      // The profile's address, not the event's: the profile is the current truth.
      Destination: { ToAddresses: [`${userId}@example.com`] },
      EmailTags: [{ Name: 'kind', Value: 'welcome' }],
    });
    expect(mail.Content?.Simple?.Subject?.Data).toBe('Welcome to Moneta');
    expect(textOf(mail)).toContain('Hi Ada,');
    expect(await table.notification(userId, 'welcome')).toMatchObject({
      type: 'NOTIFICATION',
      kind: 'welcome',
      factId: 'welcome',
      status: 'sent',
      attempts: 1,
      sesMessageId: 'ses-message-1',
      sentAt: expect.any(String),
      gsi1pk: `USER#${userId}#NOTIFY`,
      gsi1sk: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z#welcome$/),
    });
    expect(await table.notification(userId, 'welcome')).not.toHaveProperty('expiresAt');
  });

  test('WebhookDisabled: which webhook, how long it failed, how to enable it again; once per disabling', async () => {
    const userId = await newUser();
    const detail = {
      sourceEventId: 'stream-webhook-disabled-1',
      userId,
      id: 'wh-1#2026-12-07T10:00:00.000Z',
      version: 1,
      occurredAt: '2026-12-07T10:00:00.000Z',
      data: {
        type: 'WEBHOOK_DISABLED',
        factId: 'wh-1#2026-12-07T10:00:00.000Z',
        webhookId: 'wh-1',
        url: 'https://hooks.example.com/moneta',
        description: 'Sheet sync',
        consecutiveFailures: 50,
        failingSince: '2026-12-05T09:00:00.000Z',
        disabledAt: '2026-12-07T10:00:00.000Z',
        createdAt: '2026-12-07T10:00:00.000Z',
        version: 1,
      },
    };
    await notify('WebhookDisabled', detail);
    await notify('WebhookDisabled', { ...detail, sourceEventId: 'stream-webhook-disabled-again' });

    expect(sentMails()).toHaveLength(1);
    const [mail] = sentMails();
    expect(mail?.EmailTags).toEqual([{ Name: 'kind', Value: 'webhookDisabled' }]);
    expect(mail?.Content?.Simple?.Subject?.Data).toBe('Webhook disabled: Sheet sync');
    for (const body of [textOf(mail!), htmlOf(mail!)]) {
      expect(body).toContain('https://hooks.example.com/moneta');
      expect(body).toContain('PATCH /v1/webhooks/wh-1');
      expect(body).toContain('notifications.webhookDisabled');
    }
  });

  test('BudgetThresholdCrossed: the budget, period, spent, limit and percent', async () => {
    const userId = await newUser();
    await notify('BudgetThresholdCrossed', budgetAlert({}, { userId }));

    const [mail] = sentMails();
    expect(sentMails()).toHaveLength(1);
    expect(mail?.EmailTags).toEqual([{ Name: 'kind', Value: 'budgetThreshold' }]);
    expect(mail?.Content?.Simple?.Subject?.Data).toBe('Budget "Groceries": 82% used for April 2026');
    for (const body of [textOf(mail!), htmlOf(mail!)]) {
      expect(body).toContain('you have spent €412.50 of €500.00 (82%), €87.50 left.');
    }
    expect(await table.notification(userId, 'budget-1:2026-04:80')).toMatchObject({
      kind: 'budgetThreshold',
      status: 'sent',
    });
  });

  test('BudgetThresholdCrossed with exceeded: a budget-exceeded email', async () => {
    const userId = await newUser();
    await notify(
      'BudgetThresholdCrossed',
      budgetAlert(
        { alertId: 'budget-1:2026-04:100', threshold: 100, spent: 61_000, percent: 122, exceeded: true },
        { userId },
      ),
    );

    const [mail] = sentMails();
    expect(mail?.EmailTags).toEqual([{ Name: 'kind', Value: 'budgetExceeded' }]);
    expect(mail?.Content?.Simple?.Subject?.Data).toBe('Budget "Groceries" exceeded for April 2026');
    expect(textOf(mail!)).toContain('you have spent €610.00 of €500.00 (122%), €110.00 over.');
  });

  test('GoalMilestoneReached and GoalAchieved: saved, target and percent', async () => {
    const userId = await newUser();
    await notify('GoalMilestoneReached', goalMilestone({}, { userId }));
    await notify('GoalAchieved', goalAchieved({}, { userId }));

    const [milestone, achieved] = sentMails();
    expect(sentMails()).toHaveLength(2);
    expect(milestone?.Content?.Simple?.Subject?.Data).toBe('Goal "Trip to Japan": 50% reached');
    expect(textOf(milestone!)).toContain('you have saved €1,500.00 of €3,000.00 (50%).');
    expect(achieved?.Content?.Simple?.Subject?.Data).toBe('Goal "Trip to Japan" achieved');
    expect(htmlOf(achieved!)).toContain('You have saved €3,010.00 of €3,000.00.');
    expect((await table.notification(userId, 'goal-1-50'))?.kind).toBe('goalMilestone');
    expect((await table.notification(userId, 'goal-1-100'))?.kind).toBe('goalAchieved');
  });

  test('TransactionCreated at or above the large-transaction amount: money, account, payee, date', async () => {
    const userId = await newUser({
      notifications: {
        budgetThreshold: true,
        budgetExceeded: true,
        goalMilestone: true,
        goalAchieved: true,
        largeTransaction: true,
        unusualSpending: true,
        largeTransactionAmount: 250_000,
        exportReady: true,
        attachExports: true,
        monthlySummary: true,
        invoiceReminders: true,
        webhookDisabled: true,
        paymentReceipt: true,
        paymentFailed: true,
      },
    });
    await table.put(storedAccount(userId, { accountId: 'acc-1', name: 'Everyday <Checking>' }));

    await notify('TransactionCreated', transactionCreated({}, { userId }));

    const [mail] = sentMails();
    expect(sentMails()).toHaveLength(1);
    expect(mail?.EmailTags).toEqual([{ Name: 'kind', Value: 'largeTransaction' }]);
    expect(mail?.Content?.Simple?.Subject?.Data).toBe('Large expense: €2,500.00 to Bike Shop');
    for (const body of [textOf(mail!), htmlOf(mail!)]) {
      expect(body).toContain('was recorded on 6 April 2026 in "Everyday <Checking>", to Bike Shop.');
    }
    expect(mail?.Content?.Simple?.Body?.Html?.Data).toContain('Everyday &lt;Checking&gt;');
    expect(await table.notification(userId, 'large-txn#01JRTXN0000000000000000001')).toMatchObject({
      kind: 'largeTransaction',
      status: 'sent',
    });
  });

  test('smaller transactions, transfers and other home currencies are not large: nothing sent or written', async () => {
    const userId = await newUser({
      notifications: {
        budgetThreshold: true,
        budgetExceeded: true,
        goalMilestone: true,
        goalAchieved: true,
        largeTransaction: true,
        unusualSpending: true,
        largeTransactionAmount: 250_000,
        exportReady: true,
        attachExports: true,
        monthlySummary: true,
        invoiceReminders: true,
        webhookDisabled: true,
        paymentReceipt: true,
        paymentFailed: true,
      },
    });
    await notify('TransactionCreated', transactionCreated({ homeAmount: -249_999 }, { userId }));
    await notify(
      'TransactionCreated',
      transactionCreated({ transactionId: 'txn-transfer', kind: 'transfer', transferId: 'tr-1' }, { userId }),
    );
    await notify(
      'TransactionCreated',
      transactionCreated({ transactionId: 'txn-usd-home', homeCurrency: 'USD' }, { userId }),
    );

    expect(sentMails()).toHaveLength(0);
    expect((await table.items(userId)).map((item) => item.sk)).toEqual(['PROFILE']);
  });
});

describe('ExportReady', () => {
  /** The raw MIME message SES was given, as text. */
  const rawOf = (mail: ReturnType<typeof sentMails>[number]) =>
    Buffer.from(mail.Content?.Raw?.Data ?? []).toString('utf8');

  test('a small export is attached, with a link to the download route, and is sent once', async () => {
    const userId = await newUser();
    const detail = exportReady({}, { userId });
    await notify('ExportReady', detail);
    await notify('ExportReady', detail);

    expect(sentMails()).toHaveLength(1);
    const mail = sentMails()[0]!;
    expect(mail.Content?.Simple).toBeUndefined();
    expect(mail).toMatchObject({
      Destination: { ToAddresses: [`${userId}@example.com`] },
      EmailTags: [{ Name: 'kind', Value: 'exportReady' }],
    });
    const raw = rawOf(mail);
    expect(raw).toContain(`To: ${userId}@example.com`);
    expect(raw).toContain('Content-Type: multipart/mixed;');
    expect(raw).toContain('Content-Disposition: attachment; filename="transactions-2026-01-01-to-2026-03-31.xlsx"');
    expect(raw).toContain(EXPORT_BYTES.toString('base64'));
    const text = Buffer.from(
      /text\/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n([A-Za-z0-9+/=\r\n]+?)\r\n--/
        .exec(raw)![1]!
        .replace(/\r\n/g, ''),
      'base64',
    ).toString('utf8');
    expect(text).toContain(`https://api.moneta.example/v1/exports/${detail.data.exportId}/download`);
    expect(text).toContain('1,234 transactions');
    expect(s3.commandCalls(GetObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: 'moneta-files-test',
      Key: detail.data.fileKey,
    });
    expect((await table.notification(userId, `export-ready#${detail.data.exportId}`))?.status).toBe('sent');
  });

  test('a large export, or a user who turned attachments off, gets the link only', async () => {
    const big = await newUser();
    await notify('ExportReady', exportReady({ fileSize: 5_000_000 }, { userId: big }));
    const optedOut = await newUser({
      notifications: {
        budgetThreshold: true,
        budgetExceeded: true,
        goalMilestone: true,
        goalAchieved: true,
        largeTransaction: false,
        largeTransactionAmount: 100_000,
        unusualSpending: true,
        exportReady: true,
        attachExports: false,
        monthlySummary: true,
        invoiceReminders: true,
        webhookDisabled: true,
        paymentReceipt: true,
        paymentFailed: true,
      },
    });
    await notify('ExportReady', exportReady({}, { userId: optedOut }));

    expect(sentMails()).toHaveLength(2);
    for (const mail of sentMails()) {
      expect(mail.Content?.Raw).toBeUndefined();
      expect(textOf(mail)).toContain('/v1/exports/01KEXPORT00000000000000001/download');
      expect(mail.Content?.Simple?.Subject?.Data).toBe('Your Moneta export is ready');
    }
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
  });
});

describe('exactly once', () => {
  const facts = (userId: string): [string, object][] => [
    ['UserSignedUp', userSignedUp({ userId })],
    ['BudgetThresholdCrossed', budgetAlert({}, { userId })],
    ['GoalMilestoneReached', goalMilestone({}, { userId })],
    ['GoalAchieved', goalAchieved({}, { userId })],
  ];

  test('every fact delivered twice sends one email each', async () => {
    const userId = await newUser();
    for (const [detailType, detail] of facts(userId)) {
      await notify(detailType, detail);
      await notify(detailType, detail);
    }
    expect(sentMails()).toHaveLength(4);
    expect(sentMails().map((mail) => mail.EmailTags?.[0]?.Value)).toEqual([
      'welcome',
      'budgetThreshold',
      'goalMilestone',
      'goalAchieved',
    ]);
  });

  test('concurrent deliveries of one fact send one email', async () => {
    const userId = await newUser();
    const detail = budgetAlert({}, { userId });
    await Promise.all([1, 2, 3].map(() => notify('BudgetThresholdCrossed', detail).catch(() => undefined)));
    // A loser of a TransactWriteItems conflict throws and is retried by the rule target.
    await notify('BudgetThresholdCrossed', detail);
    expect(sentMails()).toHaveLength(1);
  });

  test('a republished fact (new envelope id and stream record id) still sends one email', async () => {
    const userId = await newUser();
    await notify('BudgetThresholdCrossed', budgetAlert({}, { userId, sourceEventId: 'stream-1' }));
    await notify('BudgetThresholdCrossed', budgetAlert({}, { userId, sourceEventId: 'stream-1-replayed' }));
    expect(sentMails()).toHaveLength(1);
  });

  test('an SES outage (3 refusals, then success) ends with one email, status sent, 4 attempts', async () => {
    const userId = await newUser();
    const detail = goalMilestone({}, { userId });
    const throttled = () => new TooManyRequestsException({ message: 'Slow down', $metadata: {} });
    ses
      .on(SendEmailCommand)
      .rejectsOnce(throttled())
      .rejectsOnce(throttled())
      .rejectsOnce(throttled())
      .resolves({ MessageId: 'ses-message-after-outage' });

    // What the rule target's retry policy does: deliver again after each failure.
    for (let attempt = 1; attempt <= 3; attempt++) {
      await expect(notify('GoalMilestoneReached', detail)).rejects.toThrow('Slow down');
      expect(await table.notification(userId, 'goal-1-50')).toMatchObject({
        status: 'failed',
        attempts: attempt,
        reason: 'TooManyRequestsException',
      });
    }
    await notify('GoalMilestoneReached', detail);
    await notify('GoalMilestoneReached', detail); // a late duplicate after success

    expect(sentMails()).toHaveLength(4); // three refused, one accepted, none after
    const item = await table.notification(userId, 'goal-1-50');
    expect(item).toMatchObject({ status: 'sent', attempts: 4, sesMessageId: 'ses-message-after-outage' });
    expect(item).not.toHaveProperty('reason');
    // Refused sends gave their cap slots back: one email, one slot.
    const caps = (await table.items(userId)).filter((i) => String(i.sk).startsWith('NOTIFYCAP#'));
    expect(caps.map((cap) => cap.sent)).toEqual([1]);
  });

  test('a claim held by an attempt in progress blocks a delivery; an expired one does not', async () => {
    const userId = await newUser();
    const claimedAgo = (ms: number) => ({
      ...NotificationEntity.key(userId, 'welcome'),
      type: 'NOTIFICATION',
      kind: 'welcome',
      factId: 'welcome',
      status: 'sending',
      attempts: 1,
      claimToken: 'someone-else',
      claimedAt: new Date(Date.now() - ms).toISOString(),
      createdAt: new Date(Date.now() - ms).toISOString(),
      updatedAt: new Date(Date.now() - ms).toISOString(),
    });

    await table.put(claimedAgo(10_000));
    await notify('UserSignedUp', userSignedUp({ userId }));
    expect(sentMails()).toHaveLength(0);

    await table.put(claimedAgo(3 * 60_000));
    await notify('UserSignedUp', userSignedUp({ userId }));
    expect(sentMails()).toHaveLength(1);
    expect(await table.notification(userId, 'welcome')).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('preferences, the hourly cap and deleted users', () => {
  test('a switched-off kind is recorded as suppressed (preference) and never sent, even after switching on', async () => {
    const prefs = {
      budgetThreshold: false,
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
    };
    const userId = await newUser({ notifications: prefs });
    await notify('BudgetThresholdCrossed', budgetAlert({}, { userId }));
    await notify('TransactionCreated', transactionCreated({}, { userId }));

    expect(sentMails()).toHaveLength(0);
    expect(await table.notification(userId, 'budget-1:2026-04:80')).toMatchObject({
      kind: 'budgetThreshold',
      status: 'suppressed',
      reason: 'preference',
      attempts: 0,
    });
    expect(await table.notification(userId, 'large-txn#01JRTXN0000000000000000001')).toMatchObject({
      status: 'suppressed',
      reason: 'preference',
    });

    // Switching the kind back on does not resurrect a fact already decided.
    await table.seedProfile({
      userId,
      email: `${userId}@example.com`,
      notifications: { ...prefs, budgetThreshold: true },
    });
    await notify('BudgetThresholdCrossed', budgetAlert({}, { userId }));
    expect(sentMails()).toHaveLength(0);

    // Another kind of the same user is unaffected.
    await notify(
      'BudgetThresholdCrossed',
      budgetAlert({ alertId: 'budget-1:2026-04:100', exceeded: true, threshold: 100 }, { userId }),
    );
    expect(sentMails()).toHaveLength(1);
  });

  describe('the hourly cap', () => {
    const onlyDateIsFake = [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ] as const;
    afterEach(() => jest.useRealTimers());

    test(`${HOURLY_EMAIL_CAP} emails per user per UTC hour; the next is suppressed (hourly-cap); the next hour sends again`, async () => {
      expect(HOURLY_EMAIL_CAP).toBe(20);
      const userId = await newUser();
      const otherUser = await newUser();
      jest.useFakeTimers({ doNotFake: [...onlyDateIsFake], now: new Date('2026-04-13T09:59:00.000Z') });

      const alert = (n: number, user = userId) =>
        budgetAlert({ alertId: `budget-${n}:2026-04:80`, budgetId: `budget-${n}` }, { userId: user });
      for (let n = 1; n <= 21; n++) await notify('BudgetThresholdCrossed', alert(n));

      expect(sentMails()).toHaveLength(20);
      expect(await table.notification(userId, 'budget-21:2026-04:80')).toMatchObject({
        status: 'suppressed',
        reason: 'hourly-cap',
        attempts: 0,
      });
      expect(await table.get(NotificationCapEntity.key(userId, '2026-04-13T09'))).toMatchObject({
        sent: 20,
        type: 'NOTIFICATION_CAP',
        // The hour's start + 2 days, in epoch seconds (TTL).
        expiresAt: Date.parse('2026-04-15T09:00:00Z') / 1000,
      });

      // The cap is per user.
      await notify('BudgetThresholdCrossed', alert(1, otherUser));
      expect(sentMails()).toHaveLength(21);

      // A redelivery of the suppressed fact in the next hour stays suppressed; a new fact is sent.
      jest.setSystemTime(new Date('2026-04-13T10:00:00.000Z'));
      await notify('BudgetThresholdCrossed', alert(21));
      await notify('BudgetThresholdCrossed', alert(22));
      expect(sentMails()).toHaveLength(22);
      expect(sentMails()[21]?.Destination?.ToAddresses).toEqual([`${userId}@example.com`]);
      expect(await table.notification(userId, 'budget-22:2026-04:80')).toMatchObject({ status: 'sent' });
    });
  });

  test('a user without a profile (deleted) gets nothing, and nothing is written to their partition', async () => {
    const userId = await newUser();
    await table.deleteProfile(userId);

    await notify('UserSignedUp', userSignedUp({ userId }));
    await notify('BudgetThresholdCrossed', budgetAlert({}, { userId }));
    await notify('GoalAchieved', goalAchieved({}, { userId }));

    expect(sentMails()).toHaveLength(0);
    expect(await table.items(userId)).toEqual([]);
  });
});

test('events the notifier does not handle, or with an invalid detail, are refused without sending', async () => {
  const userId = await newUser();
  const detail = userSignedUp({ userId });
  await expect(notify('UserUpdated', { ...detail, previous: detail.data })).rejects.toThrow(
    'does not handle UserUpdated',
  );
  await expect(
    notify('BudgetThresholdCrossed', { ...budgetAlert({}, { userId }), data: { spent: 'lots' } }),
  ).rejects.toThrow('BudgetThresholdCrossed detail is invalid');
  expect(sentMails()).toHaveLength(0);
  expect((await table.items(userId)).map((item) => item.sk)).toEqual(['PROFILE']);
});
