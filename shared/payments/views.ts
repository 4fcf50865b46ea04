/** What the payment routes return: the payment without bookkeeping, money as `{ amount, currency }`. */
import * as z from '../kit/schema';
import { type PaymentItem, paymentStatuses } from './items';

export function toPaymentView(payment: PaymentItem) {
  return {
    id: payment.paymentId,
    invoiceId: payment.invoiceId,
    accountId: payment.accountId,
    money: { amount: payment.amount, currency: payment.currency },
    refunded: { amount: payment.refundedAmount, currency: payment.currency },
    status: payment.status,
    hostedUrl: payment.hostedUrl,
    receiptUrl: payment.receiptUrl,
    transactionId: payment.transactionId,
    failure: payment.failure && { code: payment.failure.code, message: payment.failure.message },
    stripe: payment.stripe,
    createdAt: payment.createdAt,
    updatedAt: payment.updatedAt,
    version: payment.version,
  };
}

const moneyView = () => z.object({ amount: z.int(), currency: z.string() });

export const paymentView = z.lazily(() =>
  z.object({
    id: z.string(),
    invoiceId: z.string(),
    accountId: z.string(),
    money: moneyView(),
    refunded: moneyView(),
    status: z.enum(paymentStatuses),
    hostedUrl: z.nullable(z.string()).check(z.describe("Stripe's hosted page to send to the payer, while open")),
    receiptUrl: z.nullable(z.string()).check(z.describe("Stripe's receipt, once paid")),
    transactionId: z.nullable(z.string()).check(z.describe('The income movement recorded, once paid')),
    failure: z.nullable(z.object({ code: z.nullable(z.string()), message: z.nullable(z.string()) })),
    stripe: z.object({ checkoutSessionId: z.nullable(z.string()), paymentIntentId: z.nullable(z.string()) }),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.int(),
  }),
);
