/**
 * The MonthlySummary fact through the notifier (real DynamoDB Local, SES mocked): one email with
 * the fact's figures, once however often the event comes; none for a user who switched it off
 * since the fact was written, recorded as suppressed.
 */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import type { EventDetail } from '../../../shared/app/events';
import { defaultNotificationPreferences } from '../../../shared/identity/profile';
import type { MonthlySummaryItem } from '../../../shared/summaries/items';
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

function summary(userId: string, sourceEventId = 'stream-summary-1'): EventDetail<'MonthlySummary'> {
  const data: MonthlySummaryItem = {
    type: 'MONTHLY_SUMMARY',
    factId: '2026-11',
    month: '2026-11',
    asOf: '2026-12-01',
    timezone: 'Europe/Berlin',
    currency: 'EUR',
    spending: {
      total: 143_000,
      count: 10,
      previousTotal: 10_000,
      top: [
        { categoryId: 'rent', name: 'Rent', amount: 80_000, count: 1, share: 55.9 },
        { categoryId: null, name: 'Uncategorized', amount: 4_000, count: 1, share: 2.8 },
      ],
      other: 59_000,
    },
    budgets: [
      {
        budgetId: 'budget-1',
        name: 'Food',
        period: 'monthly',
        start: '2026-11-01',
        end: '2026-11-30',
        currency: 'EUR',
        spent: 35_000,
        effectiveLimit: 30_000,
        percent: 116.7,
      },
    ],
    goals: [
      {
        goalId: 'goal-1',
        name: 'Holiday',
        currency: 'EUR',
        saved: 50_000,
        target: 200_000,
        percent: 25,
        deadline: '2027-06-30',
      },
    ],
    netWorth: { start: 1_093_000, end: 950_000, change: -143_000 },
    createdAt: '2026-12-01T07:00:05.000Z',
    version: 1,
  };
  return { sourceEventId, userId, id: data.factId, version: 1, occurredAt: data.createdAt, data };
}

const notify = (detail: object) =>
  notifier.handler(eventBridgeEvent('MonthlySummary', detail as Record<string, unknown>), lambdaContext('notifier'));
const sentMails = () => ses.commandCalls(SendEmailCommand).map((call) => call.args[0].input);

test('one email with the month’s figures, however often the fact is delivered', async () => {
  const userId = 'summary-reader';
  await table.seedProfile({ userId, email: 'reader@example.com' });

  await notify(summary(userId));
  await notify(summary(userId));
  await notify(summary(userId, 'stream-summary-republished'));

  const mails = sentMails();
  expect(mails).toHaveLength(1);
  expect(mails[0]?.Destination?.ToAddresses).toEqual(['reader@example.com']);
  expect(mails[0]?.Content?.Simple?.Subject?.Data).toBe(
    'Your November 2026 summary: €1,430.00 spent, net worth −€1,430.00',
  );
  const text = mails[0]?.Content?.Simple?.Body?.Text?.Data ?? '';
  expect(text).toContain(
    'In November 2026 you spent €1,430.00 in 10 transactions (+€1,330.00 against the month before)',
  );
  expect(text).toContain('Rent: €800.00');
  expect(text).toContain('Uncategorized: €40.00');
  expect(text).toContain('Everything else: €590.00');
  expect(text).toContain('- Food (November 2026): €350.00 of €300.00, 116%, over the limit');
  expect(text).toContain('- Holiday: €500.00 of €2,000.00 saved (25%), by 30 June 2027');
  expect(text).toContain('Net worth on 31 October 2026: €10,930.00');
  expect(text).toContain('Net worth on 30 November 2026: €9,500.00');
  expect(text).toContain('notifications.monthlySummary');
  expect(await table.notification(userId, 'monthly-summary#2026-11')).toMatchObject({
    kind: 'monthlySummary',
    status: 'sent',
  });
});

test('a user who switched summaries off after the fact was written gets none: suppressed by preference', async () => {
  const userId = 'summary-opted-out';
  await table.seedProfile({
    userId,
    notifications: { ...defaultNotificationPreferences, monthlySummary: false },
  });

  await notify(summary(userId));

  expect(sentMails()).toEqual([]);
  expect(await table.notification(userId, 'monthly-summary#2026-11')).toMatchObject({
    kind: 'monthlySummary',
    status: 'suppressed',
    reason: 'preference',
  });
});

test('a profile written before the preference existed reads as switched on', async () => {
  const userId = 'summary-old-profile';
  const { monthlySummary: _absent, ...before } = defaultNotificationPreferences;
  await table.seedProfile({ userId, notifications: before as typeof defaultNotificationPreferences });

  await notify(summary(userId));

  expect(sentMails()).toHaveLength(1);
});
