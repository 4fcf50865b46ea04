/**
 * DELETE /v1/payees/{id}/payment-methods/{methodId}: detached at Stripe (so it can never be
 * charged again), then forgotten. A late webhook of its setup finds it detached and records nothing.
 */
import { userRoute } from '../../../shared/identity/public';
import { NotFound } from '../../../shared/kit/http/problems';
import { savedMethodsDelete } from '../../../shared/payments/methods-operations';
import { answeringStripeOutages, stripeAccess } from '../../../shared/payments/stripe';
import { savedMethodStore, savedMethodsFor } from './methods-service';

export const handler = userRoute(
  savedMethodsDelete,
  answeringStripeOutages(async ({ userId, path }) => {
    // Keyed by the caller's sub and the payee: another user's or payee's method does not exist here.
    const method = await savedMethodStore.method(userId, path.id, path.methodId);
    if (!method) throw new NotFound('payment method');
    await savedMethodsFor(await stripeAccess()).forget(userId, method);
    return { status: 204 };
  }),
);
