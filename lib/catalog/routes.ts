/**
 * The HTTP API, as data: one route, one function. The stack, the local gateway and the OpenAPI
 * generator all read this table, so a route cannot exist in one and not the others.
 */
import type { FunctionId } from './functions';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RouteSpec = {
  method: HttpMethod;
  /** API Gateway path syntax: `/v1/accounts/{id}`. */
  path: string;
  function: FunctionId;
  /** `jwt`: behind the Cognito JWT authorizer with the required scope. `none`: public. */
  auth: 'jwt' | 'none';
};

const publicPost = (path: string, fn: FunctionId): RouteSpec => ({ method: 'POST', path, function: fn, auth: 'none' });
const jwt = (method: HttpMethod, path: string, fn: FunctionId): RouteSpec => ({
  method,
  path,
  function: fn,
  auth: 'jwt',
});

export const routes: readonly RouteSpec[] = [
  publicPost('/v1/auth/signup', 'auth-signup'),
  publicPost('/v1/auth/confirm', 'auth-confirm'),
  publicPost('/v1/auth/resend-code', 'auth-resend-code'),
  publicPost('/v1/auth/login', 'auth-login'),
  publicPost('/v1/auth/refresh', 'auth-refresh'),
  publicPost('/v1/auth/logout', 'auth-logout'),
  publicPost('/v1/auth/forgot-password', 'auth-forgot-password'),
  publicPost('/v1/auth/reset-password', 'auth-reset-password'),
  { method: 'POST', path: '/v1/auth/change-password', function: 'auth-change-password', auth: 'jwt' },
  { method: 'GET', path: '/v1/me', function: 'me-get', auth: 'jwt' },
  { method: 'PATCH', path: '/v1/me', function: 'me-update', auth: 'jwt' },
  { method: 'DELETE', path: '/v1/me', function: 'me-delete', auth: 'jwt' },
  jwt('POST', '/v1/accounts', 'accounts-create'),
  jwt('GET', '/v1/accounts', 'accounts-list'),
  jwt('GET', '/v1/accounts/{id}', 'accounts-get'),
  jwt('PATCH', '/v1/accounts/{id}', 'accounts-update'),
  jwt('DELETE', '/v1/accounts/{id}', 'accounts-delete'),
  jwt('POST', '/v1/categories', 'categories-create'),
  jwt('GET', '/v1/categories', 'categories-list'),
  jwt('PATCH', '/v1/categories/{id}', 'categories-update'),
  jwt('DELETE', '/v1/categories/{id}', 'categories-delete'),
  jwt('GET', '/v1/payees', 'payees-list'),
  jwt('POST', '/v1/transactions', 'transactions-create'),
  jwt('GET', '/v1/transactions', 'transactions-list'),
  jwt('GET', '/v1/transactions/{id}', 'transactions-get'),
  jwt('PATCH', '/v1/transactions/{id}', 'transactions-update'),
  jwt('DELETE', '/v1/transactions/{id}', 'transactions-delete'),
  jwt('POST', '/v1/transfers', 'transfers-create'),
  jwt('POST', '/v1/budgets', 'budgets-create'),
  jwt('GET', '/v1/budgets', 'budgets-list'),
  jwt('GET', '/v1/budgets/{id}', 'budgets-get'),
  jwt('PATCH', '/v1/budgets/{id}', 'budgets-update'),
  jwt('DELETE', '/v1/budgets/{id}', 'budgets-delete'),
  jwt('GET', '/v1/budgets/{id}/periods', 'budgets-periods'),
  jwt('POST', '/v1/goals', 'goals-create'),
  jwt('GET', '/v1/goals', 'goals-list'),
  jwt('GET', '/v1/goals/{id}', 'goals-get'),
  jwt('PATCH', '/v1/goals/{id}', 'goals-update'),
  jwt('DELETE', '/v1/goals/{id}', 'goals-delete'),
  jwt('POST', '/v1/goals/{id}/contributions', 'goal-contributions-create'),
  jwt('GET', '/v1/goals/{id}/contributions', 'goal-contributions-list'),
  jwt('GET', '/v1/notifications', 'notifications-list'),
  jwt('GET', '/v1/currencies', 'currencies-list'),
  jwt('GET', '/v1/rates', 'rates-get'),
  { method: 'GET', path: '/v1/openapi.json', function: 'openapi-get', auth: 'none' },
];

/**
 * The scope every authenticated route requires. Cognito puts it in access tokens only, so an ID
 * token (which has `aud` but no `scope`) is refused by the authorizer.
 */
export const REQUIRED_SCOPE = 'aws.cognito.signin.user.admin';

/** The API's CORS settings: the stack configures them on the HTTP API, the local gateway answers with them. */
export const corsSettings = {
  /** Default origins; a deployment can narrow them with `-c corsOrigins=https://app.example.com`. */
  allowOrigins: ['*'],
  allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'],
  allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match'],
  exposeHeaders: ['etag', 'location', 'idempotent-replayed'],
} as const;
