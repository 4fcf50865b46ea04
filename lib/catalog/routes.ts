/**
 * The HTTP API, as data: one route, one function, derived from the operation declarations
 * (shared/app/operations.ts). The stack and the local gateway read this table, and the OpenAPI
 * document is built from the same declarations, so a route cannot exist in one and not the others.
 */
import { operations } from '../../shared/app/operations';
import {
  acceptsApiTokens,
  type HttpMethod,
  type OperationDeclaration,
  REQUIRED_SCOPE,
  type RouteThrottle,
} from '../../shared/kit/http/operation';
import { RATE_LIMIT_HEADERS } from '../../shared/kit/http/request-limits';
import type { FunctionId } from './functions';

/** A route; `Id` is wider than FunctionId only for test fixtures that add synthetic functions. */
export type RouteSpec<Id extends string = FunctionId> = {
  method: HttpMethod;
  /** API Gateway path syntax: `/v1/accounts/{id}`. */
  path: string;
  function: Id;
  /**
   * `jwt`: behind the API's Lambda authorizer (a Cognito access token with the required scope, or
   * a personal API token where `tokens`). `none`: public.
   */
  auth: 'jwt' | 'none';
  /** A personal API token (`Bearer mnt_…`) may call it (the handler kit refuses it elsewhere). */
  tokens?: boolean;
  /** The route's own throttle (API Gateway route settings); else only the stage's applies. */
  throttle?: RouteThrottle;
};

/**
 * The default stage's limits, for every route and caller together: a ceiling on what the API may
 * cost, not the fairness between callers (each caller's budget is the handler kit's,
 * shared/kit/http/request-limits.ts). Ten times a caller's sustained budget and six and a half
 * times its burst, so one caller at full speed leaves most of it to the others; docs/security.md
 * gives the reasoning and what the ceiling costs. The stack sets them and the local gateway
 * enforces them.
 */
export const stageThrottle: RouteThrottle = { ratePerSecond: 200, burst: 400 };

export const routes: readonly RouteSpec[] = operations.map((declared) => {
  const operation: OperationDeclaration = declared;
  return {
    method: operation.method,
    path: operation.path,
    function: declared.function,
    auth: operation.auth === 'public' ? 'none' : 'jwt',
    ...(acceptsApiTokens(operation) ? { tokens: true } : {}),
    ...(operation.throttle ? { throttle: operation.throttle } : {}),
  };
});

/**
 * The scope every authenticated route requires. Cognito puts it in access tokens only, so an ID
 * token (which has `aud` but no `scope`) is refused by the authorizer.
 */
export { REQUIRED_SCOPE };

/** The API's CORS settings: the stack configures them on the HTTP API, the local gateway answers with them. */
export const corsSettings = {
  /** Default origins; a deployment can narrow them with `-c corsOrigins=https://app.example.com`. */
  allowOrigins: ['*'],
  allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'],
  allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match', 'x-correlation-id'],
  /** What a browser client may read: versions, created resources, replays, and its request budget. */
  exposeHeaders: ['etag', 'location', 'idempotent-replayed', ...RATE_LIMIT_HEADERS],
} as const;
