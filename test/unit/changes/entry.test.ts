/** What a change becomes in the feed, decided from the entity's current item and the feed's last word on it. */
import { decideEntry, viewDigest } from '../../../shared/changes/entry';
import { accountFixture, transactionFixture } from '../transactions/support/ledger-fixtures';

const now = new Date('2026-03-01T09:00:00.000Z');
const account = accountFixture({ accountId: 'acc-1', name: 'Checking', balance: 12_300, transactionCount: 4 });

/** The decision for account acc-1 as it is now, first heard of at sequence 1, unless told otherwise. */
const decide = (input: Partial<Parameters<typeof decideEntry>[0]> = {}) =>
  decideEntry({
    entityType: 'account',
    entityId: 'acc-1',
    current: account,
    last: undefined,
    sequence: 1,
    now,
    ...input,
  });

/** What the feed says after it first showed the account. */
const firstState = () => decide()?.state;

test('an entity the feed never spoke of is created, shown as its route shows it, less its running counters', () => {
  const decision = decide({ sequence: 7 });
  expect(decision?.entry).toMatchObject({
    sequence: 7,
    entityType: 'account',
    entityId: 'acc-1',
    operation: 'created',
    recordedAt: '2026-03-01T09:00:00.000Z',
    entity: { id: 'acc-1', name: 'Checking', currency: account.currency, version: account.version },
  });
  expect(decision?.entry.entity).not.toHaveProperty('balance');
  expect(decision?.entry.entity).not.toHaveProperty('transactionCount');
  expect(decision?.state).toEqual({ sequence: 7, digest: viewDigest(decision?.entry.entity ?? {}), deleted: false });
});

test('the same state again (a redelivery, or an older event after a newer one) writes nothing', () => {
  expect(decide({ last: firstState(), sequence: 2 })).toBeUndefined();
});

test('a balance move alone is not a change of the feed’s entity', () => {
  const moved = { ...account, balance: account.balance - 500, transactionCount: account.transactionCount + 1 };
  expect(decide({ current: moved, last: firstState(), sequence: 2 })).toBeUndefined();
});

test('a changed entity is updated with its whole current view', () => {
  const renamed = { ...account, name: 'Household', version: account.version + 1 };
  const decision = decide({ current: renamed, last: firstState(), sequence: 2 });
  expect(decision?.entry.operation).toBe('updated');
  expect(decision?.entry.entity).toMatchObject({ name: 'Household', version: account.version + 1 });
});

test('a gone entity is a tombstone once, and a late event after it writes nothing', () => {
  const gone = decide({ current: undefined, last: firstState(), sequence: 2 });
  expect(gone?.entry).toEqual({
    sequence: 2,
    entityType: 'account',
    entityId: 'acc-1',
    operation: 'deleted',
    recordedAt: '2026-03-01T09:00:00.000Z',
  });
  expect(gone?.state.deleted).toBe(true);
  expect(decide({ current: undefined, last: gone?.state, sequence: 3 })).toBeUndefined();
});

test('an entity gone before the feed ever showed it still gets its tombstone (a client may have read it from a list)', () => {
  const decision = decide({ entityType: 'transaction', entityId: 't-1', current: undefined });
  expect(decision?.entry.operation).toBe('deleted');
});

test('an entity created again after its tombstone is created', () => {
  const transaction = transactionFixture();
  const decision = decide({
    entityType: 'transaction',
    entityId: transaction.transactionId,
    current: transaction,
    last: { sequence: 4, digest: 'deleted', deleted: true },
    sequence: 5,
  });
  expect(decision?.entry.operation).toBe('created');
  expect(decision?.entry.entity).toMatchObject({ id: transaction.transactionId });
});
