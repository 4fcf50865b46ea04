/**
 * The InvoiceOverdue fact through the notifier (real DynamoDB Local, SES mocked): one email per
 * invoice and due date however often the event comes, worded for who owes whom (a received bill:
 * the user owes the supplier; an issued invoice: the customer owes the user the open amount), and
 * none for a user with invoice reminders switched off, recorded as suppressed.
 */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import type { EventDetail } from '../../../shared/app/events';
import { defaultNotificationPreferences } from '../../../shared/identity/profile';
import type { InvoiceReminderItem } from '../../../shared/invoices/items';
import { eventBridgeEvent, lambdaContext } from '../support/eventbridge-event';
import { type LocalTable, startLocalTable } from './support/local-table';

jest.setTimeout(60_000);

const ses = mockClient(SESv2Client);

let table: LocalTable;
let notifier: { handler: (event: EventBridgeEvent<string, unknown>, context: Context) => Promise<void> };

beforeAll(async () => {
  table = await startLocalTable();
  notifier = await import('../../../functions/events/notifier');
}, 90_000);
afterAll(async () => table?.stop());
beforeEach(() => {
  ses.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: 'ses-message-1' });
});

function overdue(
  userId: string,
  overrides: Partial<InvoiceReminderItem> = {},
  sourceEventId = 'stream-overdue-1',
): EventDetail<'InvoiceOverdue'> {
  const data: InvoiceReminderItem = {
    type: 'INVOICE_REMINDER',
    factId: 'INV1#2026-03-10',
    invoiceId: 'INV1',
    direction: 'issued',
    number: 'F-2026-007',
    payeeName: 'ACME SL',
    dueDate: '2026-03-10',
    currency: 'EUR',
    gross: 121_000,
    paidAmount: 21_000,
    openAmount: 100_000,
    asOf: '2026-03-11',
    timezone: 'Europe/Madrid',
    remindedAt: '2026-03-10T23:00:04.000Z',
    ...overrides,
  };
  return { sourceEventId, userId, id: data.factId, version: 0, occurredAt: data.remindedAt, data };
}

const notify = (detail: object) =>
  notifier.handler(eventBridgeEvent('InvoiceOverdue', detail as Record<string, unknown>), lambdaContext('notifier'));
const sentMails = () => ses.commandCalls(SendEmailCommand).map((call) => call.args[0].input);
const textOf = (mail: ReturnType<typeof sentMails>[number] | undefined) =>
  mail?.Content?.Simple?.Body?.Text?.Data ?? '';

test('an issued invoice: one email saying the customer owes the open amount, however often delivered', async () => {
  const userId = 'overdue-issuer';
  await table.seedProfile({ userId, email: 'issuer@example.com' });

  await notify(overdue(userId));
  await notify(overdue(userId));
  await notify(overdue(userId, {}, 'stream-overdue-republished'));

  const mails = sentMails();
  expect(mails).toHaveLength(1);
  expect(mails[0]?.Destination?.ToAddresses).toEqual(['issuer@example.com']);
  expect(mails[0]?.Content?.Simple?.Subject?.Data).toBe('Invoice F-2026-007 is overdue: €1,000.00 still to collect');
  const text = textOf(mails[0]);
  expect(text).toContain(
    'Your invoice F-2026-007 to ACME SL was due on 10 March 2026 and is not fully paid: the customer still owes you €1,000.00.',
  );
  expect(text).toContain('Customer: ACME SL');
  expect(text).toContain('Total: €1,210.00');
  expect(text).toContain('Paid: €210.00');
  expect(text).toContain('Open: €1,000.00');
  expect(text).toContain('/v1/invoices/INV1');
  expect(text).toContain('notifications.invoiceReminders');
  expect(await table.notification(userId, 'invoice-overdue#INV1#2026-03-10')).toMatchObject({
    kind: 'invoiceReminders',
    status: 'sent',
  });
});

test('a received bill: the email says the user owes the supplier', async () => {
  const userId = 'overdue-payer';
  await table.seedProfile({ userId, email: 'payer@example.com' });

  await notify(
    overdue(userId, {
      direction: 'received',
      number: 'B-88',
      payeeName: 'Power Co',
      gross: 5_000,
      paidAmount: 0,
      openAmount: 5_000,
      factId: 'BILL1#2026-03-10',
      invoiceId: 'BILL1',
    }),
  );

  const mails = sentMails();
  expect(mails).toHaveLength(1);
  expect(mails[0]?.Content?.Simple?.Subject?.Data).toBe('Bill B-88 is overdue: you owe €50.00');
  const text = textOf(mails[0]);
  expect(text).toContain(
    'The bill B-88 from Power Co was due on 10 March 2026 and is not fully paid: you still owe €50.00.',
  );
  expect(text).toContain('Supplier: Power Co');
  expect(text).not.toContain('owes you');
});

test('a later due date of the same invoice is a new fact: one more email', async () => {
  const userId = 'overdue-moved';
  await table.seedProfile({ userId });

  await notify(overdue(userId));
  await notify(overdue(userId, { factId: 'INV1#2026-04-10', dueDate: '2026-04-10' }, 'stream-overdue-2'));

  expect(sentMails()).toHaveLength(2);
});

test('invoice reminders switched off: no email, suppressed by preference', async () => {
  const userId = 'overdue-opted-out';
  await table.seedProfile({ userId, notifications: { ...defaultNotificationPreferences, invoiceReminders: false } });

  await notify(overdue(userId));

  expect(sentMails()).toEqual([]);
  expect(await table.notification(userId, 'invoice-overdue#INV1#2026-03-10')).toMatchObject({
    kind: 'invoiceReminders',
    status: 'suppressed',
    reason: 'preference',
  });
});

test('a profile written before the preference existed reads as switched on', async () => {
  const userId = 'overdue-old-profile';
  const { invoiceReminders: _absent, ...before } = defaultNotificationPreferences;
  await table.seedProfile({ userId, notifications: before as typeof defaultNotificationPreferences });

  await notify(overdue(userId));

  expect(sentMails()).toHaveLength(1);
});
