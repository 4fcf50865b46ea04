/** What a change becomes in the feed, decided from the entity's current item and the feed's last word on it. */
import { decideEntry, viewDigest } from '../../../shared/changes/entry';
import { accountFixture, transactionFixture } from '../transactions/support/ledger-fixtures';

const now = new Date('2026-03-01T09:00:00.000Z');
const account = accountFixture({ accountId: 'acc-1', name: 'Checking', balance: 12_300, transactionCount: 4 });

test('an entity the feed never spoke of is created, shown as its route shows it, less its running counters', () => {
  const decision = decideEntry({
    entityType: 'account',
    entityId: 'acc-1',
    current: account,
    last: undefined,
    sequence: 7,
    now,
  });
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
  const first = decideEntry({
    entityType: 'account',
    entityId: 'acc-1',
    current: account,
    last: undefined,
    sequence: 1,
    now,
  });
  const again = decideEntry({
    entityType: 'account',
    entityId: 'acc-1',
    current: account,
    last: first?.state,
    sequence: 2,
    now,
  });
  expect(again).toBeUndefined();
});

test('a balance move alone is not a change of the feed’s entity', () => {
  const first = decideEntry({
    entityType: 'account',
    entityId: 'acc-1',
    current: account,
    last: undefined,
    sequence: 1,
    now,
  });
  const moved = { ...account, balance: account.balance - 500, transactionCount: account.transactionCount + 1 };
  expect(
    decideEntry({ entityType: 'account', entityId: 'acc-1', current: moved, last: first?.state, sequence: 2, now }),
  ).toBeUndefined();
});

test('a changed entity is updated with its whole current view', () => {
  const first = decideEntry({
    entityType: 'account',
    entityId: 'acc-1',
    current: account,
    last: undefined,
    sequence: 1,
    now,
  });
  const renamed = { ...account, name: 'Household', version: account.version + 1 };
  const decision = decideEntry({
    entityType: 'account',
    entityId: 'acc-1',
    current: renamed,
    last: first?.state,
    sequence: 2,
    now,
  });
  expect(decision?.entry.operation).toBe('updated');
  expect(decision?.entry.entity).toMatchObject({ name: 'Household', version: account.version + 1 });
});

test('a gone entity is a tombstone once, and a late event after it writes nothing', () => {
  const first = decideEntry({
    entityType: 'account',
    entityId: 'acc-1',
    current: account,
    last: undefined,
    sequence: 1,
    now,
  });
  const gone = decideEntry({
    entityType: 'account',
    entityId: 'acc-1',
    current: undefined,
    last: first?.state,
    sequence: 2,
    now,
  });
  expect(gone?.entry).toEqual({
    sequence: 2,
    entityType: 'account',
    entityId: 'acc-1',
    operation: 'deleted',
    recordedAt: '2026-03-01T09:00:00.000Z',
  });
  expect(gone?.state.deleted).toBe(true);
  expect(
    decideEntry({ entityType: 'account', entityId: 'acc-1', current: undefined, last: gone?.state, sequence: 3, now }),
  ).toBeUndefined();
});

test('an entity gone before the feed ever showed it still gets its tombstone (a client may have read it from a list)', () => {
  const decision = decideEntry({
    entityType: 'transaction',
    entityId: 't-1',
    current: undefined,
    last: undefined,
    sequence: 1,
    now,
  });
  expect(decision?.entry.operation).toBe('deleted');
});

test('an entity created again after its tombstone is created', () => {
  const transaction = transactionFixture();
  const decision = decideEntry({
    entityType: 'transaction',
    entityId: transaction.transactionId,
    current: transaction,
    last: { sequence: 4, digest: 'deleted', deleted: true },
    sequence: 5,
    now,
  });
  expect(decision?.entry.operation).toBe('created');
  expect(decision?.entry.entity).toMatchObject({ id: transaction.transactionId });
});
