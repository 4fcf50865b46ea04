/**
 * POST /v1/payees/{id}/payment-methods: the payee's Stripe Customer (made once) and a setup-mode
 * Checkout Session; answers with Stripe's hosted page for the payer. The method is recorded when
 * Stripe's webhook says the setup succeeded (shared/payments/methods.ts).
 */
import { ulid } from 'ulid';
import { userRoute } from '../../../shared/identity/public';
import { idempotencyKeyFrom } from '../../../shared/kit/http/idempotency';
import { savedMethodsCreate } from '../../../shared/payments/methods-operations';
import { answeringStripeOutages, stripeAccess } from '../../../shared/payments/stripe';
import { payeeOf, savedMethodsFor } from './methods-service';

export const handler = userRoute(
  savedMethodsCreate,
  answeringStripeOutages(async ({ userId, path, body, headers, profile }) => {
    const payee = await payeeOf(userId, path.id);
    const methods = savedMethodsFor(await stripeAccess());
    const now = new Date();
    const customerId = await methods.customerOf(
      userId,
      { payeeId: payee.payeeId, name: payee.name, email: payee.contact.email },
      now,
    );
    const key = idempotencyKeyFrom(headers);
    const session = await methods.startSetup(
      userId,
      payee.payeeId,
      customerId,
      body?.currency ?? profile.homeCurrency,
      key ? `moneta:${userId}:setup:${key}` : `moneta:setup:${userId}:${ulid()}`,
    );
    return {
      status: 201,
      body: {
        payeeId: payee.payeeId,
        url: session.url!,
        expiresAt: new Date(session.expires_at * 1000).toISOString(),
        stripe: { customerId, checkoutSessionId: session.id },
      },
    };
  }),
);
