import '../support/info-logs';
/**
 * What the notifier writes to its logs: enough to trace a notification (kind, fact id, outcome,
 * SES error name), never the recipient, their name, an amount, a payee or the email's content.
 */
import { SESv2Client, SendEmailCommand, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { storedAccount } from '../accounts/support';
import { eventBridgeEvent, lambdaContext, userSignedUp } from '../support/eventbridge-event';
import { logLines } from '../support/log-output';
import { budgetAlert, transactionCreated } from './support/fact-events';
import { type LocalTable, startLocalTable } from './support/local-table';

jest.setTimeout(60_000);

const ses = mockClient(SESv2Client);
let table: LocalTable;
let handler: (event: EventBridgeEvent<string, unknown>, context: Context) => Promise<void>;

beforeAll(async () => {
  table = await startLocalTable();
  handler = (await import('../../../functions/events/notifier')).handler;
}, 90_000);
afterAll(async () => table?.stop());

const notify = (detailType: string, detail: object) =>
  handler(eventBridgeEvent(detailType, detail as Record<string, unknown>), lambdaContext('notifier'));

test('sent, suppressed and failed notifications are logged by kind and fact id, without personal data', async () => {
  const userId = 'logs-user';
  await table.seedProfile({
    userId,
    email: 'grace.hopper@example.com',
    name: 'Grace Hopper',
    notifications: {
      budgetThreshold: false,
      budgetExceeded: true,
      goalMilestone: true,
      goalAchieved: true,
      largeTransaction: true,
      unusualSpending: true,
      largeTransactionAmount: 1000,
      exportReady: true,
      attachExports: true,
      monthlySummary: true,
      invoiceReminders: true,
      webhookDisabled: true,
      paymentReceipt: true,
      paymentFailed: true,
    },
  });
  await table.put(storedAccount(userId, { accountId: 'acc-1', name: 'Secret Savings' }));
  ses
    .on(SendEmailCommand)
    .rejectsOnce(new TooManyRequestsException({ message: 'Slow down', $metadata: {} }))
    .resolves({ MessageId: 'ses-1' });

  const lines = await logLines(async () => {
    await notify(
      'UserSignedUp',
      userSignedUp({ userId, email: 'grace.hopper@example.com', name: 'Grace Hopper' }),
    ).catch(() => undefined);
    await notify('UserSignedUp', userSignedUp({ userId, email: 'grace.hopper@example.com', name: 'Grace Hopper' }));
    await notify('BudgetThresholdCrossed', budgetAlert({ budgetName: 'Private Budget' }, { userId }));
    await notify('TransactionCreated', transactionCreated({ payee: 'Discreet Clinic', amount: 987_654 }, { userId }));
  });
  const output = JSON.stringify(lines);

  expect(lines).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        message: 'Email not sent',
        kind: 'welcome',
        factId: 'welcome',
        errorCode: 'TooManyRequestsException',
      }),
      expect.objectContaining({ message: 'Email sent', kind: 'welcome', factId: 'welcome', sesMessageId: 'ses-1' }),
      expect.objectContaining({ message: 'Notification switched off by the user', kind: 'budgetThreshold' }),
      expect.objectContaining({ message: 'Email sent', kind: 'largeTransaction' }),
    ]),
  );
  expect(ses.commandCalls(SendEmailCommand)).toHaveLength(3);
  for (const secret of [
    'grace.hopper@example.com',
    'Grace Hopper',
    'Private Budget',
    'Secret Savings',
    'Discreet Clinic',
    '987654',
    '9,876.54',
    '412.50',
  ]) {
    expect(output).not.toContain(secret);
  }
});
