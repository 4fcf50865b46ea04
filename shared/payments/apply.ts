/**
 * Applying Stripe's word about a payment. A webhook event only says *that* something happened:
 * the payment's PaymentIntent (or Checkout Session) is read again from Stripe and its *current*
 * state applied, so events arriving twice, late or out of order all lead to the same result. The
 * money moves exactly once because each movement carries Stripe's id as its externalId
 * (`stripe:<pi id>`, `stripe:<refund id>`), which the ledger claims in the same write. A refund's
 * expense names the income it gives back (`refundOf`), so the income shows what was refunded and
 * its category's earnings go down once.
 */
import type Stripe from 'stripe';
import { InvoiceLinkRefused } from '../invoices/public';
import type { GuardedItem } from '../kit/dynamodb/transact';
import { ConflictError } from '../kit/errors';
import {
  type CreateTransactionBody,
  type PlannedTransaction,
  type RecordingProfile,
  RefundRefused,
  StaleTransaction,
  type TransactionRecorder,
} from '../transactions/public';
import type { PaymentItem, PaymentStatus } from './items';
import { PaymentMoved, type PaymentStore } from './store';

/** Where a Stripe object names its Moneta payment (set when the payment is created). */
export type PaymentMetadata = { userId: string; paymentId: string };

export type ApplyDeps = {
  stripe: Stripe;
  store: PaymentStore;
  recorder: TransactionRecorder;
  profileOf: (userId: string) => Promise<RecordingProfile | undefined>;
  /**
   * The income category a payment's income is recorded in (its refunds follow it there), or
   * undefined for none: the user's `business` category while it is there and not archived.
   */
  incomeCategoryOf: (userId: string) => Promise<string | undefined>;
};

export type ApplyOutcome = 'applied' | 'duplicate' | 'not-ours';

/** Stripe's current view of one payment. */
type StripeState = {
  metadata: Partial<PaymentMetadata>;
  intent?: Stripe.PaymentIntent;
  sessionExpired: boolean;
};

const TERMINAL: readonly PaymentStatus[] = ['succeeded', 'canceled', 'expired'];
const MAX_MOVED_ATTEMPTS = 5;

const isDuplicate = (error: unknown): error is ConflictError =>
  error instanceof ConflictError && error.reason === 'duplicate-external-id';

/** The payment a Stripe event is about, as Stripe has it now. */
async function currentState(stripe: Stripe, event: Stripe.Event): Promise<StripeState | undefined> {
  const object = event.data.object as { object?: string; id?: string; payment_intent?: unknown };
  const intentId = async (): Promise<string | undefined> => {
    if (object.object === 'payment_intent') return object.id;
    if (typeof object.payment_intent === 'string') return object.payment_intent;
    return undefined;
  };
  if (object.object === 'checkout.session' && object.id) {
    const session = await stripe.checkout.sessions.retrieve(object.id);
    const piId = typeof session.payment_intent === 'string' ? session.payment_intent : undefined;
    const intent = piId ? await stripe.paymentIntents.retrieve(piId, { expand: ['latest_charge'] }) : undefined;
    return {
      metadata: { ...(session.metadata ?? {}), ...(intent?.metadata ?? {}) },
      ...(intent && { intent }),
      sessionExpired: session.status === 'expired',
    };
  }
  const id = await intentId();
  if (!id) return undefined;
  const intent = await stripe.paymentIntents.retrieve(id, { expand: ['latest_charge'] });
  return { metadata: intent.metadata ?? {}, intent, sessionExpired: false };
}

function statusOf(state: StripeState, payment: PaymentItem): PaymentStatus {
  if (TERMINAL.includes(payment.status)) return payment.status;
  const intent = state.intent;
  if (intent?.status === 'succeeded') return 'succeeded';
  if (intent?.status === 'canceled') return 'canceled';
  if (state.sessionExpired) return payment.cancelRequestedAt ? 'canceled' : 'expired';
  if (intent?.status === 'processing') return 'processing';
  if (intent?.last_payment_error) return 'failed';
  return payment.status;
}

export function createStripeEventApplier(deps: ApplyDeps) {
  const { stripe, store, recorder } = deps;

  /**
   * Plans and writes a movement Stripe has already made, with `extra` in the same write. The money
   * moved whatever became of the invoice since the payment was asked for: when the invoice can no
   * longer be named (voided, deleted, no longer issued), the movement is recorded without the link
   * rather than refused on every one of Stripe's retries. Returns the item written.
   */
  async function recordMoved(
    userId: string,
    profile: RecordingProfile,
    body: CreateTransactionBody,
    now: Date,
    extra: (planned: PlannedTransaction) => GuardedItem[] = () => [],
  ) {
    const planned = await recorder.plan(userId, profile, body, now);
    try {
      return await recorder.write(userId, planned, extra(planned));
    } catch (error) {
      if (!(error instanceof InvoiceLinkRefused) || body.invoiceId === undefined) throw error;
      const { invoiceId: _unlinked, ...unlinked } = body;
      const again = await recorder.plan(userId, profile, unlinked, now);
      return recorder.write(userId, again, extra(again));
    }
  }

  /**
   * The payment's income movement and the payment's transition, in ONE write. When the movement
   * exists already (a write whose answer was lost), the transition links that one instead.
   */
  async function recordIncome(
    userId: string,
    profile: RecordingProfile,
    payment: PaymentItem,
    next: PaymentItem,
    intent: Stripe.PaymentIntent,
    now: Date,
  ): Promise<void> {
    const categoryId = await deps.incomeCategoryOf(userId);
    const body: CreateTransactionBody = {
      kind: 'income',
      accountId: payment.accountId,
      money: { amount: intent.amount_received || payment.amount, currency: intent.currency.toUpperCase() },
      note: 'Invoice paid through Stripe',
      externalId: `stripe:${intent.id}`,
      invoiceId: payment.invoiceId,
      ...(categoryId && { categoryId }),
    };
    try {
      await recordMoved(userId, profile, body, now, (planned) => [
        store.transitionPut(userId, payment, { ...next, transactionId: planned.item.transactionId }),
      ]);
    } catch (error) {
      if (!isDuplicate(error)) throw error;
      const existing = (error.details?.existingTransactionId as string | undefined) ?? null;
      await store.transition(userId, payment, { ...next, transactionId: existing });
    }
  }

  /**
   * One refund's expense, linked to the payment's income. The income's refund figures are written
   * with it, pinned to the income's version (a concurrent refund: plan again). When the link cannot
   * hold (the user voided, deleted or lowered the income), the money still moved: the refund is
   * recorded without it. Already recorded (its Stripe id claimed): nothing.
   */
  async function recordRefund(
    userId: string,
    profile: RecordingProfile,
    payment: PaymentItem,
    refund: Stripe.Refund,
    now: Date,
  ): Promise<void> {
    const body: CreateTransactionBody = {
      kind: 'expense',
      accountId: payment.accountId,
      money: { amount: refund.amount, currency: refund.currency.toUpperCase() },
      note: 'Stripe refund of an invoice payment',
      externalId: `stripe:${refund.id}`,
      // An expense naming an issued invoice is a refund to the customer: it lowers what is paid.
      invoiceId: payment.invoiceId,
      ...(payment.transactionId && { refundOf: payment.transactionId }),
    };
    for (let attempt = 1; ; attempt++) {
      try {
        try {
          await recordMoved(userId, profile, body, now);
        } catch (error) {
          if (!(error instanceof RefundRefused) || body.refundOf === undefined) throw error;
          const { refundOf: _unlinked, ...unlinked } = body;
          await recordMoved(userId, profile, unlinked, now);
        }
        return;
      } catch (error) {
        if (isDuplicate(error)) return;
        if (!(error instanceof StaleTransaction) || attempt >= MAX_MOVED_ATTEMPTS) throw error;
      }
    }
  }

  /** One movement per succeeded Stripe refund (each claimed by its id); returns Stripe's refunded total. */
  async function recordRefunds(
    userId: string,
    profile: RecordingProfile,
    payment: PaymentItem,
    intent: Stripe.PaymentIntent,
    now: Date,
  ): Promise<number> {
    const refunds = await stripe.refunds.list({ payment_intent: intent.id, limit: 100 });
    let refunded = 0;
    for (const refund of refunds.data) {
      if (refund.status !== 'succeeded') continue;
      refunded += refund.amount;
      await recordRefund(userId, profile, payment, refund, now);
    }
    return refunded;
  }

  async function applyOnce(userId: string, paymentId: string, state: StripeState, now: Date): Promise<void> {
    const payment = await store.get(userId, paymentId);
    if (!payment) return;
    const profile = await deps.profileOf(userId);
    if (!profile) return; // The account is gone: nothing of it is written again.
    const { intent } = state;
    const status = statusOf(state, payment);
    const charge = intent?.latest_charge && typeof intent.latest_charge === 'object' ? intent.latest_charge : undefined;
    const next: PaymentItem = {
      ...payment,
      status,
      stripe: { ...payment.stripe, paymentIntentId: intent?.id ?? payment.stripe.paymentIntentId },
      hostedUrl: TERMINAL.includes(status) ? null : payment.hostedUrl,
      receiptUrl: charge?.receipt_url ?? payment.receiptUrl,
      failure:
        status !== 'failed'
          ? null
          : intent?.last_payment_error
            ? {
                code: intent.last_payment_error.code ?? null,
                message: intent.last_payment_error.message ?? null,
                attemptId: attemptOf(intent),
              }
            : payment.failure,
      updatedAt: now.toISOString(),
      version: payment.version + 1,
    };
    if (status === 'succeeded' && intent && payment.transactionId === null) {
      await recordIncome(userId, profile, payment, next, intent, now);
      // Refunds come after the payment they refund: read the paid payment again for them.
      return applyOnce(userId, paymentId, state, now);
    }
    if (status === 'succeeded' && intent) {
      next.refundedAmount = await recordRefunds(userId, profile, payment, intent, now);
    }
    if (sameState(payment, next)) return;
    await store.transition(userId, payment, next);
  }

  async function settled(userId: string, paymentId: string, state: StripeState, now: Date): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await applyOnce(userId, paymentId, state, now);
      } catch (error) {
        if (!(error instanceof PaymentMoved) || attempt >= MAX_MOVED_ATTEMPTS) throw error;
      }
    }
  }

  return {
    /**
     * Applies Stripe's current state of one payment now (after a cancel or a refund made through
     * Moneta, so the answer already shows it; the webhooks that follow then change nothing).
     */
    async refresh(userId: string, payment: PaymentItem, now = new Date()): Promise<void> {
      const sessionId = payment.stripe.checkoutSessionId;
      const intentId = payment.stripe.paymentIntentId;
      const object = intentId
        ? { object: 'payment_intent', id: intentId }
        : { object: 'checkout.session', id: sessionId };
      const state = await currentState(stripe, { data: { object } } as unknown as Stripe.Event);
      if (state) await settled(userId, payment.paymentId, state, now);
    },

    async apply(event: Stripe.Event, now = new Date()): Promise<ApplyOutcome> {
      const state = await currentState(stripe, event);
      const { userId, paymentId } = state?.metadata ?? {};
      if (!state || !userId || !paymentId) return 'not-ours';
      if (await store.hasClaim(userId, event.id)) return 'duplicate';
      await settled(userId, paymentId, state, now);
      await store.claim(userId, event.id, now);
      return 'applied';
    },
  };
}

/** Stripe's id of the attempt that failed: the declined charge, else the intent's latest one. */
function attemptOf(intent: Stripe.PaymentIntent): string | null {
  const failed = intent.last_payment_error?.charge;
  if (typeof failed === 'string') return failed;
  const latest = intent.latest_charge;
  if (typeof latest === 'string') return latest;
  return latest?.id ?? null;
}

function sameState(a: PaymentItem, b: PaymentItem): boolean {
  const { updatedAt: _a, version: _av, ...restA } = a;
  const { updatedAt: _b, version: _bv, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}
