/**
 * The HTTP API, as data: one route, one function, derived from the operation declarations
 * (shared/app/operations.ts). The stack and the local gateway read this table, and the OpenAPI
 * document is built from the same declarations, so a route cannot exist in one and not the others.
 */
import { operations } from '../../shared/app/operations';
import { type HttpMethod, REQUIRED_SCOPE } from '../../shared/kit/http/operation';
import type { FunctionId } from './functions';

/** A route; `Id` is wider than FunctionId only for test fixtures that add synthetic functions. */
export type RouteSpec<Id extends string = FunctionId> = {
  method: HttpMethod;
  /** API Gateway path syntax: `/v1/accounts/{id}`. */
  path: string;
  function: Id;
  /** `jwt`: behind the Cognito JWT authorizer with the required scope. `none`: public. */
  auth: 'jwt' | 'none';
};

export const routes: readonly RouteSpec[] = operations.map((operation) => ({
  method: operation.method,
  path: operation.path,
  function: operation.function,
  auth: operation.auth === 'public' ? 'none' : 'jwt',
}));

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
  allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match'],
  exposeHeaders: ['etag', 'location', 'idempotent-replayed'],
} as const;
