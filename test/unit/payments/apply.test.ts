/**
 * Applying Stripe's events to payments, through a real DynamoDB Local and the local fake Stripe
 * driven by the real SDK: whatever order and however often the events come, the payment ends in
 * Stripe's current state with one income movement and one movement per refund.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type Stripe from 'stripe';
import { type LocalStripe, type StripeEvent, startLocalStripe } from '../../../lib/local/stripe';
import { InvoiceEntity, invoiceLinkCheck } from '../../../shared/invoices/public';
import { createStripeEventApplier } from '../../../shared/payments/apply';
import { PaymentEntity, type PaymentItem } from '../../../shared/payments/items';
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
let applier: ReturnType<typeof createStripeEventApplier>;
let store: ReturnType<typeof createPaymentStore>;

beforeAll(async () => {
  ledger = await startLocalLedger();
  fake = await startLocalStripe({ port: 0 });
  stripe = stripeClient(fake.secretKey, fake.url);
  store = createPaymentStore({ db: ledger.db, tableName: TABLE });
  applier = createStripeEventApplier({
    stripe,
    store,
    recorder: createTransactionRecorder({
      db: ledger.db,
      tableName: TABLE,
      invoiceLinks: invoiceLinkCheck({ db: ledger.db, tableName: TABLE }),
    }),
    profileOf: async () => profile,
    incomeCategoryOf: async () => undefined,
  });
}, 90_000);
afterAll(async () => {
  await fake?.stop();
  await ledger?.stop();
});

async function openPayment(userId: string, paymentId: string, amount: number): Promise<PaymentItem> {
  await ledger.db.send(
    new PutCommand({
      TableName: TABLE,
      Item: {
        ...InvoiceEntity.key(userId, 'inv-1'),
        type: InvoiceEntity.type,
        invoiceId: 'inv-1',
        direction: 'issued',
        state: 'issued',
        payeeId: null,
        payeeName: 'Client',
        number: `N-${paymentId}`,
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
      },
    }),
  );
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [
      { price_data: { currency: 'eur', unit_amount: amount, product_data: { name: 'Invoice' } }, quantity: 1 },
    ],
    metadata: { userId, paymentId },
    payment_intent_data: { metadata: { userId, paymentId } },
  });
  const payment: PaymentItem = {
    type: PaymentEntity.type,
    paymentId,
    invoiceId: 'inv-1',
    accountId: 'acc-eur',
    amount,
    currency: 'EUR',
    status: 'open',
    refundedAmount: 0,
    stripe: { checkoutSessionId: session.id, paymentIntentId: null },
    hostedUrl: session.url,
    receiptUrl: null,
    transactionId: null,
    failure: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
  };
  await store.create(userId, payment);
  return payment;
}

async function eventsSince(count: number): Promise<Stripe.Event[]> {
  const response = await fetch(`${fake.url}/api/events`);
  const { events } = (await response.json()) as { events: StripeEvent[] };
  return events.slice(count) as unknown as Stripe.Event[];
}
const eventCount = async () => (await eventsSince(0)).length;

async function pay(sessionId: string, outcome: 'succeeded' | 'failed') {
  const response = await fetch(`${fake.url}/api/checkout/sessions/${sessionId}/pay`, {
    method: 'POST',
    body: JSON.stringify({ outcome }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { payment_intent: string };
}

const movements = async (userId: string) =>
  ofKind(await ledger.items(userId), 'TXN#') as { kind: string; amount: number; externalId?: string }[];

it('records one income for a payment whose events arrive reversed and twice, then one movement per refund', async () => {
  const userId = 'payer-1';
  await ledger.seedUser(userId);
  const payment = await openPayment(userId, 'pay-1', 2800);

  const before = await eventCount();
  const { payment_intent: intentId } = await pay(payment.stripe.checkoutSessionId!, 'succeeded');
  const events = (await eventsSince(before)).reverse();
  const outcomes = [];
  for (const event of [...events, ...events]) outcomes.push(await applier.apply(event));
  expect(outcomes.slice(0, events.length).every((outcome) => outcome === 'applied')).toBe(true);
  expect(outcomes.slice(events.length).every((outcome) => outcome === 'duplicate')).toBe(true);

  const paid = await store.get(userId, 'pay-1');
  expect(paid).toMatchObject({
    status: 'succeeded',
    hostedUrl: null,
    stripe: { paymentIntentId: intentId },
    receiptUrl: expect.stringMatching(/\/receipts\/ch_/),
  });
  const [income, ...others] = await movements(userId);
  expect(others).toHaveLength(0);
  expect(income).toMatchObject({ kind: 'income', amount: 2800, externalId: `stripe:${intentId}`, invoiceId: 'inv-1' });
  expect(paid!.transactionId).toBe((income as unknown as { transactionId: string }).transactionId);

  const beforeRefund = await eventCount();
  await stripe.refunds.create({ payment_intent: intentId, amount: 1000 });
  const refundEvents = await eventsSince(beforeRefund);
  for (const event of [...refundEvents.reverse(), ...refundEvents]) await applier.apply(event);

  expect(await store.get(userId, 'pay-1')).toMatchObject({ status: 'succeeded', refundedAmount: 1000 });
  const after = await movements(userId);
  expect(after.map((m) => [m.kind, m.amount]).sort()).toEqual([
    ['expense', 1000],
    ['income', 2800],
  ]);
});

it('marks a declined payment failed with Stripe’s reason and records nothing', async () => {
  const userId = 'payer-2';
  await ledger.seedUser(userId);
  const payment = await openPayment(userId, 'pay-2', 500);
  const before = await eventCount();
  await pay(payment.stripe.checkoutSessionId!, 'failed');
  for (const event of await eventsSince(before)) await applier.apply(event);

  expect(await store.get(userId, 'pay-2')).toMatchObject({
    status: 'failed',
    failure: { code: 'card_declined' },
    hostedUrl: payment.hostedUrl,
    transactionId: null,
  });
  expect(await movements(userId)).toHaveLength(0);
});

it('marks an expired checkout expired, and leaves an event about a PaymentIntent Moneta did not create alone', async () => {
  const userId = 'payer-3';
  await ledger.seedUser(userId);
  const payment = await openPayment(userId, 'pay-3', 500);
  const before = await eventCount();
  await stripe.checkout.sessions.expire(payment.stripe.checkoutSessionId!);
  const [expired] = await eventsSince(before);
  expect(await applier.apply(expired!)).toBe('applied');
  expect(await store.get(userId, 'pay-3')).toMatchObject({ status: 'expired', hostedUrl: null });

  const foreignBefore = await eventCount();
  await stripe.paymentIntents.create({ amount: 100, currency: 'eur' });
  const [foreign] = await eventsSince(foreignBefore);
  expect(await applier.apply(foreign!)).toBe('not-ours');
});
