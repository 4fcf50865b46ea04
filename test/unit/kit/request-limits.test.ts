/**
 * Who a request budget is counted for, and which budgets an operation draws from: an API token
 * apart from its user, the user from the Lambda authorizer's context or the JWT authorizer's
 * claims, addresses and emails only as digests; authenticated operations `standard` by default,
 * public ones nothing unless declared.
 */
import type { HttpApiEvent } from '../../../shared/kit/http/api-handler';
import {
  addressPrincipal,
  budgetsOf,
  callerPrincipal,
  emailPrincipal,
  RateLimited,
} from '../../../shared/kit/http/request-limits';
import { httpEvent } from '../support/http-event';

const withAuthorizer = (authorizer: unknown): HttpApiEvent => {
  const event = httpEvent({ path: '/v1/me' });
  return { ...event, requestContext: { ...event.requestContext, authorizer } } as HttpApiEvent;
};

test('an API token is counted apart from its user; a session as its user', () => {
  expect(
    callerPrincipal(
      withAuthorizer({ lambda: { sub: 'user-1', principal: 'token', tokenId: 'tok-9', scopes: 'read' } }),
    ),
  ).toBe('token:tok-9');
  expect(
    callerPrincipal(withAuthorizer({ lambda: { sub: 'user-1', principal: 'session', scopes: 'read write' } })),
  ).toBe('user:user-1');
});

test("the JWT authorizer's subject where no Lambda authorizer ran; nothing without a subject", () => {
  expect(callerPrincipal(httpEvent({ claims: { sub: 'user-2' } }))).toBe('user:user-2');
  expect(callerPrincipal(httpEvent())).toBeUndefined();
  expect(callerPrincipal(withAuthorizer({ lambda: { sub: '' } }))).toBeUndefined();
});

test('addresses and emails are keyed by digest, never stored as such', () => {
  const address = addressPrincipal(httpEvent());
  expect(address).toMatch(/^ip:[0-9a-f]{32}$/);
  expect(address).not.toContain('192.0.2.1');
  expect(emailPrincipal('ada@example.com')).toMatch(/^email:[0-9a-f]{32}$/);
  expect(emailPrincipal('ada@example.com')).not.toBe(emailPrincipal('bob@example.com'));
});

test('authenticated operations draw from standard unless they name a class; public ones only when declared', () => {
  expect(budgetsOf({ auth: 'user' })).toEqual(['standard']);
  expect(budgetsOf({ auth: 'identity' })).toEqual(['standard']);
  expect(budgetsOf({ auth: 'user', limit: 'jobs' })).toEqual(['jobs']);
  expect(budgetsOf({ auth: 'public' })).toEqual([]);
  expect(budgetsOf({ auth: 'public', limit: 'auth' })).toEqual(['auth-address', 'auth-email']);
});

test('the refusal is a 429 rate-limited problem with Retry-After and the RateLimit fields', () => {
  const problem = new RateLimited({ admitted: false, limit: 60, remaining: 0, resetSeconds: 3, retryAfterSeconds: 1 });
  expect(problem).toMatchObject({ status: 429, slug: 'rate-limited' });
  expect(problem.headers).toEqual({
    'retry-after': '1',
    'ratelimit-limit': '60',
    'ratelimit-remaining': '0',
    'ratelimit-reset': '3',
  });
});
