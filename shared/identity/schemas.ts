/**
 * Request bodies of the /v1/auth/* routes. Strict objects: an unknown field is a 400 naming it.
 * Emails are trimmed and lower-cased here, once, so Cognito always sees one spelling per person.
 */
import { timeZone } from '../kit/dates/timezones';
import { currencyCode } from '../kit/money/money';
import * as z from '../kit/schema';
import { passwordSchema, presentedPasswordSchema } from './password-policy';
import { displayName } from './profile';

export const emailSchema = z.lazily(() =>
  z.pipe(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)), z.email('must be an email address')),
);

/** The emailed confirmation or reset code. Cognito's own limit is 2048 non-space characters. */
export const codeSchema = z.lazily(() =>
  z
    .string()
    .check(z.trim(), z.minLength(1, 'is required'), z.maxLength(2048), z.regex(/^\S+$/, 'must not contain spaces')),
);

/** Cognito tokens are a few kilobytes; the ceiling only stops absurd bodies. */
const tokenSchema = z.lazily(() => z.string().check(z.trim(), z.minLength(1, 'is required'), z.maxLength(16_384)));

export const signupBody = z.lazily(() =>
  z.strictObject({
    email: emailSchema(),
    password: passwordSchema(),
    name: z.optional(displayName()),
    homeCurrency: z.optional(currencyCode()),
    timezone: z.optional(timeZone()),
  }),
);
export type SignupBody = z.infer<ReturnType<typeof signupBody>>;

export const confirmBody = z.lazily(() => z.strictObject({ email: emailSchema(), code: codeSchema() }));

export const emailOnlyBody = z.lazily(() => z.strictObject({ email: emailSchema() }));

export const loginBody = z.lazily(() => z.strictObject({ email: emailSchema(), password: presentedPasswordSchema() }));

export const refreshTokenBody = z.lazily(() => z.strictObject({ refreshToken: tokenSchema() }));

export const resetPasswordBody = z.lazily(() =>
  z.strictObject({ email: emailSchema(), code: codeSchema(), newPassword: passwordSchema() }),
);

export const changePasswordBody = z.lazily(() =>
  z.strictObject({
    currentPassword: presentedPasswordSchema(),
    newPassword: passwordSchema(),
  }),
);
