/**
 * Saved payment methods, through a real DynamoDB Local and the local fake Stripe driven by the real
 * SDK: a payee's Stripe Customer is made once; the setup's webhooks, reversed and repeated, record
 * the method once; a removed method is detached at Stripe and a late event does not bring it back;
 * a saved method is charged off-session once per idempotency key, and a decline or a bank asking
 * for authentication leaves the payment failed with Stripe's reason and no movement.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type Stripe from 'stripe';
import { type LocalStripe, type StripeEvent, startLocalStripe } from '../../../lib/local/stripe';
import { InvoiceEntity, type InvoiceItem, invoiceLinkCheck } from '../../../shared/invoices/public';
import { ConflictError, InvalidInput } from '../../../shared/kit/errors';
import { createStripeEventApplier } from '../../../shared/payments/apply';
import { createSavedMethods } from '../../../shared/payments/methods';
import { type ChargeDeps, chargeSavedMethod } from '../../../shared/payments/methods-charge';
import { createSavedMethodStore } from '../../../shared/payments/methods-store';
import { createPaymentStore } from '../../../shared/payments/store';
import { stripeClient } from '../../../shared/payments/stripe';
import { createTransactionRecorder } from '../../../shared/transactions/public';
import { TABLE } from '../support/local-dynamodb';
import { type LocalLedger, ofKind, startLocalLedger } from '../transactions/support/local-ledger';

jest.setTimeout(120_000);

const profile = { timezone: 'Europe/Berlin', homeCurrency: 'EUR', notifications: { largeTransactionAmount: 100_000 } };

let ledger: LocalLedger;
let fake: LocalStripe;
let stripe: Stripe;
let methodStore: ReturnType<typeof createSavedMethodStore>;
let methods: ReturnType<typeof createSavedMethods>;
let chargeDeps: ChargeDeps;

beforeAll(async () => {
  ledger = await startLocalLedger();
  fake = await startLocalStripe({ port: 0 });
  stripe = stripeClient(fake.secretKey, fake.url);
  methodStore = createSavedMethodStore({ db: ledger.db, tableName: TABLE });
  methods = createSavedMethods({ stripe, store: methodStore, isLive: async () => true });
  const payments = createPaymentStore({ db: ledger.db, tableName: TABLE });
  const applier = createStripeEventApplier({
    stripe,
    store: payments,
    recorder: createTransactionRecorder({
      db: ledger.db,
      tableName: TABLE,
      invoiceLinks: invoiceLinkCheck({ db: ledger.db, tableName: TABLE }),
    }),
    profileOf: async () => profile,
    incomeCategoryOf: async () => undefined,
  });
  chargeDeps = {
    stripe,
    methods: methodStore,
    payments,
    refresh: (userId, payment) => applier.refresh(userId, payment),
  };
}, 90_000);
afterAll(async () => {
  await fake?.stop();
  await ledger?.stop();
});

async function eventsSince(count: number): Promise<Stripe.Event[]> {
  const response = await fetch(`${fake.url}/api/events`);
  const { events } = (await response.json()) as { events: StripeEvent[] };
  return events.slice(count) as unknown as Stripe.Event[];
}
const eventCount = async () => (await eventsSince(0)).length;

/** The payee saves a method on the hosted setup page (as the named test method); returns its events. */
async function saveMethod(userId: string, payeeId: string, testMethod = 'pm_card_visa') {
  const customerId = await methods.customerOf(userId, { payeeId, name: 'Client Ltd', email: null }, new Date());
  const session = await methods.startSetup(
    userId,
    payeeId,
    customerId,
    'EUR',
    `setup-${userId}-${payeeId}-${testMethod}`,
  );
  expect(session).toMatchObject({ mode: 'setup', customer: customerId, url: expect.stringContaining('/c/pay/') });
  const before = await eventCount();
  const paid = await fetch(`${fake.url}/api/checkout/sessions/${session.id}/pay`, {
    method: 'POST',
    body: JSON.stringify({ outcome: 'succeeded', paymentMethod: testMethod }),
  });
  expect(paid.status).toBe(200);
  return { customerId, events: await eventsSince(before) };
}

async function issuedInvoice(userId: string, invoiceId: string, payeeId: string | null, amount: number) {
  const invoice: InvoiceItem = {
    type: InvoiceEntity.type,
    invoiceId,
    direction: 'issued',
    state: 'issued',
    payeeId,
    payeeName: 'Client Ltd',
    number: `N-${invoiceId}`,
    issueDate: '2026-01-01',
    dueDate: '2099-01-31',
    currency: 'EUR',
    lines: [],
    notes: null,
    net: amount,
    tax: 0,
    gross: amount,
    paidAmount: 0,
    issuedAt: '2026-01-01T00:00:00.000Z',
    voidedAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
  } as InvoiceItem;
  await ledger.db.send(
    new PutCommand({ TableName: TABLE, Item: { ...InvoiceEntity.key(userId, invoiceId), ...invoice } }),
  );
  return invoice;
}

const movements = async (userId: string) =>
  ofKind(await ledger.items(userId), 'TXN#') as { kind: string; amount: number; externalId?: string }[];

it('makes one Stripe Customer per payee, however often and concurrently asked', async () => {
  const asked = await Promise.all(
    [1, 2, 3].map(() =>
      methods.customerOf('user-c', { payeeId: 'payee-c', name: 'Client', email: 'c@example.com' }, new Date()),
    ),
  );
  expect(new Set(asked).size).toBe(1);
  expect(await methodStore.payer('user-c', 'payee-c')).toMatchObject({ customerId: asked[0] });
  expect(await methods.customerOf('user-c', { payeeId: 'payee-d', name: 'Other', email: null }, new Date())).not.toBe(
    asked[0],
  );
});

it('records a saved method once whatever the order and repeats of its events, and forgets it for good', async () => {
  const { customerId, events } = await saveMethod('user-1', 'payee-1');
  expect(events.map((event) => event.type)).toEqual(
    expect.arrayContaining(['setup_intent.succeeded', 'checkout.session.completed']),
  );
  const setupEvents = events.filter(
    (event) => event.type.startsWith('setup_intent') || event.type.startsWith('checkout'),
  );
  const outcomes = [];
  for (const event of [...setupEvents.reverse(), ...setupEvents]) outcomes.push(await methods.apply(event));
  expect(outcomes.filter((outcome) => outcome === 'recorded')).toHaveLength(1);
  expect(outcomes.every((outcome) => outcome === 'recorded' || outcome === 'duplicate')).toBe(true);

  const [saved, ...others] = await methodStore.list('user-1', 'payee-1');
  expect(others).toHaveLength(0);
  expect(saved).toMatchObject({
    methodId: expect.stringMatching(/^pm_/),
    customerId,
    methodType: 'card',
    brand: 'visa',
    last4: '4242',
    expMonth: 12,
    expYear: expect.any(Number),
  });
  // Card details never reach Moneta: only the summary is kept.
  expect(JSON.stringify(saved)).not.toMatch(/4242424242424242|cvc|number/);

  await methods.forget('user-1', saved!);
  expect((await stripe.paymentMethods.retrieve(saved!.methodId)).customer).toBeNull();
  expect(await methodStore.list('user-1', 'payee-1')).toEqual([]);
  // A late delivery of the setup's events does not bring the detached method back.
  for (const event of setupEvents) expect(await methods.apply(event)).toBe('detached');
  expect(await methodStore.list('user-1', 'payee-1')).toEqual([]);
  // Forgetting again (a retried DELETE) does not ask Stripe to detach twice.
  await expect(methods.forget('user-1', saved!)).resolves.toBeUndefined();
});

it("does not record a method on metadata naming a payee whose customer is not the setup's", async () => {
  const { customerId } = await saveMethod('user-2', 'payee-2');
  const before = await eventCount();
  const session = await stripe.checkout.sessions.create({
    mode: 'setup',
    customer: customerId,
    currency: 'eur',
    setup_intent_data: { metadata: { userId: 'user-3', payeeId: 'payee-3', purpose: 'saved-method' } },
  });
  await fetch(`${fake.url}/api/checkout/sessions/${session.id}/pay`, {
    method: 'POST',
    body: JSON.stringify({ outcome: 'succeeded' }),
  });
  for (const event of await eventsSince(before)) {
    if (event.type === 'setup_intent.succeeded') expect(await methods.apply(event)).toBe('not-ours');
  }
  expect(await methodStore.list('user-3', 'payee-3')).toEqual([]);
});

it('charges a saved method off-session once per idempotency key: the payment is paid with one income', async () => {
  const userId = 'user-4';
  await ledger.seedUser(userId);
  const { events } = await saveMethod(userId, 'payee-4');
  for (const event of events) await methods.apply(event);
  const [saved] = await methodStore.list(userId, 'payee-4');
  const invoice = await issuedInvoice(userId, 'inv-4', 'payee-4', 12_100);
  const input = {
    userId,
    invoice,
    accountId: 'acc-eur',
    methodId: saved!.methodId,
    amount: 12_100,
    idempotencyKey: 'k-4',
  };

  const first = await chargeSavedMethod(chargeDeps, input);
  expect(first).toMatchObject({
    created: true,
    payment: { status: 'succeeded', amount: 12_100, hostedUrl: null, stripe: { checkoutSessionId: null } },
  });
  const intent = await stripe.paymentIntents.retrieve(first.payment.stripe.paymentIntentId!);
  expect(intent).toMatchObject({ customer: saved!.customerId, payment_method: saved!.methodId, status: 'succeeded' });
  const again = await chargeSavedMethod(chargeDeps, input);
  expect(again).toMatchObject({ created: false, payment: { paymentId: first.payment.paymentId, status: 'succeeded' } });

  const [income, ...others] = await movements(userId);
  expect(others).toHaveLength(0);
  expect(income).toMatchObject({
    kind: 'income',
    amount: 12_100,
    externalId: `stripe:${intent.id}`,
    invoiceId: 'inv-4',
  });
});

it.each([
  ['pm_card_chargeDeclined', 'card_declined'],
  ['pm_card_authenticationRequired', 'authentication_required'],
])('a saved %s leaves the payment failed (%s), records nothing and blocks no fresh link', async (testMethod, code) => {
  const userId = `user-${testMethod}`;
  await ledger.seedUser(userId);
  const { events } = await saveMethod(userId, 'payee-5', testMethod);
  for (const event of events) await methods.apply(event);
  const [saved] = await methodStore.list(userId, 'payee-5');
  const invoice = await issuedInvoice(userId, 'inv-5', 'payee-5', 5_000);

  const { created, payment } = await chargeSavedMethod(chargeDeps, {
    userId,
    invoice,
    accountId: 'acc-eur',
    methodId: saved!.methodId,
    amount: 5_000,
    idempotencyKey: undefined,
  });
  expect(created).toBe(true);
  expect(payment).toMatchObject({ status: 'failed', failure: { code }, hostedUrl: null, transactionId: null });
  expect(await movements(userId)).toHaveLength(0);
  // The failed off-session payment is no open payment: another charge may be tried.
  const retried = await chargeSavedMethod(chargeDeps, {
    userId,
    invoice,
    accountId: 'acc-eur',
    methodId: saved!.methodId,
    amount: 5_000,
    idempotencyKey: undefined,
  });
  expect(retried.payment).toMatchObject({ status: 'failed', failure: { code } });
  expect(retried.payment.paymentId).not.toBe(payment.paymentId);
});

it("refuses a method that is not one of the invoice's payee's, and a charge while a hosted link is open", async () => {
  const userId = 'user-6';
  await ledger.seedUser(userId);
  const { events } = await saveMethod(userId, 'payee-6');
  for (const event of events) await methods.apply(event);
  const [saved] = await methodStore.list(userId, 'payee-6');
  const otherPayees = await issuedInvoice(userId, 'inv-6a', 'payee-7', 1_000);
  const base = { userId, accountId: 'acc-eur', methodId: saved!.methodId, amount: 1_000, idempotencyKey: undefined };
  await expect(chargeSavedMethod(chargeDeps, { ...base, invoice: otherPayees })).rejects.toThrow(InvalidInput);
  const noPayee = await issuedInvoice(userId, 'inv-6b', null, 1_000);
  await expect(chargeSavedMethod(chargeDeps, { ...base, invoice: noPayee })).rejects.toThrow(InvalidInput);

  const invoice = await issuedInvoice(userId, 'inv-6c', 'payee-6', 1_000);
  await chargeDeps.payments.create(userId, {
    type: 'PAYMENT',
    paymentId: 'hosted-6',
    invoiceId: 'inv-6c',
    accountId: 'acc-eur',
    amount: 1_000,
    currency: 'EUR',
    status: 'open',
    refundedAmount: 0,
    stripe: { checkoutSessionId: 'cs_test_x', paymentIntentId: null },
    hostedUrl: 'https://checkout.stripe.com/c/pay/cs_test_x',
    receiptUrl: null,
    transactionId: null,
    failure: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
  });
  await expect(chargeSavedMethod(chargeDeps, { ...base, invoice })).rejects.toThrow(ConflictError);
  expect(await movements(userId)).toHaveLength(0);
});
