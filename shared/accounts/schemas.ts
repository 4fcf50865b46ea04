/**
 * What the account routes accept. Strict objects: an unknown field is a 400 naming it, and an
 * update can only touch the allow-list below (the currency of an account never changes: its
 * balance and every transaction's accountAmount are in it).
 */
import { pageQuery } from '../kit/http/cursor';
import { entityName, queryBoolean } from '../kit/http/fields';
import { currencyCode } from '../kit/money/money';
import * as z from '../kit/schema';
import { accountHints, accountKinds } from './items';

/** Hints as given: strict (an unknown hint kind is a 400 naming it), repeated digits kept once. */
const hintsInput = z.lazily(() =>
  z.pipe(
    z.strictObject({ lastDigits: accountHints().shape.lastDigits }),
    z.transform((hints) => ({ lastDigits: [...new Set(hints.lastDigits)] })),
  ),
);

export const accountCreateSchema = z.lazily(() =>
  z.strictObject({
    name: entityName(),
    kind: z.enum(accountKinds),
    currency: currencyCode(),
    hints: z.optional(hintsInput()),
  }),
);
export type AccountCreate = z.infer<ReturnType<typeof accountCreateSchema>>;

export const accountPatchSchema = z.lazily(() =>
  z
    .strictObject({
      name: z.optional(entityName()),
      kind: z.optional(z.enum(accountKinds)),
      archived: z.optional(z.boolean()),
      /** Replaces the hints as a whole (`{lastDigits: []}` clears them). */
      hints: z.optional(hintsInput()),
    })
    .check(
      z.refine((patch) => Object.values(patch).some((value) => value !== undefined), {
        message: 'must change at least one field',
      }),
    ),
);
export type AccountPatch = z.infer<ReturnType<typeof accountPatchSchema>>;

export const accountListQuery = z.lazily(() =>
  z.strictObject({
    includeArchived: z._default(queryBoolean(), false),
    ...pageQuery(),
  }),
);
