/**
 * What the payee routes accept. Strict objects (an unknown field is a 400 naming it); a name is
 * what a person calls the payee, unique per user once case, width and spaces are folded; an IBAN
 * is checked by its ISO 13616 check digits; a default category is checked against the caller's
 * categories by the route.
 */
import { electronicFormatIBAN, isValidIBAN, ValidationErrorsIBAN, validateIBAN } from 'ibantools';
import { pageQuery } from '../kit/http/cursor';
import { entityId } from '../kit/http/fields';
import * as z from '../kit/schema';
import { payeeKinds, payeeSchema } from '../transactions/public';

export const MAX_NOTES_LENGTH = 1000;
const MAX_CONTACT_LENGTH = 200;

/**
 * ISO 13616 as ibantools checks it: a country it knows, that country's length and BBAN format
 * (and national check digits where ibantools has them), and the mod-97 check digits.
 */
export function validIban(iban: string): boolean {
  return isValidIBAN(iban);
}

/** Why an IBAN in electronic format is refused, in the words the 4xx problem names the field with. */
export function ibanProblem(iban: string): string | undefined {
  const { valid, errorCodes } = validateIBAN(iban);
  if (valid) return undefined;
  if (errorCodes.includes(ValidationErrorsIBAN.NoIBANCountry))
    return 'must be a valid IBAN (its country code is not an IBAN country)';
  if (
    errorCodes.includes(ValidationErrorsIBAN.WrongBBANLength) ||
    errorCodes.includes(ValidationErrorsIBAN.WrongBBANFormat)
  ) {
    return "must be a valid IBAN (its length or format does not match its country's)";
  }
  return 'must be a valid IBAN (its check digits do not match)';
}

/** Written with or without spaces or dashes, in any case; stored in electronic format (compact, upper-case). */
export const ibanSchema = z.lazily(() =>
  z.pipe(
    z.string().check(z.maxLength(50)),
    z.pipe(
      z.transform((value: string) => electronicFormatIBAN(value.replace(/\s+/g, '')) ?? ''),
      z.string().check(
        z.superRefine((iban, context) => {
          const problem = ibanProblem(iban);
          if (problem) context.addIssue({ code: 'custom', message: problem, input: iban });
        }),
      ),
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
