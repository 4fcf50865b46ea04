/**
 * The scheduled function's input contract: it runs "as of" Scheduler's scheduled time, so the same
 * run retried does the same work (and writes nothing twice), and it refuses an instant it cannot
 * read rather than decide overdue for the wrong day.
 */
import { InvoiceEntity, InvoiceReminderEntity } from '../../../shared/invoices/items';
import { newInvoiceItem } from '../../../shared/invoices/manage';
import { dueIndexKeys } from '../../../shared/invoices/store';
import { lambdaContext } from '../support/eventbridge-event';
import { startLocalDynamoDb } from '../support/local-dynamodb';
import { profileItem } from '../support/stream-records';

jest.setTimeout(120_000);

type Outcome = { examined: number; reminded: number; existing: number; notYet: number; failed: number };
let table: Awaited<ReturnType<typeof startLocalDynamoDb>>;
let handler: (event: unknown, context: unknown) => Promise<Outcome>;

const T0 = '2026-01-01T00:00:00.000Z';

beforeAll(async () => {
  table = await startLocalDynamoDb();
  handler = (await import('../../../functions/ops/sweep-overdue-invoices')).handler as unknown as typeof handler;
  await table.putAll([
    profileItem({ userId: 'in-tokyo', homeCurrency: 'JPY', timezone: 'Asia/Tokyo', createdAt: T0, updatedAt: T0 }),
  ]);
  const invoice = {
    ...newInvoiceItem(
      {
        direction: 'received',
        number: 'B-1',
        issueDate: '2026-01-01',
        dueDate: '2026-03-10',
        currency: 'JPY',
        lines: [{ description: 'Rent', quantity: '1', unitPrice: 100_000, taxRate: '10' }],
      },
      'INV1',
      T0,
    ),
    state: 'issued' as const,
    issuedAt: T0,
  };
  await table.put({ ...InvoiceEntity.key('in-tokyo', 'INV1'), ...invoice, ...dueIndexKeys('in-tokyo', invoice) });
}, 90_000);
afterAll(async () => table?.stop());

const run = (event: unknown) => handler(event, lambdaContext('overdue-sweep'));

test("as of Scheduler's scheduled time: the bill is reminded in the hour Tokyo's 11th begins, once", async () => {
  // 14:00 UTC on the 10th is 23:00 in Tokyo: still the due date.
  expect(await run({ scheduledTime: '2026-03-10T14:00:00Z' })).toMatchObject({ reminded: 0, notYet: 1 });
  const first = await run({ scheduledTime: '2026-03-10T15:00:00Z' });
  const retried = await run({ scheduledTime: '2026-03-10T15:00:00Z' });

  expect(first).toMatchObject({ examined: 1, reminded: 1, failed: 0 });
  expect(retried).toMatchObject({ examined: 0, reminded: 0 });
  expect(await table.partition('in-tokyo', InvoiceReminderEntity.prefix)).toEqual([
    expect.objectContaining({
      factId: 'INV1#2026-03-10',
      direction: 'received',
      openAmount: 110_000,
      asOf: '2026-03-11',
      currency: 'JPY',
    }),
  ]);
});

test('a scheduled time that is no instant fails the run', async () => {
  await expect(run({ scheduledTime: '<aws.scheduler.scheduled-time>' })).rejects.toThrow(
    'scheduledTime is not an ISO 8601 instant',
  );
  await expect(run({ scheduledTime: 1 })).rejects.toThrow('scheduledTime is not an ISO 8601 instant');
});
