/**
 * A payer's saved payment methods for repeat invoices: the Stripe Customer made for one of the
 * user's payees, and the non-sensitive summary of each method Stripe saved for that customer.
 * Card and SEPA details stay at Stripe: Moneta keeps Stripe's ids, the type, brand, last four and
 * expiry, which is what a person needs to tell two methods apart.
 */
import { entity } from '../kit/dynamodb/keys';
import * as z from '../kit/schema';

/** One per payee that was asked to save a method (`STRIPECUS#<payee id>`). */
export const StripePayerEntity = entity('STRIPE_PAYER', 'STRIPECUS', (payeeId: string) => payeeId);
/** One per saved method, listed by payee (`SAVEDPM#<payee id>#<Stripe pm id>`). */
export const SavedMethodEntity = entity(
  'SAVED_METHOD',
  'SAVEDPM',
  (payeeId: string, methodId: string) => `${payeeId}#${methodId}`,
);

export const stripePayerItem = z.lazily(() =>
  z.object({
    type: z.literal(StripePayerEntity.type),
    payeeId: z.string().check(z.minLength(1)),
    /** Stripe's Customer of this payee, in the user's Stripe account. */
    customerId: z.string().check(z.minLength(1)),
    createdAt: z.string(),
  }),
);
export type StripePayerItem = z.infer<ReturnType<typeof stripePayerItem>>;

export const savedMethodItem = z.lazily(() =>
  z.object({
    type: z.literal(SavedMethodEntity.type),
    /** Stripe's PaymentMethod id: what the off-session charge names. */
    methodId: z.string().check(z.minLength(1)),
    payeeId: z.string(),
    customerId: z.string(),
    /** Stripe's method type: card, sepa_debit … */
    methodType: z.string(),
    brand: z.nullable(z.string()),
    last4: z.nullable(z.string()),
    expMonth: z.nullable(z.int()),
    expYear: z.nullable(z.int()),
    /** The SetupIntent that saved it. */
    setupIntentId: z.string(),
    createdAt: z.string(),
  }),
);
export type SavedMethodItem = z.infer<ReturnType<typeof savedMethodItem>>;
