/**
 * The password policy, as data. The CDK user pool is built from `passwordPolicy` and the API checks
 * passwords with `passwordSchema` before calling Cognito, so a weak password is refused with a
 * field-level 400 and the two rules cannot drift.
 */
import * as z from '../kit/schema';

/** Shaped like aws-cdk-lib's `PasswordPolicy`, so the stack can pass it as is. */
export const passwordPolicy = {
  minLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
} as const;

/** Cognito's own ceiling on password length. */
const PASSWORD_MAX_LENGTH = 256;

/**
 * The characters Cognito counts as symbols. A space counts too, but only inside the password:
 * Cognito refuses leading and trailing whitespace outright.
 */
const SYMBOLS = `^$*.[]{}()?"!@#%&/\\,><':;|_~\`=+- `;
const hasSymbol = (value: string) => [...value].some((char) => SYMBOLS.includes(char));

/** A new password (sign-up, reset, change). Never trimmed: the password is exactly what was typed. */
export const passwordSchema = z.lazily(() =>
  z.string().check(
    z.minLength(passwordPolicy.minLength, `must be at least ${passwordPolicy.minLength} characters long`),
    z.maxLength(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters long`),
    z.refine((value) => value.trim() === value, 'must not start or end with whitespace'),
    z.refine((value) => !passwordPolicy.requireLowercase || /\p{Ll}/u.test(value), 'must contain a lower-case letter'),
    z.refine((value) => !passwordPolicy.requireUppercase || /\p{Lu}/u.test(value), 'must contain an upper-case letter'),
    z.refine((value) => !passwordPolicy.requireDigits || /[0-9]/.test(value), 'must contain a digit'),
    z.refine((value) => !passwordPolicy.requireSymbols || hasSymbol(value), 'must contain a symbol such as ! or #'),
  ),
);

/** A password being presented (login, current password): only its shape is checked, never the policy. */
export const presentedPasswordSchema = z.lazily(() =>
  z.string().check(z.minLength(1, 'is required'), z.maxLength(PASSWORD_MAX_LENGTH)),
);
