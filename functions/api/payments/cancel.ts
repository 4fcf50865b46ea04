/**
 * POST /v1/payments/{id}/cancel: an unpaid payment is stopped at Stripe (its Checkout Session
 * expired, its PaymentIntent canceled), then marked canceled. A paid one is a 409 (refund it).
 */
import { userRoute } from '../../../shared/identity/public';
import { ConflictError } from '../../../shared/kit/errors';
import { NotFound } from '../../../shared/kit/http/problems';
import { paymentsCancel } from '../../../shared/payments/operations';
import { PaymentMoved } from '../../../shared/payments/store';
import { answeringStripeOutages, stripeAccess } from '../../../shared/payments/stripe';
import { toPaymentView } from '../../../shared/payments/views';
import { applierFor, payments } from './service';

export const handler = userRoute(
  paymentsCancel,
  answeringStripeOutages(async ({ userId, path }) => {
    const payment = await payments.get(userId, path.id);
    if (!payment) throw new NotFound('payment');
    if (payment.status === 'canceled') return { status: 200, body: toPaymentView(payment) };
    if (['succeeded', 'expired'].includes(payment.status)) {
      throw new ConflictError(`The payment is ${payment.status}; it cannot be canceled.`, 'payment-not-cancelable');
    }
    const access = await stripeAccess();
    const { stripe } = access;
    // Marked before Stripe is asked, so the session's expiry it reports reads as this cancel.
    if (!payment.cancelRequestedAt) {
      const at = new Date().toISOString();
      await payments
        .transition(userId, payment, { ...payment, cancelRequestedAt: at, updatedAt: at, version: payment.version + 1 })
        .catch((error: unknown) => {
          if (!(error instanceof PaymentMoved)) throw error;
        });
    }
    const sessionId = payment.stripe.checkoutSessionId;
    if (sessionId) {
      const session = await stripe.checkout.sessions.retrieve(sessionId);
      if (session.status === 'open') await stripe.checkout.sessions.expire(sessionId);
    }
    const intentId = payment.stripe.paymentIntentId;
    if (intentId) {
      const intent = await stripe.paymentIntents.retrieve(intentId);
      if (intent.status !== 'succeeded' && intent.status !== 'canceled') await stripe.paymentIntents.cancel(intentId);
    }
    const now = new Date();
    const current = await payments.get(userId, path.id);
    if (current && current.status !== 'canceled' && current.status !== 'succeeded') {
      // Canceled by the user: recorded as such even though Stripe reports an expired session.
      await payments
        .transition(userId, current, {
          ...current,
          status: 'canceled',
          hostedUrl: null,
          updatedAt: now.toISOString(),
          version: current.version + 1,
        })
        .catch(() => undefined);
    }
    await applierFor(access).refresh(userId, (await payments.get(userId, path.id)) ?? payment, now);
    const after = await payments.get(userId, path.id);
    return { status: 200, body: toPaymentView(after ?? payment) };
  }),
);
