/**
 * POST /v1/payments/{id}/refunds: refunds a paid payment at Stripe, in full (no amount) or in part.
 * The caller's Idempotency-Key is passed on as Stripe's (scoped to the caller), so a retried
 * request refunds once. The refund's movement is recorded at once, claimed by Stripe's refund id,
 * so the webhook that follows changes nothing.
 */
import Stripe from 'stripe';
import { userRoute } from '../../../shared/identity/public';
import { ConflictError, InvalidInput } from '../../../shared/kit/errors';
import { idempotencyKeyFrom } from '../../../shared/kit/http/idempotency';
import { NotFound } from '../../../shared/kit/http/problems';
import { paymentRefundsCreate } from '../../../shared/payments/operations';
import { answeringStripeOutages, stripeAccess } from '../../../shared/payments/stripe';
import { toPaymentView } from '../../../shared/payments/views';
import { applierFor, payments } from './service';

export const handler = userRoute(
  paymentRefundsCreate,
  answeringStripeOutages(async ({ userId, path, body, headers }) => {
    const payment = await payments.get(userId, path.id);
    if (!payment) throw new NotFound('payment');
    if (payment.status !== 'succeeded' || !payment.stripe.paymentIntentId) {
      throw new ConflictError(
        `The payment is ${payment.status}; only a paid payment is refunded.`,
        'payment-not-refundable',
      );
    }
    const refundable = payment.amount - payment.refundedAmount;
    if (refundable <= 0) throw new ConflictError('The payment is refunded in full.', 'payment-not-refundable');
    const amount = body.amount ?? refundable;
    if (amount > refundable)
      throw new InvalidInput('amount', `must be at most ${refundable}, what is not refunded yet`);
    const access = await stripeAccess();
    const key = idempotencyKeyFrom(headers);
    try {
      await access.stripe.refunds.create(
        { payment_intent: payment.stripe.paymentIntentId, amount, metadata: { userId, paymentId: payment.paymentId } },
        key ? { idempotencyKey: `moneta:${userId}:${key}` } : {},
      );
    } catch (error) {
      if (error instanceof Stripe.errors.StripeIdempotencyError) {
        throw new InvalidInput('Idempotency-Key', 'was used before with another body', 'header');
      }
      throw error;
    }
    await applierFor(access).refresh(userId, payment);
    const after = await payments.get(userId, path.id);
    return { status: 200, body: toPaymentView(after ?? payment) };
  }),
);
