/** The events payment items become (see shared/kit/events/domain-events.ts). */
import { created, type DeriveEvents, deleted, derived, type ItemEvents, updated } from '../kit/events/domain-events';
import * as z from '../kit/schema';
import { PaymentEntity, type PaymentItem, paymentItem } from './items';
import { SavedMethodEntity, savedMethodItem } from './methods-items';

export const paymentsItemEvents = {
  // No REMOVE: a payment is deleted only with its user's partition.
  [PaymentEntity.type]: {
    idAttribute: 'paymentId',
    INSERT: 'PaymentCreated',
    MODIFY: 'PaymentUpdated',
  },
  // A saved method is written once (Stripe's summary) and never changed: saved, then deleted.
  [SavedMethodEntity.type]: { idAttribute: 'methodId', INSERT: 'PaymentMethodSaved', REMOVE: 'PaymentMethodDeleted' },
} as const satisfies Record<string, ItemEvents>;

const money = () => z.object({ amount: z.int(), currency: z.string() });

/** A payment was paid: Stripe's receipt, for the user to forward or keep. */
const paymentSucceeded = z.lazily(() =>
  z.object({
    paymentId: z.string(),
    invoiceId: z.string(),
    money: money(),
    receiptUrl: z.nullable(z.string()),
    transactionId: z.nullable(z.string()),
    at: z.string(),
  }),
);
export type PaymentSucceededFact = z.infer<ReturnType<typeof paymentSucceeded>>;

/**
 * A payment did not go through: an attempt was declined (`failed`, once per attempt), or it was
 * `canceled` or `expired` (once each). `attemptId` is Stripe's id of the failed attempt.
 */
const paymentNotPaid = z.lazily(() =>
  z.object({
    paymentId: z.string(),
    invoiceId: z.string(),
    money: money(),
    outcome: z.enum(['failed', 'canceled', 'expired']),
    attemptId: z.nullable(z.string()),
    failure: z.nullable(z.object({ code: z.nullable(z.string()), message: z.nullable(z.string()) })),
    at: z.string(),
  }),
);
export type PaymentNotPaidFact = z.infer<ReturnType<typeof paymentNotPaid>>;

export const paymentsEvents = {
  PaymentCreated: z.lazily(() => created(paymentItem())),
  PaymentUpdated: z.lazily(() => updated(paymentItem())),
  PaymentSucceeded: z.lazily(() => derived(paymentSucceeded())),
  PaymentFailed: z.lazily(() => derived(paymentNotPaid())),
  PaymentMethodSaved: z.lazily(() => created(savedMethodItem())),
  PaymentMethodDeleted: z.lazily(() => deleted(savedMethodItem())),
};

const NOT_PAID = ['failed', 'canceled', 'expired'] as const;
type NotPaid = (typeof NOT_PAID)[number];

/**
 * PaymentSucceeded and PaymentFailed, read off the write that moved a payment there. A write that
 * changes nothing of the outcome (a refund, a redelivered event) says nothing; the notifier's
 * fact ids keep a repeated one to one email.
 */
const outcomes: DeriveEvents = ({ data, previous }) => {
  if (!data) return [];
  const parsed = z.safeParse(paymentItem(), data);
  if (!parsed.success) return [];
  const payment: PaymentItem = parsed.data;
  const before = previous as Partial<PaymentItem> | undefined;
  const base = {
    paymentId: payment.paymentId,
    invoiceId: payment.invoiceId,
    money: { amount: payment.amount, currency: payment.currency },
    at: payment.updatedAt,
  };
  if (payment.status === 'succeeded') {
    if (before?.status === 'succeeded') return [];
    return [
      {
        detailType: 'PaymentSucceeded',
        key: 'succeeded',
        data: { ...base, receiptUrl: payment.receiptUrl, transactionId: payment.transactionId },
      },
    ];
  }
  if (!(NOT_PAID as readonly string[]).includes(payment.status)) return [];
  const attemptId = payment.failure?.attemptId ?? null;
  const sameAttempt = (before?.failure?.attemptId ?? null) === attemptId;
  if (before?.status === payment.status && (payment.status !== 'failed' || sameAttempt)) return [];
  return [
    {
      detailType: 'PaymentFailed',
      key: payment.status,
      data: {
        ...base,
        outcome: payment.status as NotPaid,
        attemptId,
        failure: payment.failure && { code: payment.failure.code, message: payment.failure.message },
      },
    },
  ];
};

export const paymentsDerivedEvents = {
  [PaymentEntity.type]: outcomes,
} as const satisfies Record<string, DeriveEvents>;
