/**
 * What the payee routes accept. Strict objects (an unknown field is a 400 naming it); a name is
 * what a person calls the payee, unique per user once case, width and spaces are folded; an IBAN
 * is checked by its ISO 13616 check digits; a default category is checked against the caller's
 * categories by the route.
 */
import { pageQuery } from '../kit/http/cursor';
import { entityId } from '../kit/http/fields';
import * as z from '../kit/schema';
import { payeeKinds, payeeSchema } from '../transactions/public';

export const MAX_NOTES_LENGTH = 1000;
const MAX_CONTACT_LENGTH = 200;

/**
 * ISO 13616: country code, two check digits, up to 30 letters or digits; moving the first four
 * characters to the end and reading letters as 10..35 gives a number ≡ 1 (mod 97).
 */
export function validIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const digits = `${iban.slice(4)}${iban.slice(0, 4)}`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
}

/** Written with or without spaces, in any case; stored compact and upper-case. */
export const ibanSchema = z.lazily(() =>
  z.pipe(
    z.string().check(z.maxLength(50)),
    z.pipe(
      z.transform((value: string) => value.replace(/\s+/g, '').toUpperCase()),
      z.string().check(z.refine(validIban, 'must be a valid IBAN (its check digits do not match)')),
    ),
  ),
);

const optionalText = (max: number) => z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(max))));

const contactSchema = z.lazily(() =>
  z.strictObject({
    email: z.optional(z.nullable(z.email('must be an email address'))),
    phone: z.optional(
      z.nullable(z.string().check(z.trim(), z.regex(/^\+?[0-9 ()./-]{3,40}$/, 'must be a phone number'))),
    ),
    address: optionalText(MAX_CONTACT_LENGTH),
  }),
);

const fields = () => ({
  kind: z.optional(z.enum(payeeKinds)),
  defaultCategoryId: z.optional(z.nullable(entityId())),
  contact: z.optional(contactSchema()),
  taxId: z.optional(
    z.nullable(z.string().check(z.trim(), z.regex(/^[A-Za-z0-9 .\-/]{2,30}$/, 'must be a tax id such as ESB12345678'))),
  ),
  iban: z.optional(z.nullable(ibanSchema())),
  notes: optionalText(MAX_NOTES_LENGTH),
});

export const payeeCreateBody = z.lazily(() => z.strictObject({ name: payeeSchema(), ...fields() }));
export type PayeeCreate = z.infer<ReturnType<typeof payeeCreateBody>>;

export const payeePatchBody = z.lazily(() =>
  z.strictObject({ name: z.optional(payeeSchema()), ...fields() }).check(
    z.refine((patch) => Object.values(patch).some((value) => value !== undefined), {
      message: 'must change at least one field',
    }),
  ),
);
export type PayeePatch = z.infer<ReturnType<typeof payeePatchBody>>;

export const payeeMergeBody = z.lazily(() => z.strictObject({ intoId: entityId() }));

/** `GET /v1/payees`: an optional name prefix (`q`, or `prefix` as before), matched normalized, and paging. */
export const payeeListQuery = z.lazily(() =>
  z.strictObject({
    q: z.optional(z.string().check(z.maxLength(100))),
    prefix: z.optional(z.string().check(z.maxLength(100))),
    ...pageQuery(),
  }),
);
