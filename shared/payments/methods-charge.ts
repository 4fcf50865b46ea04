/**
 * Charging a payer's saved payment method off-session for an issued invoice's open amount: a
 * PaymentIntent with the payee's Stripe Customer and the saved method, `off_session` and confirmed
 * at once. Moneta never retries a declined off-session charge by itself (docs/payments.md): a
 * decline, or a card whose bank asks for the payer's authentication (`authentication_required`),
 * leaves the payment `failed` with Stripe's reason, and the invoice can get a fresh hosted link.
 *
 * The payment item is written *before* Stripe is asked, its id in the PaymentIntent's metadata,
 * so whatever happens after the charge (a lost answer, a killed function) Stripe's webhook finds
 * the payment and records the money exactly once (shared/payments/apply.ts).
 */
import { createHash } from 'node:crypto';
import Stripe from 'stripe';
import { ulid } from 'ulid';
import type { InvoiceItem } from '../invoices/public';
import { ConflictError, InvalidInput } from '../kit/errors';
import type { PaymentItem } from './items';
import type { SavedMethodStore } from './methods-store';
import { PaymentMoved, type PaymentStore } from './store';

export type ChargeDeps = {
  stripe: Stripe;
  methods: SavedMethodStore;
  payments: PaymentStore;
  /** Applies Stripe's current state of the payment (the applier's refresh). */
  refresh: (userId: string, payment: PaymentItem) => Promise<void>;
};

export type ChargeInput = {
  userId: string;
  invoice: InvoiceItem;
  accountId: string;
  methodId: string;
  /** Minor units of the invoice's currency: its open amount. */
  amount: number;
  idempotencyKey: string | undefined;
};

const notSaved = () => new InvalidInput('paymentMethodId', "is not a saved payment method of the invoice's payee");

/** A retried request (same caller, same key) names the same payment, so it charges once. */
const paymentIdFor = (userId: string, key: string | undefined) =>
  key ? `pay_${createHash('sha256').update(`${userId}\n${key}`).digest('hex').slice(0, 40)}` : ulid();

/** A payment of the invoice the payer could still complete: charging another would risk paying twice. */
const stillPayable = (payment: PaymentItem) =>
  (payment.hostedUrl !== null && ['open', 'processing', 'failed'].includes(payment.status)) ||
  (payment.status === 'processing' && payment.stripe.paymentIntentId !== null);

export async function chargeSavedMethod(
  deps: ChargeDeps,
  input: ChargeInput,
  now = new Date(),
): Promise<{ created: boolean; payment: PaymentItem }> {
  const { stripe, methods, payments } = deps;
  const { userId, invoice } = input;
  const paymentId = paymentIdFor(userId, input.idempotencyKey);
  const replay = await payments.get(userId, paymentId);
  if (replay) {
    if (replay.invoiceId !== invoice.invoiceId) {
      throw new InvalidInput('Idempotency-Key', 'was used before with another request', 'header');
    }
    return { created: false, payment: await settled(deps, userId, replay) };
  }

  if (input.amount <= 0) throw new ConflictError('The invoice is paid.', 'invoice-paid');
  if (!invoice.payeeId) throw notSaved();
  const method = await methods.method(userId, invoice.payeeId, input.methodId);
  if (!method) throw notSaved();
  const others = await payments.listForInvoice(userId, invoice.invoiceId);
  if (others.some(stillPayable)) {
    throw new ConflictError(
      'A payment of this invoice is still open: cancel it before charging a saved payment method.',
      'payment-open',
    );
  }

  const at = now.toISOString();
  const pending: PaymentItem = {
    type: 'PAYMENT',
    paymentId,
    invoiceId: invoice.invoiceId,
    accountId: input.accountId,
    amount: input.amount,
    currency: invoice.currency,
    status: 'processing',
    refundedAmount: 0,
    stripe: { checkoutSessionId: null, paymentIntentId: null },
    hostedUrl: null,
    receiptUrl: null,
    transactionId: null,
    failure: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await payments.create(userId, pending);

  let intent: Stripe.PaymentIntent;
  try {
    intent = await stripe.paymentIntents.create(
      {
        amount: input.amount,
        currency: invoice.currency.toLowerCase(),
        customer: method.customerId,
        payment_method: method.methodId,
        off_session: true,
        confirm: true,
        description: `Invoice ${invoice.number}`,
        metadata: { userId, paymentId, invoiceId: invoice.invoiceId },
      },
      { idempotencyKey: `moneta:charge:${userId}:${paymentId}` },
    );
  } catch (error) {
    // A decline (or a bank asking for authentication) is an answer: the PaymentIntent exists,
    // failed, and its error says why. Anything else is Stripe not answering.
    if (!(error instanceof Stripe.errors.StripeCardError && error.payment_intent)) {
      await markFailed(payments, userId, paymentId, {
        code: (error as { code?: string }).code ?? 'stripe-error',
        message: 'Stripe did not confirm the charge; read the payment again later.',
      });
      throw error;
    }
    intent = error.payment_intent;
  }
  await linkIntent(payments, userId, paymentId, intent.id);
  return { created: true, payment: await settled(deps, userId, (await payments.get(userId, paymentId))!) };
}

/** The payment once Stripe's current state of its PaymentIntent is applied. */
async function settled(deps: ChargeDeps, userId: string, payment: PaymentItem): Promise<PaymentItem> {
  if (payment.stripe.paymentIntentId) await deps.refresh(userId, payment);
  return (await deps.payments.get(userId, payment.paymentId)) ?? payment;
}

/** Names the PaymentIntent on the payment, unless the webhook did it first. */
async function linkIntent(payments: PaymentStore, userId: string, paymentId: string, intentId: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = (await payments.get(userId, paymentId))!;
    if (current.stripe.paymentIntentId === intentId) return;
    try {
      await payments.transition(userId, current, {
        ...current,
        stripe: { ...current.stripe, paymentIntentId: intentId },
        updatedAt: new Date().toISOString(),
        version: current.version + 1,
      });
      return;
    } catch (error) {
      if (!(error instanceof PaymentMoved)) throw error;
    }
  }
}

async function markFailed(
  payments: PaymentStore,
  userId: string,
  paymentId: string,
  failure: { code: string; message: string },
) {
  const current = await payments.get(userId, paymentId);
  if (current?.status !== 'processing' || current.stripe.paymentIntentId) return;
  await payments
    .transition(userId, current, {
      ...current,
      status: 'failed',
      failure,
      updatedAt: new Date().toISOString(),
      version: current.version + 1,
    })
    .catch(() => undefined);
}
