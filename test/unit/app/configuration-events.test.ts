/**
 * Rules, payees, saved payment methods, webhooks, attachments and captures are domain events: the
 * publisher maps their items' stream records to events that match the catalogue, never with a
 * webhook's signing secrets, and not for the counters other writes move (a payee's use count, a
 * webhook's failed deliveries) nor for a rotation of secrets alone.
 */
import { streamFilterPatterns } from '../../../lib/catalog/stream-filters';
import { matchesPattern } from '../../../lib/local/event-pattern';
import { eventSchemas } from '../../../shared/app/events';
import { fromStreamRecord } from '../../../shared/app/from-stream';
import {
  attachmentStored,
  captureStored,
  payeeStored,
  ruleStored,
  SEALED,
  savedMethodStored,
  webhookStored,
} from '../changes/support/configuration-items';
import { insertOf, modifyOf, removeOf } from '../support/stream-records';

const user = 'user-1';

/** The record's event, checked against its schema as the publisher does before it publishes. */
function published(record: Parameters<typeof fromStreamRecord>[0]) {
  const mapped = fromStreamRecord(record);
  if (!mapped) return undefined;
  const parsed = eventSchemas[mapped.detailType]().safeParse(mapped.detail);
  expect(parsed.error).toBeUndefined();
  return mapped;
}

test.each([
  ['rule', 'Rule', 'rule-1', ruleStored(user, 'rule-1'), { name: 'Coffee shops' }],
  ['payee', 'Payee', 'payee-1', payeeStored(user, 'payee-1'), { notes: 'Net 30' }],
  ['webhook', 'Webhook', 'hook-1', webhookStored(user, 'hook-1'), { description: 'Accounting' }],
  [
    'attachment',
    'Attachment',
    'att-1',
    attachmentStored(user, 'att-1'),
    { status: 'uploaded', uploadedAt: '2026-04-10T09:01:00.000Z' },
  ],
  ['capture', 'Capture', 'cap-1', captureStored(user, 'cap-1'), { status: 'rejected' }],
] as const)('a %s created, changed and deleted is %sCreated, Updated, Deleted', (_type, entity, id, item, change) => {
  const changed = { ...item, ...change, version: 2, updatedAt: '2026-04-11T09:00:00.000Z' };
  expect(published(insertOf(item))).toMatchObject({
    detailType: `${entity}Created`,
    detail: { userId: user, id, version: 1 },
  });
  expect(published(modifyOf(item, changed))).toMatchObject({
    detailType: `${entity}Updated`,
    detail: { id, data: change, version: 2 },
  });
  expect(published(removeOf(changed))).toMatchObject({ detailType: `${entity}Deleted`, detail: { id } });
});

test('a saved payment method is PaymentMethodSaved, then PaymentMethodDeleted', () => {
  const method = savedMethodStored(user, 'payee-1', 'pm_1');
  expect(published(insertOf(method))).toMatchObject({
    detailType: 'PaymentMethodSaved',
    detail: { id: 'pm_1', data: { payeeId: 'payee-1', last4: '4242' } },
  });
  expect(published(removeOf(method))).toMatchObject({ detailType: 'PaymentMethodDeleted', detail: { id: 'pm_1' } });
});

describe("a webhook's signing secrets", () => {
  const hook = webhookStored(user, 'hook-2');

  test('are in none of its events, neither as data nor as previous', () => {
    const rotated = webhookStored(user, 'hook-2', {
      secrets: [
        { sealed: `${SEALED}-new`, createdAt: '2026-04-11T09:00:00.000Z', retiresAt: null },
        { sealed: SEALED, createdAt: '2026-04-10T09:00:00.000Z', retiresAt: '2026-04-12T09:00:00.000Z' },
      ],
      version: 2,
      updatedAt: '2026-04-11T09:00:00.000Z',
    });
    const events = [published(insertOf(hook)), published(modifyOf(hook, rotated)), published(removeOf(rotated))];
    expect(events.map((event) => event?.detailType)).toEqual(['WebhookCreated', 'WebhookUpdated', 'WebhookDeleted']);
    for (const event of events) {
      const text = JSON.stringify(event);
      expect(text).not.toContain(SEALED);
      expect(text).not.toContain('secrets');
    }
    // The rotation is still a change: its version and time moved.
    expect(events[1]?.detail).toMatchObject({ data: { version: 2 }, previous: { version: 1 } });
  });

  test('changing alone is no event', () => {
    const resealed = {
      ...hook,
      secrets: [{ sealed: `${SEALED}-resealed`, createdAt: hook.createdAt, retiresAt: null }],
    };
    expect(fromStreamRecord(modifyOf(hook, resealed))).toBeUndefined();
  });
});

test("a delivery's outcome counted on its webhook is no event; the disabling it causes is one", () => {
  const hook = webhookStored(user, 'hook-3');
  const failing = { ...hook, consecutiveFailures: 3, failingSince: '2026-04-10T10:00:00.000Z' };
  expect(fromStreamRecord(modifyOf(hook, failing))).toBeUndefined();
  const disabled = {
    ...failing,
    consecutiveFailures: 4,
    status: 'disabled',
    disabledReason: 'failing',
    disabledAt: '2026-04-11T10:00:00.000Z',
    version: 2,
    updatedAt: '2026-04-11T10:00:00.000Z',
  };
  expect(published(modifyOf(failing, disabled))).toMatchObject({
    detailType: 'WebhookUpdated',
    detail: { data: { status: 'disabled' } },
  });
});

test("a transaction counted on its payee is no event of the payee's; an edit in the same write is", () => {
  const payee = payeeStored(user, 'payee-2');
  const used = { ...payee, transactionCount: 1, lastUsedAt: '2026-04-10T10:00:00.000Z' };
  expect(fromStreamRecord(modifyOf(payee, used))).toBeUndefined();
  expect(published(modifyOf(used, { ...used, notes: 'Pays late', version: 2 }))?.detailType).toBe('PayeeUpdated');
});

test("a rule's order is not an event: a reorder changes no rule", () => {
  const order = {
    pk: `USER#${user}`,
    sk: 'RULE#!order',
    type: 'RULE_ORDER',
    ids: ['a', 'b'],
    version: 1,
    updatedAt: '',
  };
  expect(fromStreamRecord(modifyOf(order, { ...order, ids: ['b', 'a'], version: 2 }))).toBeUndefined();
});

describe('an unrecorded capture that expires', () => {
  // Stamped by its last writer: the expiry, not that writer, deletes it.
  const expired = {
    ...captureStored(user, 'cap-2', { status: 'ignored', expiresAt: 1_900_000_000 }),
    updatedBy: 'user',
  };
  const matches = (record: unknown) => streamFilterPatterns.some((pattern) => matchesPattern(pattern, record));

  test('is published as its deletion, by `expiry`, and passes the stream filters', () => {
    const record = removeOf(expired, { ttl: true });
    expect(matches(record)).toBe(true);
    expect(published(record)).toMatchObject({ detailType: 'CaptureDeleted', detail: { id: 'cap-2', actor: 'expiry' } });
  });

  test("while other items' TTL deletions stay housekeeping", () => {
    const rule = removeOf(ruleStored(user, 'rule-3'), { ttl: true });
    expect(matches(rule)).toBe(false);
    expect(fromStreamRecord(rule)).toBeUndefined();
  });
});
