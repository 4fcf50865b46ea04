/**
 * Request budgets per caller, enforced by the handler kit (./api-handler.ts) before a handler does
 * any work, the same way on AWS and on the local cloud. API Gateway's throttles (the stage's and a
 * route's) count every caller together, and HTTP APIs have no per-client throttle (no usage plans,
 * no WAF), so the fairness between callers is this module's job; the algorithm and its cost are in
 * ../dynamodb/rate-limiter.ts, the reasons for the numbers in docs/security.md.
 *
 * An operation declares which class it draws from (`limit` in its declaration, ./operation.ts);
 * every authenticated operation draws from `standard` unless it names another. The budgets are
 * declared here, once.
 */
import { createHash } from 'node:crypto';
import type { Budget, LimitDecision, RateLimiter } from '../dynamodb/rate-limiter';
import type { HttpApiEvent } from './api-handler';
import { HttpProblem } from './problems';

/** Who a budget is counted for: the authenticated caller, the client's address, the body's `email`. */
export type LimitSubject = 'caller' | 'address' | 'email';

export type RequestBudget = Budget & { subject: LimitSubject };

/** Every budget, by the name its items are stored under (never renamed without a migration). */
export const requestBudgets = {
  /** Every authenticated route: per user session, and per API token apart from its user. */
  standard: { subject: 'caller', ratePerSecond: 20, burst: 60 },
  /**
   * Routes that start work costing far more than a request (an export, an import and its undo, a
   * rule applied to the ledger, a payee merge, an outbound webhook call): per caller, 10 at once
   * and then one every 6 seconds.
   */
  jobs: { subject: 'caller', ratePerSecond: 1 / 6, burst: 10 },
  /** The public /v1/auth routes, per client address (`requestContext.http.sourceIp`). */
  'auth-address': { subject: 'address', ratePerSecond: 2, burst: 60 },
  /**
   * The public /v1/auth routes that name an account, per target email (as the schema normalises
   * it), whether or not the account exists: 10 at once, then one every 30 seconds.
   */
  'auth-email': { subject: 'email', ratePerSecond: 1 / 30, burst: 10 },
} as const satisfies Record<string, RequestBudget>;

export type BudgetName = keyof typeof requestBudgets;

/** What an operation declares (`limit`): the budgets a request draws from, in order. */
export const limitClasses = {
  standard: ['standard'],
  jobs: ['jobs'],
  /** Per address before the body is read, then per email once it has parsed (when it names one). */
  auth: ['auth-address', 'auth-email'],
} as const satisfies Record<string, readonly BudgetName[]>;

export type LimitClass = keyof typeof limitClasses;

/** The budgets of an operation: its declared class, `standard` for any authenticated one, else none. */
export function budgetsOf(operation: { auth: string; limit?: LimitClass }): readonly BudgetName[] {
  if (operation.limit) return limitClasses[operation.limit];
  return operation.auth === 'public' ? [] : limitClasses.standard;
}

/** The response headers that name a limit (CORS exposes them: ../../lib/catalog/routes.ts). */
export const RATE_LIMIT_HEADERS = ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after'] as const;

/**
 * The caller a budget is counted for: an API token apart from its user (`token:<id>`), else the
 * user (`user:<sub>`). Read from the Lambda authorizer's context, or from the JWT authorizer's
 * claims where that one runs.
 */
export function callerPrincipal(event: HttpApiEvent): string | undefined {
  const authorizer = event.requestContext.authorizer as
    | { lambda?: Record<string, unknown>; jwt?: { claims?: Record<string, unknown> } }
    | undefined;
  const context = authorizer?.lambda;
  if (context && typeof context.sub === 'string' && context.sub !== '') {
    if (context.principal === 'token' && typeof context.tokenId === 'string' && context.tokenId !== '') {
      return `token:${context.tokenId}`;
    }
    return `user:${context.sub}`;
  }
  const sub = authorizer?.jwt?.claims?.sub;
  return typeof sub === 'string' && sub !== '' ? `user:${sub}` : undefined;
}

/**
 * Addresses and emails are stored only as a digest (the first 128 bits of SHA-256), in an item
 * that lives minutes: the limiter needs to recognise them, never to read them.
 */
const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);

export const addressPrincipal = (event: HttpApiEvent) => `ip:${digest(event.requestContext.http?.sourceIp ?? '')}`;
export const emailPrincipal = (email: string) => `email:${digest(email)}`;

/** The RateLimit header fields of a decision (draft-ietf-httpapi-ratelimit-headers, separate fields). */
export function rateLimitHeaders(decision: LimitDecision): Record<string, string> {
  return {
    'ratelimit-limit': String(decision.limit),
    'ratelimit-remaining': String(decision.remaining),
    'ratelimit-reset': String(decision.resetSeconds),
  };
}

/** 429: over a budget. The same answer whoever the caller or the account named (no enumeration). */
export class RateLimited extends HttpProblem {
  constructor(decision: LimitDecision) {
    super(
      429,
      'rate-limited',
      'Too many requests',
      `Over the request budget of ${decision.limit} at once; retry after ${decision.retryAfterSeconds} seconds.`,
      undefined,
      undefined,
      { 'retry-after': String(decision.retryAfterSeconds ?? 1), ...rateLimitHeaders(decision) },
    );
  }
}

/**
 * The budgets one request draws from. `take` refuses with RateLimited past a budget; `headers`
 * are the RateLimit fields of the tightest budget taken, for the response.
 */
export function requestLimits(limiter: () => RateLimiter, event: HttpApiEvent) {
  let tightest: LimitDecision | undefined;
  return {
    async take(name: BudgetName, principal: string): Promise<void> {
      const decision = await limiter().take(name, requestBudgets[name], principal);
      if (!decision.admitted) throw new RateLimited(decision);
      if (!tightest || decision.remaining / decision.limit < tightest.remaining / tightest.limit) tightest = decision;
    },
    principalFor(subject: LimitSubject, body?: unknown): string | undefined {
      if (subject === 'caller') return callerPrincipal(event);
      if (subject === 'address') return addressPrincipal(event);
      const email = (body as { email?: unknown } | undefined)?.email;
      return typeof email === 'string' && email !== '' ? emailPrincipal(email) : undefined;
    },
    headers(): Record<string, string> {
      return tightest ? rateLimitHeaders(tightest) : {};
    },
  };
}
