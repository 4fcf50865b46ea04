/**
 * One declaration per HTTP operation: method, path, auth, the Lambda that serves it (entry, grants,
 * limits), what it reads (body, query, path and header schemas) and what it answers (the success
 * response with its schema and headers, and the problem statuses). The function catalog, the route
 * table, the local gateway and the OpenAPI document are derived from these declarations
 * (shared/app/operations.ts lists them), and a handler is built from its own declaration
 * (./api-handler.ts), so the places a route used to be written in cannot drift apart.
 *
 * A declaration is data only: it imports no handler, and it builds no schema. Schemas are given as
 * thunks (`z.lazily` declarations, ../schema.ts), because a function loads its whole feature's
 * declarations: a handler builds its own request schemas when it first parses, and response
 * schemas (documentation only) are built by the document and tests alone.
 */

import type { Grants } from '../aws/grants';
import * as z from '../schema';
import type { LimitClass } from './request-limits';

export type { Grants } from '../aws/grants';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * `public`: no token (the /v1/auth routes that precede having one). `identity`: behind the JWT
 * authorizer, acting on the caller's Cognito identity only, so it must work without a profile.
 * `user`: behind the JWT authorizer, on the caller's data; the caller's profile is read first and a
 * deleted account is refused (shared/identity/public.ts, userRoute).
 */
export type OperationAuth = 'public' | 'identity' | 'user';

/**
 * The scope every authenticated route requires. Cognito puts it in access tokens only, so an ID
 * token (which has `aud` but no `scope`) is refused by the authorizer.
 */
export const REQUIRED_SCOPE = 'aws.cognito.signin.user.admin';

/** Whether a personal API token may call the operation (see `tokens` in OperationDeclaration). */
export function acceptsApiTokens(operation: Pick<OperationDeclaration, 'auth' | 'tokens'>): boolean {
  return operation.auth === 'user' && operation.tokens !== false;
}

/** A request header an operation reads, as documented. The key it is declared under is its lower-cased name. */
export type HeaderSpec = {
  /** The documented spelling, e.g. `If-Match`. */
  readonly name: string;
  readonly description: string;
  /** JSON Schema of the value, for the document. */
  readonly schema: Readonly<Record<string, unknown>>;
};

export const ifMatchHeader = {
  name: 'If-Match',
  description: 'The ETag you read; a stale one is a 412.',
  schema: { type: 'string' },
} as const satisfies HeaderSpec;

export const idempotencyKeyHeader = {
  name: 'Idempotency-Key',
  description: 'Replays the first response for 24 hours; the same key with another body is a 422.',
  schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
} as const satisfies HeaderSpec;

/** The shape of the empty query or path, for operations that take none: unknown parameters are refused. */
export const noParams = z.lazily(() => z.strictObject({}));

/** A schema built on demand: the handler that parses with it, or the document, builds it. */
export type SchemaThunk = () => z.Schema;

export type RequestSchemas = {
  body?: SchemaThunk;
  query?: SchemaThunk;
  path?: SchemaThunk;
  /** Keyed by lower-cased name, as HTTP API delivers headers. A handler can read only these. */
  headers?: Readonly<Record<string, HeaderSpec>>;
  /**
   * The body exactly as sent, unparsed (`rawBody`), for a caller that signs its bytes (a webhook):
   * re-serialising parsed JSON would change them. Excludes `body`.
   */
  rawBody?: true;
};

export type SuccessResponse = {
  status: number;
  description: string;
  /** The body's schema, built on demand (documentation only). None: an undescribed JSON body, or 204. */
  schema?: () => z.Schema;
  /** The response carries the resource's version as ETag (for a later If-Match). */
  etag?: boolean;
  /** The response names the created resource in Location. */
  location?: boolean;
  /** The body's media type when it is not JSON (the reference page's HTML, CSS, scripts). */
  contentType?: string;
};

/**
 * API Gateway's throttle of one route, for every caller together (token bucket: `ratePerSecond`
 * steady, `burst` at once). Over it, API Gateway itself answers `429 {"message":"Too Many Requests"}`
 * before the function runs.
 */
export type RouteThrottle = { ratePerSecond: number; burst: number };

/** A problem status with what it means for this operation (e.g. a 401 on a public route). */
export type ProblemSpec = { status: number; description: string };

export type OperationDeclaration = {
  /** The Lambda's stable id (kebab-case): CDK construct id suffix, local function name, operationId. */
  function: string;
  /** The feature the operation belongs to (its folder under shared/); functions are grouped by it. */
  feature: string;
  /** Entry file relative to the repository root; it exports `handler`, built from this declaration. */
  entry: string;
  method: HttpMethod;
  /** API Gateway path syntax: `/v1/accounts/{id}`. */
  path: string;
  auth: OperationAuth;
  /** The Lambda's description (console, catalog). */
  functionDescription: string;
  /** The operation's one-line summary, and optionally more, for the document. */
  summary: string;
  description?: string;
  grants?: Grants;
  timeoutSeconds?: number;
  memoryMb?: number;
  /**
   * Whether a personal API token (`Bearer mnt_…`) may call it. Default: yes for `user` operations
   * (within the token's scopes: a read token only GETs), never for `identity` and `public` ones.
   * Operations that manage the account's credentials (tokens, MFA, email) declare `false`.
   */
  tokens?: boolean;
  /** A route limit below the stage's, for routes where abuse is cheap (sign-up, login, codes). */
  throttle?: RouteThrottle;
  /**
   * The request budget the operation draws from, per caller (./request-limits.ts: the classes and
   * their numbers). None: `standard` for an authenticated operation, no budget for a public one.
   */
  limit?: LimitClass;
  request: RequestSchemas;
  response: SuccessResponse;
  /** Other successes with their own status and body (e.g. a sign-in that asks for a second factor). */
  otherResponses?: readonly SuccessResponse[];
  /**
   * Examples for the document where one derived from the schema would not be realistic (see
   * shared/app/openapi-examples.ts): the request body a caller would send, the success body.
   */
  examples?: { request?: unknown; response?: unknown };
  /**
   * Problem statuses the operation answers besides 400, 401 (authenticated routes), 415 (routes
   * with a body) and 500; with a description where the generic one would mislead.
   */
  problems?: readonly (number | ProblemSpec)[];
};

/**
 * Declares an operation. The identity function, typed so that the declaration keeps its literal
 * types (the function id becomes part of FunctionId; the request schemas and headers type the
 * handler's request).
 */
export function defineOperation<const D extends OperationDeclaration>(declaration: D): D {
  return declaration;
}

type Parsed<R, K extends 'body' | 'query' | 'path'> = R extends { [P in K]: () => infer T extends z.Schema }
  ? z.infer<T>
  : undefined;

/** The declared headers and nothing else: reading an undeclared one does not compile. */
export type DeclaredHeaders<R> = R extends { headers: infer H extends Readonly<Record<string, HeaderSpec>> }
  ? { readonly [K in keyof H]: string | undefined }
  : Record<never, never>;

/** What a handler receives, built from its declaration's request schemas. */
export type OperationRequest<D extends { request: RequestSchemas }> = {
  body: Parsed<D['request'], 'body'>;
  query: Parsed<D['request'], 'query'>;
  path: Parsed<D['request'], 'path'>;
  headers: DeclaredHeaders<D['request']>;
  /** The body's bytes as text, for operations that declare `rawBody`; else undefined. */
  rawBody: D['request'] extends { rawBody: true } ? string : undefined;
  requestId: string;
  /**
   * The API's origin as the caller reached it (`https://abc123.execute-api.eu-west-1.amazonaws.com`):
   * API Gateway's domain name and the X-Forwarded-Proto it adds.
   */
  origin: string;
};
