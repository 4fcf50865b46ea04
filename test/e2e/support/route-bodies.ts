/**
 * For every route that takes a JSON body: a valid example, the fields it requires, and a body with
 * every field of the wrong type. The validation suite iterates the route table and fails for a
 * body-taking route that has no entry here, so a new route cannot slip past it.
 */
import type { RouteSpec } from '../../../lib/catalog/routes';

export type BodyFixture = {
  valid: Record<string, unknown>;
  /** Fields an empty object must be refused for. `(root)` for bodies that require "at least one". */
  requiredOnEmpty: string[];
  wrongTypes: Record<string, unknown>;
};

const email = 'e2e-validation@example.com';
const password = 'Aa1!validation-password';

export const bodyFixtures: Record<string, BodyFixture> = {
  'POST /v1/auth/signup': {
    valid: { email, password, name: 'Ada', homeCurrency: 'EUR', timezone: 'Europe/Berlin' },
    requiredOnEmpty: ['email', 'password'],
    wrongTypes: { email: 42, password: true, name: 7, homeCurrency: 978, timezone: ['UTC'] },
  },
  'POST /v1/auth/confirm': {
    valid: { email, code: '123456' },
    requiredOnEmpty: ['email', 'code'],
    wrongTypes: { email: 42, code: 123456 },
  },
  'POST /v1/auth/resend-code': {
    valid: { email },
    requiredOnEmpty: ['email'],
    wrongTypes: { email: { address: email } },
  },
  'POST /v1/auth/login': {
    valid: { email, password },
    requiredOnEmpty: ['email', 'password'],
    wrongTypes: { email: null, password: 12345678 },
  },
  'POST /v1/auth/refresh': {
    valid: { refreshToken: 'not-a-real-token' },
    requiredOnEmpty: ['refreshToken'],
    wrongTypes: { refreshToken: 1 },
  },
  'POST /v1/auth/logout': {
    valid: { refreshToken: 'not-a-real-token' },
    requiredOnEmpty: ['refreshToken'],
    wrongTypes: { refreshToken: false },
  },
  'POST /v1/auth/forgot-password': {
    valid: { email },
    requiredOnEmpty: ['email'],
    wrongTypes: { email: 3.14 },
  },
  'POST /v1/auth/reset-password': {
    valid: { email, code: '123456', newPassword: password },
    requiredOnEmpty: ['email', 'code', 'newPassword'],
    wrongTypes: { email: 1, code: 123456, newPassword: ['x'] },
  },
  'POST /v1/auth/change-password': {
    valid: { currentPassword: password, newPassword: `${password}-new` },
    requiredOnEmpty: ['currentPassword', 'newPassword'],
    wrongTypes: { currentPassword: 1, newPassword: {} },
  },
  'PATCH /v1/me': {
    valid: { name: 'Grace' },
    requiredOnEmpty: ['(root)'],
    wrongTypes: { name: 5, homeCurrency: 1, timezone: 2, notifications: 'all' },
  },
};

export const routeKey = (route: Pick<RouteSpec, 'method' | 'path'>) => `${route.method} ${route.path}`;

export const takesBody = (route: RouteSpec) => ['POST', 'PUT', 'PATCH'].includes(route.method);

/** A concrete path for a route: path parameters get a well-formed id that exists for nobody. */
export const concretePath = (route: RouteSpec) => route.path.replace(/\{[^}]+\}/g, '01J0000000000000000000E2E0');
