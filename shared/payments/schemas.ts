/** Request schemas of the payment routes. */

import { entityId } from '../kit/http/fields';
import { MAX_AMOUNT } from '../kit/money/money';
import * as z from '../kit/schema';

export const paymentCreateSchema = z.lazily(() =>
  z.strictObject({
    /** The account Stripe pays out to: the income is recorded there. */
    accountId: entityId(),
    /** A saved payment method of the invoice's payee: charged off-session instead of a hosted page. */
    paymentMethodId: z.optional(entityId()),
  }),
);

export const refundCreateSchema = z.lazily(() =>
  z.strictObject({
    /** Minor units of the payment's currency; none: everything not refunded yet. */
    amount: z.optional(
      z.int().check(z.positive('must be greater than 0'), z.lte(MAX_AMOUNT, `must be at most ${MAX_AMOUNT}`)),
    ),
  }),
);
export type RefundCreate = z.infer<ReturnType<typeof refundCreateSchema>>;

export const paymentListQuery = z.lazily(() => z.strictObject({}));

/** A command without parameters: no body, or an empty object. */
export const noBody = z.lazily(() => z.optional(z.strictObject({})));
