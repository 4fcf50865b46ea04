/**
 * The one mapping from Cognito exceptions to Moneta's HTTP problems, route by route.
 *
 * The same exception means different things on different routes (a NotAuthorizedException is a wrong
 * password on login, an already confirmed account on confirm, a revoked token on delete), and some
 * must look like success so the API never reveals whether an email has an account. Each route's
 * meaning is a row of `cognitoErrors`; handlers only call `handleCognitoError(error, cognitoErrors.x)`.
 *
 * Some rules also cover how cognito-local (the local cloud's user pool) reports the same situation,
 * e.g. a wrong password as InvalidPasswordException: that is error shape, not a local-mode branch.
 */
import { CognitoIdentityProviderServiceException } from '@aws-sdk/client-cognito-identity-provider';
import {
  Conflict,
  Forbidden,
  HttpProblem,
  ServiceUnavailable,
  TooManyRequests,
  Unauthorized,
  ValidationFailed,
} from '../kit/http/problems';

/** The outcome of a Cognito error that the caller must see as success (no problem, no hint). */
const SUCCESS = Symbol('success');

type CognitoExceptionName =
  | 'AliasExistsException'
  | 'CodeMismatchException'
  | 'EnableSoftwareTokenMFAException'
  | 'ExpiredCodeException'
  | 'InvalidParameterException'
  | 'InvalidPasswordException'
  | 'LimitExceededException'
  | 'NotAuthorizedException'
  | 'PasswordHistoryPolicyViolationException'
  | 'PasswordResetRequiredException'
  | 'RefreshTokenReuseException'
  | 'TooManyFailedAttemptsException'
  | 'TooManyRequestsException'
  | 'UnauthorizedException'
  | 'UnsupportedTokenTypeException'
  | 'UserNotConfirmedException'
  | 'UserNotFoundException'
  | 'UsernameExistsException';

type Rule<O> = (error: Error) => O;
type Context<O> = {
  readonly on: Partial<Record<CognitoExceptionName, Rule<O>>>;
  /** Any other error of the call. Without it the error is rethrown: a 500 with a correlation id. */
  readonly otherwise?: Rule<O>;
};
/** A route on which every Cognito error is a failure. */
type FailingContext = Context<HttpProblem> & { readonly forgiving: false };
/** A route on which some Cognito errors are reported as success. */
type ForgivingContext = Context<HttpProblem | typeof SUCCESS> & { readonly forgiving: true };

// --- The problems, worded once -------------------------------------------------------------------

const fieldProblem = (field: string, message: string) => new ValidationFailed([{ in: 'body', field, message }]);
const wrongCode = () => fieldProblem('code', 'is not the code we sent; check it or request a new one');
const expiredCode = () => fieldProblem('code', 'has expired; request a new one');
const weakPassword = (field: string) => () => fieldProblem(field, 'does not meet the password policy');
const reusedPassword = (field: string) => () => fieldProblem(field, 'was used recently; choose another one');
const badCredentials = () => new Unauthorized('Incorrect email or password.');
const invalidRefreshToken = () => new Unauthorized('The refresh token is invalid, expired or revoked; sign in again.');
const invalidAccessToken = () => new Unauthorized('The access token is no longer valid; sign in again.');
const throttled = () => new TooManyRequests();
const notConfirmed = () =>
  new Forbidden('Confirm your email address first (POST /v1/auth/confirm).', 'user-not-confirmed');
const resetRequired = () =>
  new Forbidden('A password reset is required (POST /v1/auth/forgot-password).', 'password-reset-required');

/** Cognito answers too many wrong passwords with NotAuthorizedException("Password attempts exceeded"). */
const isAttemptsExceeded = (error: Error) => /attempts exceeded/i.test(error.message);
/** A NotAuthorizedException about the access token itself (revoked, expired, malformed), not the user. */
const isAccessTokenProblem = (error: Error) => /access token/i.test(error.message);
/** Cognito's messages for a new password it refuses (policy, history); anything else is the old one. */
const isNewPasswordRefusal = (error: Error) => /conform|policy|previously/i.test(error.message);

/** Login challenges other than TOTP (NEW_PASSWORD_REQUIRED, SMS) are not answerable over the API. */
export function challengeRequired(challenge: string): HttpProblem {
  return new HttpProblem(
    403,
    'challenge-required',
    'Forbidden',
    'Cognito requires an additional sign-in step that this API does not support yet.',
    undefined,
    { challenge },
  );
}

/**
 * A dangerous operation's credentials were not right. One answer for a wrong password, a wrong or
 * missing authenticator code and an expired challenge: telling them apart would let whoever holds
 * a stolen access token learn that a guessed password is right.
 */
export function reauthenticationFailed(): HttpProblem {
  return new HttpProblem(
    403,
    'reauthentication-failed',
    'Re-authentication failed',
    'The password, or the authenticator code when MFA is on, is not right. Nothing was changed.',
  );
}

const wrongTotpCode = () => fieldProblem('code', 'is not the current code of your authenticator app');
const expiredMfaSession = () =>
  new Unauthorized('The sign-in session has expired or was used up; sign in with your password again.');

// Limits are the same everywhere: back off and retry.
const limits = {
  TooManyRequestsException: throttled,
  LimitExceededException: throttled,
  TooManyFailedAttemptsException: throttled,
} as const;

const failing = (on: FailingContext['on'], otherwise?: FailingContext['otherwise']): FailingContext => ({
  forgiving: false,
  on: { ...limits, ...on },
  ...(otherwise ? { otherwise } : {}),
});
const forgiving = (on: ForgivingContext['on'], otherwise?: ForgivingContext['otherwise']): ForgivingContext => ({
  forgiving: true,
  on: { ...limits, ...on },
  ...(otherwise ? { otherwise } : {}),
});
const succeed = (): typeof SUCCESS => SUCCESS;

// --- Route by route ---------------------------------------------------------------------------------

export const cognitoErrors = {
  signup: failing({
    UsernameExistsException: () => new Conflict('An account with this email already exists.', undefined, 'email-taken'),
    InvalidPasswordException: weakPassword('password'),
  }),

  confirm: failing({
    CodeMismatchException: wrongCode,
    ExpiredCodeException: expiredCode,
    // Don't reveal whether the email has an account: an unknown user has a wrong code.
    UserNotFoundException: wrongCode,
    // "User cannot be confirmed. Current status is CONFIRMED"; cognito-local says NotAuthorized for unknown users.
    NotAuthorizedException: (error) =>
      /status is confirmed/i.test(error.message)
        ? new Conflict('This account is already confirmed; sign in.', undefined, 'already-confirmed')
        : wrongCode(),
    AliasExistsException: () => new Conflict('Another account already uses this email.', undefined, 'email-taken'),
  }),

  // Never reveals whether the email exists or is already confirmed.
  resendCode: forgiving({
    UserNotFoundException: succeed,
    InvalidParameterException: succeed, // "User is already confirmed."
    NotAuthorizedException: succeed,
  }),

  login: failing({
    NotAuthorizedException: (error) => (isAttemptsExceeded(error) ? throttled() : badCredentials()),
    // Same body as a wrong password: the response must not tell which emails have accounts.
    UserNotFoundException: badCredentials,
    // cognito-local reports a wrong password this way.
    InvalidPasswordException: badCredentials,
    UserNotConfirmedException: notConfirmed,
    PasswordResetRequiredException: resetRequired,
  }),

  refresh: failing({
    NotAuthorizedException: invalidRefreshToken,
    UserNotFoundException: invalidRefreshToken,
    RefreshTokenReuseException: invalidRefreshToken,
  }),

  // Logout is idempotent: a token that is already revoked, unknown or not a refresh token is "logged out".
  logout: forgiving({
    NotAuthorizedException: succeed,
    UnauthorizedException: succeed,
    UnsupportedTokenTypeException: succeed,
    InvalidParameterException: succeed,
    UserNotFoundException: succeed,
  }),

  // Always 202 for a well-formed email: only limits (429) may differ from success.
  forgotPassword: forgiving({
    UserNotFoundException: succeed,
    InvalidParameterException: succeed, // no verified email to send the code to
    NotAuthorizedException: succeed, // disabled user
    UserNotConfirmedException: succeed,
  }),

  resetPassword: failing({
    CodeMismatchException: wrongCode,
    ExpiredCodeException: expiredCode,
    InvalidPasswordException: weakPassword('newPassword'),
    PasswordHistoryPolicyViolationException: reusedPassword('newPassword'),
    // Unknown, unverified or disabled users get the wrong-code answer: no hint that the email has no account.
    UserNotFoundException: wrongCode,
    InvalidParameterException: wrongCode,
    NotAuthorizedException: wrongCode,
  }),

  changePassword: failing({
    // A 401 for a wrong current password would look like an expired token to clients: 400 on the field.
    NotAuthorizedException: (error) => {
      if (isAccessTokenProblem(error)) return invalidAccessToken();
      if (isAttemptsExceeded(error)) return throttled();
      return fieldProblem('currentPassword', 'is not your current password');
    },
    // Cognito uses this for a refused new password; cognito-local for a wrong current one.
    InvalidPasswordException: (error) =>
      isNewPasswordRefusal(error)
        ? weakPassword('newPassword')()
        : fieldProblem('currentPassword', 'is not your current password'),
    PasswordHistoryPolicyViolationException: reusedPassword('newPassword'),
    UserNotFoundException: invalidAccessToken,
    PasswordResetRequiredException: resetRequired,
    UserNotConfirmedException: notConfirmed,
  }),

  /** InitiateAuth and the TOTP answer of a re-authentication: every refusal is the same 403. */
  reauthenticate: failing({
    NotAuthorizedException: (error) => (isAttemptsExceeded(error) ? throttled() : reauthenticationFailed()),
    InvalidPasswordException: reauthenticationFailed,
    UserNotFoundException: reauthenticationFailed,
    CodeMismatchException: reauthenticationFailed,
    ExpiredCodeException: reauthenticationFailed,
    PasswordResetRequiredException: reauthenticationFailed,
    UserNotConfirmedException: reauthenticationFailed,
  }),

  /** RespondToAuthChallenge (SOFTWARE_TOKEN_MFA) at sign-in. */
  loginMfa: failing({
    CodeMismatchException: wrongTotpCode,
    ExpiredCodeException: wrongTotpCode,
    // "Invalid session for the user, session is expired." (or spent by wrong codes); attempts exceeded is a limit.
    NotAuthorizedException: (error) => (isAttemptsExceeded(error) ? throttled() : expiredMfaSession()),
    UserNotFoundException: expiredMfaSession,
    // A session that is not Cognito's (tampered with) is refused like an expired one.
    InvalidParameterException: expiredMfaSession,
  }),

  /** AssociateSoftwareToken, VerifySoftwareToken and SetUserMFAPreference with the caller's token. */
  mfaSetup: failing({
    EnableSoftwareTokenMFAException: wrongTotpCode,
    CodeMismatchException: wrongTotpCode,
    InvalidParameterException: () =>
      new Conflict('Start the enrolment first (POST /v1/me/mfa/totp).', undefined, 'mfa-enrolment-not-started'),
    NotAuthorizedException: invalidAccessToken,
    UserNotFoundException: invalidAccessToken,
  }),

  /**
   * UpdateUserAttributes with a new email. An address another account signs in with must answer
   * exactly like success (the code simply never arrives): no hint whose it is, or that it is anyone's.
   */
  emailChange: forgiving({
    AliasExistsException: succeed,
    NotAuthorizedException: invalidAccessToken,
    UserNotFoundException: invalidAccessToken,
  }),

  /** VerifyUserAttribute: a wrong code, an expired one, none pending, or the address taken meanwhile. */
  emailVerify: failing({
    CodeMismatchException: wrongCode,
    ExpiredCodeException: expiredCode,
    // Someone else verified the address in the meantime: the change cannot complete; no hint whose.
    AliasExistsException: wrongCode,
    InvalidParameterException: wrongCode,
    NotAuthorizedException: (error) => (isAccessTokenProblem(error) ? invalidAccessToken() : wrongCode()),
    UserNotFoundException: invalidAccessToken,
  }),

  /**
   * DeleteUser runs after the profile is gone, so the client must retry until Cognito agrees:
   * "already gone" is success, a dead token asks for a new sign-in, anything else is a 503.
   */
  deleteUser: {
    forgiving: true,
    on: {
      UserNotFoundException: succeed,
      // "User does not exist." (cognito-local: "User not authorized") vs "Access Token has been revoked".
      NotAuthorizedException: (error) => (isAccessTokenProblem(error) ? invalidAccessToken() : SUCCESS),
    },
    otherwise: () => new ServiceUnavailable(),
  } satisfies ForgivingContext,
} as const;

function exceptionName(error: unknown): CognitoExceptionName | undefined {
  return error instanceof CognitoIdentityProviderServiceException ? (error.name as CognitoExceptionName) : undefined;
}

/**
 * Throws the HTTP problem a Cognito error means on a route, or returns when the route reports it as
 * success. Errors the route does not know are rethrown unchanged (500 with a correlation id).
 */
export function handleCognitoError(error: unknown, context: FailingContext): never;
export function handleCognitoError(error: unknown, context: ForgivingContext): void;
export function handleCognitoError(error: unknown, context: FailingContext | ForgivingContext): void {
  const name = exceptionName(error);
  const rule: Rule<HttpProblem | typeof SUCCESS> | undefined = (name && context.on[name]) || context.otherwise;
  if (!rule) throw error;
  const outcome = rule(error as Error);
  if (outcome === SUCCESS) return;
  throw outcome;
}
