/** The session and personal API token routes, declared once (shared/kit/http/operation.ts). */
import { idPath } from '../kit/http/fields';
import { defineOperation, noParams } from '../kit/http/operation';
import * as z from '../kit/schema';
import { createdTokenView, emptyBody, sessionView, tokenCreateBody, tokenView } from './schemas';

const feature = 'sessions';

export const authLogoutAll = defineOperation({
  function: 'auth-logout-all',
  feature,
  entry: 'functions/api/auth/logout-all.ts',
  method: 'POST',
  path: '/v1/auth/logout-all',
  auth: 'identity',
  functionDescription: 'Ends every session of the caller and deletes their API tokens',
  summary: 'Sign out everywhere: every session and every personal API token',
  description:
    'Every refresh token is revoked (Cognito global sign-out), every access token issued until now is refused by every route within 5 seconds, and every personal API token is deleted.',
  grants: { table: 'readWrite', userPool: true },
  request: { body: emptyBody, query: noParams },
  response: { status: 204, description: 'Signed out everywhere' },
});

export const authSession = defineOperation({
  function: 'auth-session',
  feature,
  entry: 'functions/api/auth/session.ts',
  method: 'GET',
  path: '/v1/auth/session',
  auth: 'identity',
  functionDescription: "Tells whether the caller's session is valid, and until when",
  summary: 'Is this session still valid, and until when',
  description:
    'A 200 means the access token is valid now; an ended session (logout, logout-all, a deleted account) or an expired token is refused with 401 before this route does anything.',
  request: { query: noParams },
  response: { status: 200, description: 'The session', schema: () => sessionView() },
});

export const tokensCreate = defineOperation({
  function: 'tokens-create',
  feature,
  entry: 'functions/api/tokens/create.ts',
  method: 'POST',
  path: '/v1/tokens',
  auth: 'user',
  tokens: false,
  functionDescription: 'Creates a personal API token',
  summary: 'Create a personal API token (the secret is shown once)',
  description:
    'Re-authenticated: send the current password (and `code` from your authenticator app when MFA is on). The token (`mnt_…`) is sent as `Authorization: Bearer mnt_…`; a `read` token may only GET. Tokens never reach the auth, token, account-deletion, email or MFA routes. At most 20 per user.',
  grants: { table: 'readWrite', userPool: true },
  request: { body: tokenCreateBody, query: noParams },
  response: { status: 201, description: 'The token, with its secret', schema: () => createdTokenView() },
  // The scopes are one of two exact lists, which a schema-derived example cannot pick.
  examples: {
    request: {
      name: 'Spreadsheet sync',
      scopes: ['read'],
      password: 'correct horse battery staple',
      expiresAt: '2027-06-30T00:00:00Z',
    },
  },
  problems: [
    {
      status: 403,
      description:
        '`reauthentication-failed`: the password, or the authenticator code when MFA is on, is not right; nothing changed',
    },
    { status: 409, description: 'The user has 20 tokens already; delete one first' },
    429,
  ],
});

export const tokensList = defineOperation({
  function: 'tokens-list',
  feature,
  entry: 'functions/api/tokens/list.ts',
  method: 'GET',
  path: '/v1/tokens',
  auth: 'user',
  tokens: false,
  functionDescription: "Lists the caller's personal API tokens",
  summary: "List the caller's personal API tokens (never their secrets)",
  grants: { table: 'read' },
  request: { query: noParams },
  response: {
    status: 200,
    description: 'The tokens, oldest first',
    schema: () => z.strictObject({ items: z.array(tokenView()) }),
  },
});

export const tokensDelete = defineOperation({
  function: 'tokens-delete',
  feature,
  entry: 'functions/api/tokens/delete.ts',
  method: 'DELETE',
  path: '/v1/tokens/{id}',
  auth: 'user',
  tokens: false,
  functionDescription: 'Revokes a personal API token',
  summary: 'Revoke a personal API token: refused by every route within 5 seconds',
  grants: { table: 'readWrite' },
  request: { path: idPath, query: noParams },
  response: { status: 204, description: 'Revoked' },
  problems: [404],
});

export const sessionsOperations = [authLogoutAll, authSession, tokensCreate, tokensList, tokensDelete] as const;
