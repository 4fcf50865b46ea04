/**
 * The off-session branch of POST /v1/invoices/{id}/payments: with `paymentMethodId`, the payee's
 * saved method is charged at once (shared/payments/methods-charge.ts) instead of a hosted page.
 */
import type { InvoiceItem } from '../../../shared/invoices/public';
import { idempotencyKeyFrom } from '../../../shared/kit/http/idempotency';
import { chargeSavedMethod } from '../../../shared/payments/methods-charge';
import { stripeAccess } from '../../../shared/payments/stripe';
import { toPaymentView } from '../../../shared/payments/views';
import { savedMethodStore } from './methods-service';
import { applierFor, payments } from './service';

export async function chargeSaved(
  userId: string,
  invoice: InvoiceItem,
  accountId: string,
  methodId: string,
  amount: number,
  headers: { readonly 'idempotency-key': string | undefined },
) {
  const access = await stripeAccess();
  const applier = applierFor(access);
  const { created, payment } = await chargeSavedMethod(
    {
      stripe: access.stripe,
      methods: savedMethodStore,
      payments,
      refresh: (user, current) => applier.refresh(user, current),
    },
    { userId, invoice, accountId, methodId, amount, idempotencyKey: idempotencyKeyFrom(headers) },
  );
  return {
    status: created ? 201 : 200,
    body: toPaymentView(payment),
    headers: { location: `/v1/payments/${payment.paymentId}` },
  };
}
