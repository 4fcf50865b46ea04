/** GET /v1/payments/{id}: one of the caller's payments. */
import { userRoute } from '../../../shared/identity/public';
import { NotFound } from '../../../shared/kit/http/problems';
import { paymentsGet } from '../../../shared/payments/operations';
import { toPaymentView } from '../../../shared/payments/views';
import { payments } from './service';

export const handler = userRoute(paymentsGet, async ({ userId, path }) => {
  // Keyed by the caller's sub: another user's payment id does not exist here.
  const payment = await payments.get(userId, path.id);
  if (!payment) throw new NotFound('payment');
  return { status: 200, body: toPaymentView(payment) };
});
