/**
 * Payments collected through the user's own Stripe account for an issued invoice, and the claims
 * of the Stripe events already applied.
 */
import { byId, entity } from '../kit/dynamodb/keys';
import { currencyCode } from '../kit/money/money';
import * as z from '../kit/schema';

export const PaymentEntity = entity('PAYMENT', 'PAYMENT', byId);
/**
 * One per invoice: the payment the invoice is being paid through now. Taken in the same conditional
 * write as that payment's creation, so two concurrent requests cannot start two payments (two
 * Checkout Sessions the payer could both pay); replaced only when its payment ended.
 */
export const PaymentClaimEntity = entity('PAYMENT_CLAIM', 'PAYCLAIM', byId);
/** One per Stripe event applied to one of the user's payments; expires after Stripe's retry window. */
export const StripeEventClaimEntity = entity('STRIPE_EVENT', 'STRIPEEVT', byId);

export const paymentStatuses = ['open', 'processing', 'succeeded', 'failed', 'canceled', 'expired'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

export const paymentItem = z.lazily(() =>
  z.object({
    type: z.literal(PaymentEntity.type),
    paymentId: z.string().check(z.minLength(1)),
    invoiceId: z.string(),
    /** Where the money lands once Stripe pays out: the income movement is recorded on this account. */
    accountId: z.string(),
    /** Minor units of `currency`: what the payer is asked to pay. */
    amount: z.int().check(z.positive()),
    currency: currencyCode(),
    status: z.enum(paymentStatuses),
    /** Minor units refunded so far (Stripe's succeeded refunds). */
    refundedAmount: z.int().check(z.nonnegative()),
    stripe: z.object({
      checkoutSessionId: z.nullable(z.string()),
      paymentIntentId: z.nullable(z.string()),
    }),
    /** Stripe's hosted page for the payer, while the payment is open. */
    hostedUrl: z.nullable(z.string()),
    /** Stripe's receipt, once paid. */
    receiptUrl: z.nullable(z.string()),
    /** The income movement recorded for it, once paid. */
    transactionId: z.nullable(z.string()),
    /**
     * Why the last attempt failed, in Stripe's words (never card details), and Stripe's id of that
     * attempt (its charge): each failed attempt is reported once.
     */
    failure: z.nullable(
      z.object({
        code: z.nullable(z.string()),
        message: z.nullable(z.string()),
        attemptId: z.optional(z.nullable(z.string())),
      }),
    ),
    /**
     * When the user asked to cancel it: the Checkout Session the cancel expires at Stripe then reads
     * as canceled, whichever of the route and Stripe's webhook records it first.
     */
    cancelRequestedAt: z.optional(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.int().check(z.positive()),
  }),
);
export type PaymentItem = z.infer<ReturnType<typeof paymentItem>>;
