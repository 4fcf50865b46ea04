import { streamFilterPatterns } from '../../../lib/catalog/stream-filters';
import { matchesPattern } from '../../../lib/local/event-pattern';
import { eventSchemas } from '../../../shared/app/events';
import { approximateCreationTime, derivedEvents, fromStreamRecord } from '../../../shared/app/from-stream';
import type { TransactionItem } from '../../../shared/transactions/items';
import { insertOf, modifyOf, profileItem, removeOf, streamRecord } from '../support/stream-records';
import { accountFixture, categoryFixture, transactionFixture } from '../transactions/support/ledger-fixtures';

describe('approximateCreationTime', () => {
  const at = (value: unknown) => {
    const record = insertOf(profileItem());
    (record.dynamodb as Record<string, unknown>).ApproximateCreationDateTime = value;
    return approximateCreationTime(record)?.toISOString();
  };

  test('reads epoch seconds (Lambda), a Date (SDK) and an ISO string (serialized SDK record)', () => {
    expect(at(1_740_819_600)).toBe('2025-03-01T09:00:00.000Z');
    expect(at(new Date('2025-03-01T09:00:00Z'))).toBe('2025-03-01T09:00:00.000Z');
    expect(at('2025-03-01T09:00:00.000Z')).toBe('2025-03-01T09:00:00.000Z');
    expect(at('1740819600')).toBe('2025-03-01T09:00:00.000Z');
    expect(at(undefined)).toBeUndefined();
    expect(at('yesterday')).toBeUndefined();
  });
});

describe('fromStreamRecord', () => {
  test('records without the image their event needs are not events', () => {
    const withoutOld = modifyOf(profileItem(), profileItem());
    delete withoutOld.dynamodb!.OldImage;
    const removeWithoutOld = removeOf(profileItem());
    delete removeWithoutOld.dynamodb!.OldImage;

    expect(fromStreamRecord(withoutOld)).toBeUndefined();
    expect(fromStreamRecord(removeWithoutOld)).toBeUndefined();
  });

  test('a profile without a version is published as version 0', () => {
    const { version: _version, ...unversioned } = profileItem();
    const mapped = fromStreamRecord(streamRecord({ eventName: 'INSERT', newItem: unversioned }));
    expect(mapped?.detail.version).toBe(0);
  });
});

describe('counter moves are not events of their own', () => {
  const stored = <T extends object>(item: T, sk: string) => ({ pk: 'USER#user-1', sk, ...item });
  const account = (overrides: Parameters<typeof accountFixture>[0] = {}) =>
    stored(accountFixture({ fundsGoal: false, ...overrides }), 'ACCOUNT#acc-eur');
  const category = (overrides: Parameters<typeof categoryFixture>[0] = {}) =>
    stored(categoryFixture(overrides), 'CATEGORY#groceries');

  test("a ledger write that moves only an account's balance and count publishes nothing for the account", () => {
    const moved = modifyOf(account(), account({ balance: -1250, transactionCount: 1 }));
    expect(fromStreamRecord(moved)).toBeUndefined();
  });

  test('nor one that moves its pending and reconciled balances (a pending entry, a status change, a reconciliation)', () => {
    const pending = modifyOf(account(), account({ balance: -1250, pendingBalance: -1250, transactionCount: 1 }));
    expect(fromStreamRecord(pending)).toBeUndefined();
    const reconciled = modifyOf(
      account({ balance: -1250, pendingBalance: -1250, transactionCount: 1 }),
      account({ balance: -1250, pendingBalance: 0, reconciledBalance: -1250, transactionCount: 1 }),
    );
    expect(fromStreamRecord(reconciled)).toBeUndefined();
  });

  test("nor only a category's count", () => {
    expect(fromStreamRecord(modifyOf(category(), category({ transactionCount: 3 })))).toBeUndefined();
  });

  test('a change the user made is published, even in the same write as a counter move', () => {
    const renamed = modifyOf(account(), account({ name: 'Household', balance: -1250, transactionCount: 1 }));
    expect(fromStreamRecord(renamed)?.detailType).toBe('AccountUpdated');
    const archived = modifyOf(category(), category({ archived: true }));
    expect(fromStreamRecord(archived)?.detailType).toBe('CategoryUpdated');
  });

  test('the balance of an account that funds a goal is published: the goal tracker follows it', () => {
    const funding = modifyOf(
      account({ fundsGoal: true }),
      account({ fundsGoal: true, balance: 5000, transactionCount: 1 }),
    );
    expect(fromStreamRecord(funding)).toMatchObject({
      detailType: 'AccountUpdated',
      detail: { data: { balance: 5000 } },
    });
  });

  test('an account stored before the flag existed keeps publishing its balance, as it always did', () => {
    const { fundsGoal: _old, ...before } = account();
    const { fundsGoal: _new, ...after } = account({ balance: 5000, transactionCount: 1 });
    expect(fromStreamRecord(modifyOf(before, after))?.detailType).toBe('AccountUpdated');
  });
});

describe('derivedEvents: CurrencyConverted, read off a transaction write', () => {
  const stored = (item: TransactionItem) => ({ pk: 'USER#user-1', sk: `TXN#${item.transactionId}`, ...item });
  const ecb = { rate: '0.8', exactRate: '4/5', source: 'ECB' as const, rateDate: '2026-04-13', fallback: true };
  const usdInEur = transactionFixture({
    amount: 10000,
    currency: 'USD',
    accountAmount: -8000,
    homeAmount: -8000,
    accountConversion: { ...ecb, provisional: true, rateAgeDays: 1 },
    homeConversion: { ...ecb, provisional: true, rateAgeDays: 1 },
  });
  const derived = (record: ReturnType<typeof insertOf>) => {
    const mapped = fromStreamRecord(record);
    return mapped ? derivedEvents(mapped) : [];
  };

  test('one event per target currency, with the money, the amount, the rate and whether it is provisional', () => {
    const events = derived(insertOf(stored(usdInEur), { eventID: 'rec-1' }));
    expect(events).toHaveLength(1);
    expect(events[0]?.detailType).toBe('CurrencyConverted');
    expect(events[0]?.detail).toMatchObject({
      sourceEventId: 'rec-1#converted-EUR',
      userId: 'user-1',
      id: usdInEur.transactionId,
      data: {
        transactionId: usdInEur.transactionId,
        userId: 'user-1',
        from: { amount: 10000, currency: 'USD' },
        to: 'EUR',
        amount: 8000,
        rate: '0.8',
        rateDate: '2026-04-13',
        source: 'ECB',
        provisional: true,
      },
    });
    expect(eventSchemas.CurrencyConverted().safeParse(events[0]?.detail).success).toBe(true);
  });

  test('no conversion, no event; an edit that keeps the conversion publishes none; a re-pricing does', () => {
    expect(derived(insertOf(stored(transactionFixture())))).toEqual([]);
    const noted = { ...usdInEur, note: 'lunch', version: 2 };
    expect(derived(modifyOf(stored(usdInEur), stored(noted)))).toEqual([]);
    const final = { ...ecb, rate: '0.79', rateDate: '2026-04-14', fallback: false, provisional: false, rateAgeDays: 0 };
    const repriced = {
      ...noted,
      accountAmount: -7900,
      homeAmount: -7900,
      accountConversion: final,
      homeConversion: final,
      version: 3,
    };
    const events = derived(modifyOf(stored(noted), stored(repriced)));
    expect(events.map((event) => event.detail.data)).toMatchObject([{ amount: 7900, provisional: false }]);
    expect(derived(removeOf(stored(repriced)))).toEqual([]);
  });

  test('a USD expense in a GBP account of a EUR user: two conversions, two events', () => {
    const twice = transactionFixture({
      amount: 10000,
      currency: 'USD',
      accountAmount: -7000,
      accountCurrency: 'GBP',
      homeAmount: -8000,
      accountConversion: { ...ecb, rate: '0.7' },
      homeConversion: ecb,
    });
    expect(
      derived(insertOf(stored(twice))).map((event) => {
        const data = event.detail.data as { to: string; amount: number };
        return [data.to, data.amount];
      }),
    ).toEqual([
      ['GBP', 7000],
      ['EUR', 8000],
    ]);
  });
});

describe('who made a change, and the audit trail itself', () => {
  const stamp = { updatedBy: 'user', correlationId: 'req-rename-1' };

  test('the stamp goes into the envelope (actor, correlationId), not into data or previous', () => {
    const before = { ...profileItem({ name: 'Ada' }), updatedBy: 'user', correlationId: 'req-signup' };
    const after = { ...profileItem({ name: 'Ada L.', version: 2 }), ...stamp };
    const mapped = fromStreamRecord(modifyOf(before, after));

    expect(mapped?.detail).toMatchObject({ actor: 'user', correlationId: 'req-rename-1' });
    expect(mapped?.detail.data).not.toHaveProperty('updatedBy');
    expect(mapped?.detail.previous).not.toHaveProperty('correlationId');
    const published = eventSchemas.UserUpdated().parse(mapped?.detail);
    expect(published).toMatchObject({ actor: 'user', correlationId: 'req-rename-1' });
  });

  test('a stamp alone (put on an item just before it is deleted) is not an event', () => {
    const before = { ...profileItem(), updatedBy: 'user', correlationId: 'req-signup' };
    const stamped = { ...profileItem(), updatedBy: 'ledger-cleaner', correlationId: 'req-delete' };
    expect(fromStreamRecord(modifyOf(before, stamped))).toBeUndefined();
  });

  test("a deletion names the deleter and its time: the stamp of the item's last image", () => {
    const stamped = {
      ...profileItem(),
      updatedBy: 'user',
      correlationId: 'req-delete',
      stampedAt: '2026-03-01T09:00:00.123Z',
    };
    // Its time is the stamp's, to the millisecond, not the stream record's second.
    expect(fromStreamRecord(removeOf(stamped))?.detail).toMatchObject({
      actor: 'user',
      correlationId: 'req-delete',
      occurredAt: '2026-03-01T09:00:00.123Z',
    });
  });

  test('a counter move stamped by the write that made it is still not an event of its own', () => {
    const account = (overrides: Parameters<typeof accountFixture>[0], by: Record<string, string>) => ({
      pk: 'USER#user-1',
      sk: 'ACCOUNT#acc-eur',
      ...accountFixture({ fundsGoal: false, ...overrides }),
      ...by,
    });
    const moved = modifyOf(
      account({}, { updatedBy: 'user', correlationId: 'req-1' }),
      account({ balance: -1250, transactionCount: 1 }, { updatedBy: 'user', correlationId: 'req-2' }),
    );
    expect(fromStreamRecord(moved)).toBeUndefined();
  });

  test('an audit entry is never published: its writes are not domain facts, and the stream filter drops them', () => {
    const entry = {
      pk: 'USER#user-1',
      sk: 'AUDIT#2026-03-01T09:00:00.000Z#stream-1',
      type: 'AUDIT_ENTRY',
      sourceEventId: 'stream-1',
      entity: 'account',
      entityId: 'acc-1',
      operation: 'updated',
      event: 'AccountUpdated',
      actor: 'user',
      correlationId: 'req-1',
      occurredAt: '2026-03-01T09:00:00.000Z',
      version: 2,
      before: { name: 'Old' },
      after: { name: 'New' },
      updatedBy: 'audit-logger',
    };
    const insert = insertOf(entry);
    expect(fromStreamRecord(insert)).toBeUndefined();
    expect(fromStreamRecord(removeOf(entry))).toBeUndefined();
    const matches = (record: unknown) => streamFilterPatterns.some((pattern) => matchesPattern(pattern, record));
    expect(matches(insert)).toBe(false);
    expect(matches(removeOf(entry))).toBe(false);
    // The same filter passes a domain item, so the refusal above is about the type.
    expect(matches(insertOf(profileItem()))).toBe(true);
  });
});
