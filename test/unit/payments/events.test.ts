/**
 * The facts a payment's writes stand for, and the emails they become: a payment that succeeds is
 * one receipt, each declined attempt one failure, a cancellation or expiry one each; a write that
 * changes nothing of the outcome (a refund, a redelivery) says nothing.
 */
import { factOf } from '../../../shared/notifications/facts';
import { PaymentEntity, type PaymentItem } from '../../../shared/payments/items';
import { paymentsDerivedEvents } from '../../../shared/payments/public';

const derive = paymentsDerivedEvents[PaymentEntity.type];

const payment = (overrides: Partial<PaymentItem> = {}): PaymentItem => ({
  type: 'PAYMENT',
  paymentId: 'pay-1',
  invoiceId: 'inv-1',
  accountId: 'acc-1',
  amount: 29_015,
  currency: 'EUR',
  status: 'open',
  refundedAmount: 0,
  stripe: { checkoutSessionId: 'cs_1', paymentIntentId: 'pi_1' },
  hostedUrl: 'https://checkout.example/c/pay/cs_1',
  receiptUrl: null,
  transactionId: null,
  failure: null,
  createdAt: '2026-04-13T09:00:00.000Z',
  updatedAt: '2026-04-13T09:05:00.000Z',
  version: 2,
  ...overrides,
});

const change = (previous: PaymentItem | undefined, data: PaymentItem) => ({ userId: 'user-1', previous, data });
const declined = (attemptId: string) => ({ code: 'card_declined', message: 'Your card was declined.', attemptId });
const paid = payment({ status: 'succeeded', receiptUrl: 'https://pay.example/receipts/ch_1', transactionId: 'txn-1' });

test('a payment that succeeds is one receipt, carrying Stripe’s receipt link', () => {
  const events = derive(change(payment(), paid));
  expect(events).toEqual([
    {
      detailType: 'PaymentSucceeded',
      key: 'succeeded',
      data: expect.objectContaining({ paymentId: 'pay-1', receiptUrl: 'https://pay.example/receipts/ch_1' }),
    },
  ]);
  const fact = factOf('PaymentSucceeded', { data: events[0]!.data } as never);
  expect(fact).toMatchObject({ kind: 'paymentReceipt', factId: 'payment-receipt#pay-1' });
  const email = fact!.render({ appName: 'Moneta', apiUrl: 'https://api.example' } as never) as { text: string };
  expect(email.text).toContain('https://pay.example/receipts/ch_1');
  expect(email.text).toContain('€290.15');
  // A refund later rewrites the paid payment: no second receipt.
  expect(derive(change(paid, { ...paid, refundedAmount: 5_000, version: 3 }))).toEqual([]);
});

test('each declined attempt is one failure; the same attempt read again is none', () => {
  const first = payment({ status: 'failed', failure: declined('ch_1') });
  const [failed] = derive(change(payment(), first));
  expect(failed).toMatchObject({ detailType: 'PaymentFailed', data: { outcome: 'failed', attemptId: 'ch_1' } });
  expect(factOf('PaymentFailed', { data: failed!.data } as never)).toMatchObject({
    kind: 'paymentFailed',
    factId: 'payment-failed#pay-1#ch_1',
  });
  expect(derive(change(first, { ...first, version: 3 }))).toEqual([]);
  const [again] = derive(change(first, payment({ status: 'failed', failure: declined('ch_2') })));
  expect(factOf('PaymentFailed', { data: again!.data } as never)?.factId).toBe('payment-failed#pay-1#ch_2');
});

test('canceled and expired are one fact each, and the email says how to send a fresh link', () => {
  for (const status of ['canceled', 'expired'] as const) {
    const [event] = derive(change(payment(), payment({ status, hostedUrl: null })));
    const fact = factOf('PaymentFailed', { data: event!.data } as never);
    expect(fact?.factId).toBe(`payment-${status}#pay-1`);
    const email = fact!.render({ appName: 'Moneta', apiUrl: 'https://api.example' } as never) as { text: string };
    expect(email.text).toContain('POST https://api.example/v1/invoices/inv-1/payments');
    expect(derive(change(payment({ status }), payment({ status, version: 3 })))).toEqual([]);
  }
});

test('an open or processing payment is no fact', () => {
  expect(derive(change(undefined, payment()))).toEqual([]);
  expect(derive(change(payment(), payment({ status: 'processing' })))).toEqual([]);
});
