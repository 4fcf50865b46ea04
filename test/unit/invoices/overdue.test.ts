/**
 * The overdue sweep: the timezone rule on both sides of each boundary (UTC−5, UTC+14, UTC−12), and
 * runs against a real DynamoDB Local — one reminder per invoice and due date however the runs
 * overlap or repeat, nothing for a paid, changed or not-yet-overdue invoice, a moved due date
 * reminded once more, and a bounded run.
 */
import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { defaultNotificationPreferences, ProfileEntity } from '../../../shared/identity/profile';
import { createProfileStore } from '../../../shared/identity/profile-store';
import { InvoiceEntity, type InvoiceItem, InvoiceReminderEntity } from '../../../shared/invoices/items';
import { newInvoiceItem, planPatch } from '../../../shared/invoices/manage';
import { isOverdue, latestDay, reminderOf, type SweepOutcome, sweepOverdue } from '../../../shared/invoices/overdue';
import { createReminderStore } from '../../../shared/invoices/reminders';
import { createInvoiceStore, dueIndexKeys } from '../../../shared/invoices/store';
import { type LocalDynamoDb, startLocalDynamoDb } from '../support/local-dynamodb';

jest.setTimeout(120_000);

const DUE = '2026-03-10';
const at = (iso: string) => new Date(iso);

describe('the overdue rule: from the day after the due date, on the owner’s calendar', () => {
  test.each([
    // UTC−5 (Bogotá, no daylight saving): 23:30 UTC on the 10th is 18:30 on the 10th there.
    ['America/Bogota', '2026-03-10T23:30:00Z', false],
    ['America/Bogota', '2026-03-11T04:59:59Z', false],
    ['America/Bogota', '2026-03-11T05:00:00Z', true],
    // UTC+14: its 11th begins at 10:00 UTC on the 10th.
    ['Pacific/Kiritimati', '2026-03-10T09:59:59Z', false],
    ['Pacific/Kiritimati', '2026-03-10T10:00:00Z', true],
    // UTC−12: its 11th begins at 12:00 UTC on the 11th.
    ['Etc/GMT+12', '2026-03-11T11:59:59Z', false],
    ['Etc/GMT+12', '2026-03-11T12:00:00Z', true],
    // UTC itself.
    ['UTC', '2026-03-10T23:59:59Z', false],
    ['UTC', '2026-03-11T00:00:00Z', true],
  ])('due 2026-03-10, in %s at %s: overdue %s', (zone, instant, overdue) => {
    expect(isOverdue(DUE, zone, at(instant))).toBe(overdue);
  });

  test('the sweep asks for due dates before the latest day on Earth (UTC+14’s)', () => {
    expect(latestDay(at('2026-03-10T09:59:59Z'))).toBe('2026-03-10');
    expect(latestDay(at('2026-03-10T10:00:00Z'))).toBe('2026-03-11');
  });
});

describe('the sweep against DynamoDB', () => {
  let env: LocalDynamoDb;
  beforeAll(async () => {
    env = await startLocalDynamoDb();
  }, 90_000);
  afterAll(async () => env?.stop());

  let sequence = 0;
  const T0 = '2026-01-01T09:00:00.000Z';

  async function newUser(timezone: string): Promise<string> {
    const userId = `overdue-user-${++sequence}`;
    await env.put({
      ...ProfileEntity.key(userId),
      type: 'PROFILE',
      userId,
      email: `${userId}@example.com`,
      name: 'Someone',
      homeCurrency: 'EUR',
      timezone,
      notifications: defaultNotificationPreferences,
      createdAt: T0,
      updatedAt: T0,
      version: 1,
    });
    return userId;
  }

  /** An issued invoice of gross 1000 in the due-date index, as issuing it leaves it. */
  async function issued(userId: string, options: { dueDate?: string; paidAmount?: number } = {}) {
    const invoiceId = `inv-${++sequence}`;
    const invoice: InvoiceItem = {
      ...newInvoiceItem(
        {
          direction: 'issued',
          number: invoiceId,
          issueDate: '2026-01-01',
          dueDate: options.dueDate ?? DUE,
          currency: 'EUR',
          lines: [{ description: 'Work', quantity: '1', unitPrice: 1000, taxRate: '0' }],
        },
        invoiceId,
        T0,
      ),
      state: 'issued',
      issuedAt: T0,
      paidAmount: options.paidAmount ?? 0,
    };
    await env.put({ ...InvoiceEntity.key(userId, invoiceId), ...invoice, ...dueIndexKeys(userId, invoice) });
    return invoiceId;
  }

  const stored = async (userId: string, invoiceId: string) => {
    const { Item } = await env.db.send(
      new GetCommand({ TableName: env.tableName, Key: InvoiceEntity.key(userId, invoiceId), ConsistentRead: true }),
    );
    return Item as (InvoiceItem & { gsi4pk?: string; remindedAt?: string }) | undefined;
  };
  const reminders = (userId: string) => env.partition(userId, InvoiceReminderEntity.prefix);

  const deps = (maxEntries?: number) => ({
    reminders: createReminderStore({ db: env.db, tableName: env.tableName }),
    profile: createProfileStore({ db: env.db, tableName: env.tableName }).get,
    now: () => new Date('2026-03-11T12:00:05Z'),
    ...(maxEntries ? { maxEntries } : {}),
  });
  const run = (instant: string, maxEntries?: number) => sweepOverdue(deps(maxEntries), at(instant));
  const sum = (outcomes: SweepOutcome[], key: 'reminded' | 'existing' | 'changed') =>
    outcomes.reduce((total, outcome) => total + outcome[key], 0);

  test('each owner’s invoice is reminded in the run of their zone’s day after, once', async () => {
    const kiritimati = await newUser('Pacific/Kiritimati');
    const bogota = await newUser('America/Bogota');
    const baker = await newUser('Etc/GMT+12');
    const [early, middle, late] = [await issued(kiritimati), await issued(bogota), await issued(baker)];

    expect(await run('2026-03-10T09:00:00Z')).toMatchObject({ reminded: 0 });
    expect(await run('2026-03-10T10:00:00Z')).toMatchObject({ reminded: 1, notYet: 2 });
    expect(await reminders(kiritimati)).toEqual([
      expect.objectContaining({
        type: 'INVOICE_REMINDER',
        factId: `${early}#${DUE}`,
        invoiceId: early,
        direction: 'issued',
        dueDate: DUE,
        currency: 'EUR',
        gross: 1000,
        paidAmount: 0,
        openAmount: 1000,
        asOf: '2026-03-11',
        timezone: 'Pacific/Kiritimati',
      }),
    ]);
    // Reminded: out of the index (a later run does not read it again) and marked.
    expect(await stored(kiritimati, early)).toMatchObject({ remindedAt: '2026-03-11T12:00:05.000Z' });
    expect((await stored(kiritimati, early))?.gsi4pk).toBeUndefined();

    expect(await run('2026-03-11T04:00:00Z')).toMatchObject({ reminded: 0, notYet: 2 });
    expect(await run('2026-03-11T05:00:00Z')).toMatchObject({ reminded: 1, notYet: 1 });
    expect(await reminders(bogota)).toHaveLength(1);
    expect(await run('2026-03-11T11:00:00Z')).toMatchObject({ reminded: 0, notYet: 1 });
    expect(await run('2026-03-11T12:00:00Z')).toMatchObject({ reminded: 1, notYet: 0 });
    expect(await reminders(baker)).toHaveLength(1);

    // The same hour again, and a later one: nothing more.
    expect(await run('2026-03-11T12:00:00Z')).toMatchObject({ examined: 0, reminded: 0 });
    expect(await run('2026-03-12T12:00:00Z')).toMatchObject({ examined: 0, reminded: 0 });
    for (const [userId, invoiceId] of [
      [kiritimati, early],
      [bogota, middle],
      [baker, late],
    ] as const) {
      expect(await reminders(userId)).toEqual([expect.objectContaining({ invoiceId })]);
    }
  });

  test('overlapping runs of the same and of different hours write one reminder per invoice', async () => {
    const userId = await newUser('Europe/Madrid');
    const invoiceIds = [];
    for (let i = 0; i < 12; i++) invoiceIds.push(await issued(userId, { dueDate: '2026-04-01' }));

    const outcomes = await Promise.all([
      run('2026-04-03T00:00:00Z'),
      run('2026-04-03T00:00:00Z'),
      run('2026-04-03T01:00:00Z'),
      run('2026-04-03T00:00:00Z'),
    ]);
    expect(sum(outcomes, 'reminded')).toBe(12);
    expect(outcomes.every((outcome) => outcome.failed === 0)).toBe(true);
    const written = await reminders(userId);
    expect(written.map((item) => item.invoiceId).sort()).toEqual([...invoiceIds].sort());
  });

  test('a paid invoice, one paid since the index was read, and a deleted user get no reminder', async () => {
    const userId = await newUser('UTC');
    const paidSince = await issued(userId, { dueDate: '2026-05-01' });
    // A payment the index has not caught up with: the write is conditioned on what was read.
    const entry = { userId, invoice: (await stored(userId, paidSince)) as InvoiceItem, sortKey: '' };
    entry.sortKey = dueIndexKeys(userId, entry.invoice).gsi4sk;
    await env.put({ ...(await stored(userId, paidSince)), paidAmount: 1000 });
    const store = createReminderStore({ db: env.db, tableName: env.tableName });
    const profile = await createProfileStore({ db: env.db, tableName: env.tableName }).get(userId);
    expect(await store.remind(entry, reminderOf(entry, profile!, at('2026-05-02T01:00:00Z'), new Date()))).toBe(
      'changed',
    );

    const gone = `overdue-user-${++sequence}`;
    const orphan = await issued(gone, { dueDate: '2026-05-01' });
    const outcome = await run('2026-05-02T01:00:00Z');
    expect(outcome).toMatchObject({ userGone: 1, changed: 1, reminded: 0, failed: 0 });
    expect(await reminders(userId)).toEqual([]);
    expect(await reminders(gone)).toEqual([]);

    // What the invoice-payments consumer and the account eraser then do leaves the index to the tests below.
    const { gsi4pk: _pk, gsi4sk: _sk, ...paid } = (await stored(userId, paidSince)) as Record<string, unknown>;
    await env.put(paid);
    await env.db.send(new DeleteCommand({ TableName: env.tableName, Key: InvoiceEntity.key(gone, orphan) }));
  });

  test('a due date moved later is reminded once more; moved back to a reminded date, not again', async () => {
    const userId = await newUser('UTC');
    const invoiceId = await issued(userId, { dueDate: '2026-06-01' });
    expect(await run('2026-06-02T00:00:00Z')).toMatchObject({ reminded: 1 });

    const invoices = createInvoiceStore({ db: env.db, tableName: env.tableName });
    const moveTo = async (dueDate: string) => {
      const old = (await invoices.get(userId, invoiceId))!;
      await invoices.update(userId, old, planPatch(userId, old, { dueDate }), '2026-06-02T08:00:00.000Z');
    };
    await moveTo('2026-06-15');
    expect((await stored(userId, invoiceId))?.gsi4pk).toBeDefined();
    expect(await run('2026-06-15T12:00:00Z')).toMatchObject({ reminded: 0, notYet: 1 });
    expect(await run('2026-06-16T00:00:00Z')).toMatchObject({ reminded: 1 });
    expect((await reminders(userId)).map((item) => item.dueDate)).toEqual(['2026-06-01', '2026-06-15']);

    await moveTo('2026-06-01');
    expect(await run('2026-06-20T00:00:00Z')).toMatchObject({ reminded: 0, existing: 1 });
    expect(await reminders(userId)).toHaveLength(2);
    expect((await stored(userId, invoiceId))?.gsi4pk).toBeUndefined();
    expect(await run('2026-06-21T00:00:00Z')).toMatchObject({ examined: 0 });
  });

  test('a run goes through a bounded number of entries; the next continues', async () => {
    const userId = await newUser('UTC');
    for (let i = 0; i < 5; i++) await issued(userId, { dueDate: '2026-07-01' });
    expect(await run('2026-07-02T00:00:00Z', 3)).toMatchObject({ examined: 3, reminded: 3, more: true });
    expect(await run('2026-07-02T01:00:00Z', 3)).toMatchObject({ examined: 2, reminded: 2, more: false });
    expect(await reminders(userId)).toHaveLength(5);
  });
});
