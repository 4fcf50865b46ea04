/** What the saved-method routes return: Stripe's ids and the method's non-sensitive summary. */
import * as z from '../kit/schema';
import type { SavedMethodItem } from './methods-items';

export function toSavedMethodView(method: SavedMethodItem) {
  return {
    id: method.methodId,
    payeeId: method.payeeId,
    type: method.methodType,
    brand: method.brand,
    last4: method.last4,
    expMonth: method.expMonth,
    expYear: method.expYear,
    createdAt: method.createdAt,
  };
}

export const savedMethodView = z.lazily(() =>
  z.object({
    id: z.string().check(z.describe("Stripe's PaymentMethod id: give it as `paymentMethodId` to charge it")),
    payeeId: z.string(),
    type: z.string().check(z.describe("Stripe's method type: card, sepa_debit …")),
    brand: z.nullable(z.string()),
    last4: z.nullable(z.string()),
    expMonth: z.nullable(z.int()),
    expYear: z.nullable(z.int()),
    createdAt: z.string(),
  }),
);

export const savedMethodListView = z.lazily(() => z.object({ items: z.array(savedMethodView()) }));

export const savedMethodSetupView = z.lazily(() =>
  z.object({
    payeeId: z.string(),
    url: z.string().check(z.describe("Stripe's hosted setup page to send to the payer")),
    expiresAt: z.string(),
    stripe: z.object({ customerId: z.string(), checkoutSessionId: z.string() }),
  }),
);
