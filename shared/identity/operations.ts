/** The auth and profile routes, declared once (shared/kit/http/operation.ts). */
import { defineOperation, ifMatchHeader, noParams } from '../kit/http/operation';
import { timestampFields } from '../kit/http/response-schemas';
import * as z from '../kit/schema';
import { throttleKeyPrefix } from './failure-throttle';
import { profilePatchSchema, profileSchema } from './profile';
import {
  changePasswordBody,
  codeOnlyBody,
  confirmBody,
  emailChangeBody,
  emailOnlyBody,
  emptyBody,
  loginBody,
  logoutBody,
  mfaLoginBody,
  reauthBody,
  refreshTokenBody,
  resetPasswordBody,
  signupBody,
  totpVerifyBody,
} from './schemas';

/** The documented response shapes, built on first use (documentation and tests only). */
export const identityViews = z.lazily(() => ({
  profile: z.strictObject({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    homeCurrency: z.string(),
    timezone: z.string(),
    notifications: profileSchema().shape.notifications,
    mfa: z.strictObject({
      totp: z
        .enum(['enabled', 'disabled'])
        .check(z.describe('`enabled`: signing in asks for the code of an authenticator app (TOTP).')),
    }),
    ...timestampFields(),
  }),
  tokens: z.strictObject({
    accessToken: z.string(),
    idToken: z.string(),
    refreshToken: z.optional(z.string()),
    expiresIn: z.int(),
    tokenType: z.literal('Bearer'),
  }),
  message: z.strictObject({ message: z.string() }),
  mfaChallenge: z.strictObject({ challenge: z.literal('totp'), session: z.string() }),
  totpEnrolment: z.strictObject({ secret: z.string(), otpauthUri: z.string() }),
}));

/** What a re-authenticated route may answer besides its success. */
const reauthProblems = [
  {
    status: 403,
    description:
      '`reauthentication-failed`: the password, or the authenticator code when MFA is on, is not right; nothing changed',
  },
  { status: 429, description: 'Too many failed re-authentications of this user; wait for Retry-After' },
] as const;

/*
 * The public auth routes carry route throttles, below the stage's: they are where abuse is cheap
 * (guessing passwords and codes, sending mail through resend-code and forgot-password). API
 * Gateway counts a route's requests from all callers together, so those limits are a ceiling, most
 * generous for a household and tightest where each request sends an email. Each caller's share is
 * the `auth` request budget (shared/kit/http/request-limits.ts): per client address, and per
 * target email whether or not an account has it.
 */
export const authSignup = defineOperation({
  function: 'auth-signup',
  feature: 'identity',
  entry: 'functions/api/auth/signup.ts',
  method: 'POST',
  path: '/v1/auth/signup',
  auth: 'public',
  limit: 'auth',
  functionDescription: 'Registers a user with Cognito',
  summary: 'Register with email and password',
  description: 'Cognito emails a confirmation code; confirm with POST /v1/auth/confirm.',
  grants: { userPool: true },
  throttle: { ratePerSecond: 5, burst: 20 },
  request: { body: signupBody, query: noParams },
  response: {
    status: 201,
    description: 'Registered, not yet confirmed',
    schema: () =>
      z.strictObject({
        userId: z.string(),
        confirmed: z.boolean(),
        codeDelivery: z.optional(z.strictObject({ medium: z.string(), destination: z.string() })),
      }),
  },
  problems: [409, 429],
});

export const authConfirm = defineOperation({
  function: 'auth-confirm',
  feature: 'identity',
  entry: 'functions/api/auth/confirm.ts',
  method: 'POST',
  path: '/v1/auth/confirm',
  auth: 'public',
  limit: 'auth',
  functionDescription: 'Confirms a sign-up with the emailed code',
  summary: 'Confirm a sign-up with the emailed code',
  grants: { userPool: true },
  throttle: { ratePerSecond: 5, burst: 20 },
  request: { body: confirmBody, query: noParams },
  response: { status: 200, description: 'Confirmed', schema: () => z.strictObject({ confirmed: z.literal(true) }) },
  problems: [409, 429],
});

export const authResendCode = defineOperation({
  function: 'auth-resend-code',
  feature: 'identity',
  entry: 'functions/api/auth/resend-code.ts',
  method: 'POST',
  path: '/v1/auth/resend-code',
  auth: 'public',
  limit: 'auth',
  functionDescription: 'Re-sends the sign-up confirmation code',
  summary: 'Send the confirmation code again',
  grants: { userPool: true },
  throttle: { ratePerSecond: 1, burst: 5 },
  request: { body: emailOnlyBody, query: noParams },
  response: {
    status: 202,
    description: 'Sent if the account exists and is unconfirmed',
    schema: () => identityViews().message,
  },
  problems: [429],
});

export const authLogin = defineOperation({
  function: 'auth-login',
  feature: 'identity',
  entry: 'functions/api/auth/login.ts',
  method: 'POST',
  path: '/v1/auth/login',
  auth: 'public',
  limit: 'auth',
  functionDescription: 'Exchanges email and password for tokens',
  summary: 'Exchange email and password for tokens',
  grants: { userPool: true },
  throttle: { ratePerSecond: 10, burst: 40 },
  request: { body: loginBody, query: noParams },
  response: {
    status: 200,
    description: 'Tokens; send the access token as `Authorization: Bearer <token>`',
    schema: () => identityViews().tokens,
  },
  otherResponses: [
    {
      status: 202,
      description: 'MFA is on: send the authenticator code with this session to POST /v1/auth/login/mfa',
      schema: () => identityViews().mfaChallenge,
    },
  ],
  problems: [{ status: 401, description: 'Incorrect email or password' }, 403, 429],
});

export const authLoginMfa = defineOperation({
  function: 'auth-login-mfa',
  feature: 'identity',
  entry: 'functions/api/auth/login-mfa.ts',
  method: 'POST',
  path: '/v1/auth/login/mfa',
  auth: 'public',
  limit: 'auth',
  functionDescription: 'Completes a sign-in with the authenticator code',
  summary: 'Complete a sign-in with the code of your authenticator app',
  description:
    'The session is the one POST /v1/auth/login answered with 202; it lasts three minutes. Wrong codes are counted per user: five within 15 minutes answer 429 until the window ends.',
  // Its own failure counters only (shared/identity/failure-throttle.ts): no user's data.
  grants: {
    userPool: true,
    tableItems: { pkPrefix: throttleKeyPrefix('MFA'), actions: ['GetItem', 'UpdateItem', 'DeleteItem'] },
  },
  throttle: { ratePerSecond: 10, burst: 40 },
  request: { body: mfaLoginBody, query: noParams },
  response: { status: 200, description: 'Tokens, as from POST /v1/auth/login', schema: () => identityViews().tokens },
  problems: [{ status: 401, description: 'The session has expired or was used up; sign in again' }, 429],
});

export const authRefresh = defineOperation({
  function: 'auth-refresh',
  feature: 'identity',
  entry: 'functions/api/auth/refresh.ts',
  method: 'POST',
  path: '/v1/auth/refresh',
  auth: 'public',
  limit: 'auth',
  functionDescription: 'Exchanges a refresh token for new tokens',
  summary: 'Exchange a refresh token for new tokens',
  grants: { userPool: true },
  throttle: { ratePerSecond: 20, burst: 50 },
  request: { body: refreshTokenBody, query: noParams },
  response: { status: 200, description: 'New tokens', schema: () => identityViews().tokens },
  problems: [{ status: 401, description: 'The refresh token is invalid, expired or revoked; sign in again' }, 429],
});

export const authLogout = defineOperation({
  function: 'auth-logout',
  feature: 'identity',
  entry: 'functions/api/auth/logout.ts',
  method: 'POST',
  path: '/v1/auth/logout',
  auth: 'identity',
  functionDescription: "Ends the caller's session",
  summary: 'Sign out this session',
  description:
    "Every access token of this session (the one sent, and those refreshed from the same sign-in) is refused by every route within 5 seconds. Send the session's refresh token too, and it is revoked at Cognito, so it cannot make new ones. Other sessions of the same user go on.",
  grants: { userPool: true, table: 'readWrite' },
  request: { body: logoutBody, query: noParams },
  response: { status: 204, description: 'Signed out' },
  problems: [429],
});

export const authForgotPassword = defineOperation({
  function: 'auth-forgot-password',
  feature: 'identity',
  entry: 'functions/api/auth/forgot-password.ts',
  method: 'POST',
  path: '/v1/auth/forgot-password',
  auth: 'public',
  limit: 'auth',
  functionDescription: 'Starts a password reset',
  summary: 'Start a password reset',
  grants: { userPool: true },
  throttle: { ratePerSecond: 1, burst: 5 },
  request: { body: emailOnlyBody, query: noParams },
  response: {
    status: 202,
    description: 'A code is emailed if the account exists',
    schema: () => identityViews().message,
  },
  problems: [429],
});

export const authResetPassword = defineOperation({
  function: 'auth-reset-password',
  feature: 'identity',
  entry: 'functions/api/auth/reset-password.ts',
  method: 'POST',
  path: '/v1/auth/reset-password',
  auth: 'public',
  limit: 'auth',
  functionDescription: 'Sets a new password with the emailed code',
  summary: 'Set a new password with the emailed code',
  grants: { userPool: true },
  throttle: { ratePerSecond: 5, burst: 20 },
  request: { body: resetPasswordBody, query: noParams },
  response: { status: 204, description: 'Password changed' },
  problems: [429],
});

export const authChangePassword = defineOperation({
  function: 'auth-change-password',
  feature: 'identity',
  entry: 'functions/api/auth/change-password.ts',
  method: 'POST',
  path: '/v1/auth/change-password',
  auth: 'identity',
  functionDescription: 'Changes the signed-in user password',
  summary: "Change the signed-in user's password",
  grants: { userPool: true },
  request: { body: changePasswordBody, query: noParams },
  response: { status: 204, description: 'Password changed' },
  problems: [403, 429],
});

export const meGet = defineOperation({
  function: 'me-get',
  feature: 'identity',
  entry: 'functions/api/me/get.ts',
  method: 'GET',
  path: '/v1/me',
  auth: 'user',
  functionDescription: "Reads the caller's profile",
  summary: "Read the caller's profile",
  grants: { table: 'read' },
  request: { query: noParams },
  response: { status: 200, description: 'The profile', schema: () => identityViews().profile, etag: true },
});

export const meUpdate = defineOperation({
  function: 'me-update',
  feature: 'identity',
  entry: 'functions/api/me/update.ts',
  method: 'PATCH',
  path: '/v1/me',
  auth: 'user',
  functionDescription: "Updates the caller's profile",
  summary: "Change the caller's profile",
  grants: { table: 'readWrite' },
  request: { body: profilePatchSchema, query: noParams, headers: { 'if-match': ifMatchHeader } },
  response: { status: 200, description: 'The changed profile', schema: () => identityViews().profile, etag: true },
  problems: [412],
});

export const meDelete = defineOperation({
  function: 'me-delete',
  feature: 'identity',
  entry: 'functions/api/me/delete.ts',
  method: 'DELETE',
  path: '/v1/me',
  auth: 'identity',
  functionDescription: "Deletes the caller's account",
  summary: "Delete the caller's account and, asynchronously, all their data",
  description: 'Re-authenticated: send the current password (and `code` from your authenticator app when MFA is on).',
  // AdminGetUser: whether the Cognito user is already gone (a retried deletion).
  grants: { table: 'readWrite', userPool: true, cognitoActions: ['cognito-idp:AdminGetUser'] },
  request: { body: reauthBody, query: noParams },
  response: { status: 202, description: 'Deleting', schema: () => z.strictObject({ status: z.literal('deleting') }) },
  problems: [...reauthProblems, 503],
});

export const meEmailChange = defineOperation({
  function: 'me-email-change',
  feature: 'identity',
  entry: 'functions/api/me/email-change.ts',
  method: 'POST',
  path: '/v1/me/email',
  auth: 'user',
  tokens: false,
  functionDescription: "Starts a change of the caller's email",
  summary: 'Change your email: a code goes to the new address',
  description:
    'Re-authenticated. Until POST /v1/me/email/verify confirms the code, the current address stays the sign-in and receives the emails. An address already in use answers the same 202, and no code is sent.',
  grants: { table: 'readWrite', userPool: true },
  request: { body: emailChangeBody, query: noParams },
  response: {
    status: 202,
    description: 'A code is on its way to the new address',
    schema: () => identityViews().message,
  },
  problems: reauthProblems,
});

export const meEmailVerify = defineOperation({
  function: 'me-email-verify',
  feature: 'identity',
  entry: 'functions/api/me/email-verify.ts',
  method: 'POST',
  path: '/v1/me/email/verify',
  auth: 'user',
  tokens: false,
  functionDescription: "Confirms a change of the caller's email with the code",
  summary: 'Confirm the new email with the code sent to it',
  grants: { table: 'readWrite', userPool: true },
  request: { body: codeOnlyBody, query: noParams },
  response: {
    status: 200,
    description: 'The profile, with the new email',
    schema: () => identityViews().profile,
    etag: true,
  },
});

export const meMfaTotpStart = defineOperation({
  function: 'me-mfa-totp-start',
  feature: 'identity',
  entry: 'functions/api/me/mfa-totp-start.ts',
  method: 'POST',
  path: '/v1/me/mfa/totp',
  auth: 'user',
  tokens: false,
  functionDescription: 'Starts enrolling an authenticator app',
  summary: 'Start enrolling an authenticator app (TOTP)',
  description:
    'Add the secret (or scan the otpauth URI as a QR code) in the app, then turn MFA on with POST /v1/me/mfa/totp/verify. Until then nothing changes at sign-in.',
  grants: { table: 'read', userPool: true },
  request: { body: emptyBody, query: noParams },
  response: { status: 201, description: 'The secret, shown once', schema: () => identityViews().totpEnrolment },
});

export const meMfaTotpVerify = defineOperation({
  function: 'me-mfa-totp-verify',
  feature: 'identity',
  entry: 'functions/api/me/mfa-totp-verify.ts',
  method: 'POST',
  path: '/v1/me/mfa/totp/verify',
  auth: 'user',
  tokens: false,
  functionDescription: 'Turns TOTP MFA on with a code from the enrolled app',
  summary: 'Turn MFA on with a code from your authenticator app',
  grants: { table: 'readWrite', userPool: true },
  request: { body: totpVerifyBody, query: noParams },
  response: { status: 204, description: 'MFA is on: sign-in asks for a code from now on' },
  problems: [409],
});

export const meMfaDisable = defineOperation({
  function: 'me-mfa-disable',
  feature: 'identity',
  entry: 'functions/api/me/mfa-disable.ts',
  method: 'DELETE',
  path: '/v1/me/mfa',
  auth: 'user',
  tokens: false,
  functionDescription: 'Turns MFA off',
  summary: 'Turn MFA off',
  description: 'Re-authenticated: send the current password and `code` from your authenticator app.',
  grants: { table: 'readWrite', userPool: true },
  request: { body: reauthBody, query: noParams },
  response: { status: 204, description: 'MFA is off' },
  problems: reauthProblems,
});

export const identityOperations = [
  authSignup,
  authConfirm,
  authResendCode,
  authLogin,
  authLoginMfa,
  authRefresh,
  authLogout,
  authForgotPassword,
  authResetPassword,
  authChangePassword,
  meGet,
  meUpdate,
  meDelete,
  meEmailChange,
  meEmailVerify,
  meMfaTotpStart,
  meMfaTotpVerify,
  meMfaDisable,
] as const;
