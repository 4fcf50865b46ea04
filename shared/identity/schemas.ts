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

/** The session's refresh token, when the client has it: revoked at Cognito too. */
export const logoutBody = z.lazily(() => z.strictObject({ refreshToken: z.optional(tokenSchema()) }));

export const resetPasswordBody = z.lazily(() =>
  z.strictObject({ email: emailSchema(), code: codeSchema(), newPassword: passwordSchema() }),
);

export const changePasswordBody = z.lazily(() =>
  z.strictObject({
    currentPassword: presentedPasswordSchema(),
    newPassword: passwordSchema(),
  }),
);

/** A six-digit code from an authenticator app (TOTP). */
export const totpCodeSchema = z.lazily(() =>
  z.string().check(z.trim(), z.regex(/^\d{6}$/, 'must be the 6-digit code from your authenticator app')),
);

/**
 * What a dangerous operation asks for again (shared/identity/reauth.ts): the current password and,
 * when MFA is on, the authenticator's current code.
 */
const reauthFields = () => ({ password: presentedPasswordSchema(), code: z.optional(totpCodeSchema()) });

export const reauthBody = z.lazily(() => z.strictObject(reauthFields()));
export type ReauthBody = z.infer<ReturnType<typeof reauthBody>>;

export const emailChangeBody = z.lazily(() => z.strictObject({ email: emailSchema(), ...reauthFields() }));

export const codeOnlyBody = z.lazily(() => z.strictObject({ code: codeSchema() }));

/** Starting an enrolment takes nothing but the caller's token: an empty object. */
export const emptyBody = z.lazily(() => z.strictObject({}));

export const totpVerifyBody = z.lazily(() => z.strictObject({ code: totpCodeSchema() }));

/** Cognito's sign-in session is about a kilobyte; ours wraps it with the user's name. */
export const mfaLoginBody = z.lazily(() =>
  z.strictObject({
    session: z.string().check(z.trim(), z.minLength(1, 'is required'), z.maxLength(8_192)),
    code: totpCodeSchema(),
  }),
);
