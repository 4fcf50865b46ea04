/**
 * POST /v1/webhooks/stripe: Stripe's events. The signature is checked on the body's exact bytes
 * with the endpoint's signing secret (Stripe's SDK, 5 minutes' tolerance); a bad one is a 400 and
 * nothing is read or written. Each event is applied by Stripe's current state of its payment
 * (shared/payments/apply.ts). Logs name the event, never the payer.
 */

import { route } from '../../../shared/kit/http/api-handler';
import { HttpProblem } from '../../../shared/kit/http/problems';
import { logger } from '../../../shared/kit/observability';
import { isSetupEvent } from '../../../shared/payments/methods';
import { paymentsWebhook } from '../../../shared/payments/operations';
import { answeringStripeOutages, stripeAccess } from '../../../shared/payments/stripe';
import { savedMethodsFor } from './methods-service';
import { applierFor } from './service';

const TOLERANCE_SECONDS = 300;

export const handler = route(
  paymentsWebhook,
  answeringStripeOutages(async ({ rawBody, headers }) => {
    const access = await stripeAccess();
    let event: ReturnType<typeof access.stripe.webhooks.constructEvent>;
    try {
      event = access.stripe.webhooks.constructEvent(
        rawBody,
        headers['stripe-signature'] ?? '',
        access.webhookSecret,
        TOLERANCE_SECONDS,
      );
    } catch {
      throw new HttpProblem(
        400,
        'invalid-signature',
        'Invalid signature',
        'The Stripe-Signature header is missing, malformed, too old or does not match the body.',
      );
    }
    const outcome = isSetupEvent(event)
      ? await savedMethodsFor(access).apply(event)
      : await applierFor(access).apply(event);
    logger.info('Stripe event', { eventId: event.id, eventType: event.type, outcome });
    return { status: 200, body: { received: true } };
  }),
);
