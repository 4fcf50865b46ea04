/**
 * The one wrapper every HTTP route uses, built from the route's declaration (./operation.ts):
 * Powertools (logger, metrics) via middy, strict zod parsing of body, query and path with
 * the declared schemas, the declared headers and no other, the caller's identity from the verified
 * JWT, and the single mapping from thrown errors to problem+json. Handlers stay thin: parse, call
 * the domain, shape. Routes on the caller's data also load the caller first (callerRoute; the
 * identity feature's userRoute checks the account still exists): this kit knows no feature.
 */

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { acceptedCorrelationId, outsideWriteContext, withWriteContext } from '../dynamodb/write-context';
import { logger, metrics } from '../observability';
import * as z from '../schema';
import { acceptsApiTokens, type OperationDeclaration, type OperationRequest, type RequestSchemas } from './operation';
import {
  asProblem,
  type FieldLocation,
  Forbidden,
  fieldErrorsFromZod,
  HttpProblem,
  InvalidToken,
  PROBLEM_CONTENT_TYPE,
  problemBody,
  Unauthorized,
  UnsupportedMediaType,
  ValidationFailed,
} from './problems';
import { requestBudgetStore } from './request-budget-store';
import { budgetsOf, requestBudgets, requestLimits } from './request-limits';

/** API Gateway HTTP API payload 2.0; the JWT authorizer's claims sit under requestContext.authorizer. */
export type HttpApiEvent = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: {
      /** The API's Lambda authorizer's context (shared/sessions/authorize.ts). */
      lambda?: Record<string, string | number | boolean | undefined>;
      /** A JWT authorizer's claims (before the Lambda authorizer; still read as a fallback). */
      jwt?: { claims: Record<string, string | number | boolean>; scopes?: string[] | null };
    };
  };
};
export type HttpApiResult = APIGatewayProxyStructuredResultV2;

export type ApiRequest<D extends OperationDeclaration> = OperationRequest<D>;
export type IdentityRequest<D extends OperationDeclaration> = ApiRequest<D> & {
  /** The caller's Cognito `sub`, from the token API Gateway verified. Every key is built from it. */
  userId: string;
  /** The raw access token, for Cognito calls made on the caller's behalf (change password, delete). */
  accessToken: string;
  /** How the caller authenticated: a Cognito session, or a personal API token. */
  principal: 'session' | 'token';
  /** The session (the access token's origin_jti), for a session. */
  sessionId?: string;
};

export type ApiResponse = {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A body sent as is instead of as JSON (HTML, CSS, a script), its content-type in `headers`. */
  text?: string;
};

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): HttpApiResult {
  if (status === 204 || body === undefined) return { statusCode: status, headers };
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

function parsePart<T extends z.Schema | undefined>(schema: T, value: unknown, location: FieldLocation) {
  if (!schema) return undefined;
  const result = z.safeParse(schema, value);
  if (!result.success) throw new ValidationFailed(fieldErrorsFromZod(result.error, location));
  return result.data;
}

function readJsonBody(event: HttpApiEvent): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const contentType = event.headers['content-type'] ?? '';
  if (!/^application\/([a-z.+-]+\+)?json\b/i.test(contentType)) throw new UnsupportedMediaType();
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationFailed([{ in: 'body', field: '(root)', message: 'is not valid JSON' }]);
  }
}

function rawBodyOf(event: HttpApiEvent): string {
  if (event.body === undefined || event.body === null) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/** What generic code (JSON.stringify, await, inspection) reads on any object. */
const ALWAYS_READABLE = new Set(['toJSON', 'then', ...Object.getOwnPropertyNames(Object.prototype)]);

/**
 * The declared headers, and only those. Reading any other is a programming error the type of
 * `headers` already refuses at compile time; at run time it throws (a 500 every route test of the
 * handler sees), so a cast cannot read a header the document does not declare either.
 */
function declaredHeaders(declared: RequestSchemas['headers'], event: HttpApiEvent): Record<string, string | undefined> {
  const names = Object.keys(declared ?? {});
  const values = Object.fromEntries(names.map((name) => [name, event.headers?.[name]]));
  return new Proxy(Object.freeze(values), {
    get(target, property) {
      if (typeof property === 'string' && !names.includes(property) && !ALWAYS_READABLE.has(property)) {
        throw new Error(`The handler reads header "${property}", which its operation does not declare`);
      }
      return Reflect.get(target, property);
    },
  });
}

/**
 * The parser of an operation's requests. Its schemas are built on the first request, not when the
 * handler is made: a function's cold start then builds no schema it does not parse with.
 */
function requestParser<D extends OperationDeclaration>(operation: D): (event: HttpApiEvent) => ApiRequest<D> {
  const declared = operation.request;
  const schemas = z.lazily(() => ({ body: declared.body?.(), query: declared.query?.(), path: declared.path?.() }));
  return (event) => {
    const { body, query, path } = schemas();
    return {
      body: parsePart(body, body ? readJsonBody(event) : undefined, 'body'),
      query: parsePart(query, event.queryStringParameters ?? {}, 'query'),
      path: parsePart(path, event.pathParameters ?? {}, 'path'),
      headers: declaredHeaders(declared.headers, event),
      rawBody: declared.rawBody ? rawBodyOf(event) : undefined,
      requestId: event.requestContext.requestId,
      origin: `${event.headers?.['x-forwarded-proto'] ?? 'https'}://${event.requestContext.domainName}`,
    } as ApiRequest<D>;
  };
}

/**
 * The request's correlation id: the caller's `x-correlation-id` when it is acceptable, else API
 * Gateway's request id. Problems quote it, and every write the request makes carries it.
 */
export function requestCorrelationId(event: HttpApiEvent): string {
  return acceptedCorrelationId(event.headers?.['x-correlation-id']) ?? event.requestContext?.requestId ?? 'unknown';
}

export function problemResponse(thrown: unknown, event: HttpApiEvent): HttpApiResult {
  const correlationId = requestCorrelationId(event);
  const instance = event.rawPath ?? '';
  const error = asProblem(thrown) ?? thrown;
  if (error instanceof HttpProblem) {
    logger.info('Request refused', { status: error.status, problem: error.slug });
    return {
      statusCode: error.status,
      headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...error.headers },
      body: JSON.stringify(problemBody(error, instance, correlationId)),
    };
  }
  // Never echo an unknown error's text: it may hold internals or personal data.
  logger.error('Unhandled error', error as Error);
  metrics.addMetric('UnhandledError', 'Count', 1);
  return {
    statusCode: 500,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE },
    body: JSON.stringify({
      type: 'urn:moneta:problem:internal-error',
      title: 'Internal error',
      status: 500,
      detail: 'Something went wrong on our side. Quote the correlation id if you contact support.',
      instance,
      correlationId,
    }),
  };
}

function withObservability(core: (event: HttpApiEvent, context: Context) => Promise<HttpApiResult>) {
  return middy<HttpApiEvent, HttpApiResult>()
    .use(injectLambdaContext(logger, { clearState: true }))
    .use(logMetrics(metrics))
    .handler(async (event, context) => {
      try {
        // Whatever the route writes is the user's doing, on behalf of this request.
        const writer = { actor: 'user', correlationId: requestCorrelationId(event) };
        return await withWriteContext(writer, () => core(event, context));
      } catch (error) {
        return problemResponse(error, event);
      }
    });
}

/** A Lambda handler built from an operation, which it carries (tests check entry and declaration match). */
export type RouteHandler<D extends OperationDeclaration = OperationDeclaration> = ((
  event: HttpApiEvent,
  context: Context,
) => Promise<HttpApiResult>) & { readonly operation: D };

/**
 * Takes the request from its operation's budgets (./request-limits.ts): the caller's or the
 * address's before anything else runs, the email's once the body has parsed (`afterParse`). A
 * request over a budget is a 429 and the handler never runs; every answer carries the RateLimit
 * fields of the tightest budget taken.
 */
type AfterParse = (body: unknown) => Promise<void>;

function handlerOf<D extends OperationDeclaration>(
  operation: D,
  core: (event: HttpApiEvent, afterParse: AfterParse) => Promise<ApiResponse>,
): RouteHandler<D> {
  const budgets = budgetsOf(operation);
  const limiter = budgets.length > 0 ? requestBudgetStore() : undefined;
  const handler = withObservability(async (event) => {
    // Before the budgets, the body and any read: a refused credential costs nothing but its answer.
    if (operation.auth !== 'public') refuseRefusedCredential(event);
    const limits = requestLimits(() => limiter!, event);
    const take = (parsed: boolean, body?: unknown) =>
      outsideWriteContext(async () => {
        for (const name of budgets) {
          const subject = requestBudgets[name].subject;
          if ((subject === 'email') !== parsed) continue;
          const principal = limits.principalFor(subject, body);
          if (principal) await limits.take(name, principal);
        }
      });
    let result: HttpApiResult;
    try {
      if (budgets.length > 0) await take(false);
      const response = await core(event, (body) => (budgets.length > 0 ? take(true, body) : Promise.resolve()));
      result =
        response.text !== undefined
          ? { statusCode: response.status, headers: response.headers ?? {}, body: response.text }
          : jsonResponse(response.status, response.body, response.headers);
    } catch (error) {
      result = problemResponse(error, event);
    }
    const headers = limits.headers();
    return Object.keys(headers).length > 0 ? { ...result, headers: { ...headers, ...result.headers } } : result;
  });
  return Object.assign(handler, { operation });
}

/**
 * The API's authorizer lets a refused credential through with `refused` (why) and no principal
 * (shared/sessions/authorize.ts), because an HTTP API can only answer its refusal with a 403 that is
 * not a problem. Every authenticated operation answers it here, first: 401 problem+json with
 * `WWW-Authenticate: Bearer error="invalid_token"`, the answer a client takes as "refresh the token
 * or sign in again". A context with neither a refusal nor a subject is refused the same way.
 */
function refuseRefusedCredential(event: HttpApiEvent): void {
  const context = event.requestContext.authorizer?.lambda;
  // The reason is the authorizer's log line; the answer does not tell one from another.
  if (context && 'refused' in context) throw new InvalidToken();
  const sub = context?.sub ?? event.requestContext.authorizer?.jwt?.claims?.sub;
  if (typeof sub !== 'string' || sub === '') throw new InvalidToken();
}

/**
 * The caller's identity from the authorizer's context (or a JWT authorizer's claims); a request
 * without one is refused (defence in depth). A personal API token is refused here on the
 * operations that do not take one, and a token without `write` on anything but a GET.
 */
function callerIdentity(
  event: HttpApiEvent,
  operation: OperationDeclaration,
): { userId: string; accessToken: string; principal: 'session' | 'token'; sessionId?: string } {
  const context = event.requestContext.authorizer?.lambda;
  const sub = context?.sub ?? event.requestContext.authorizer?.jwt?.claims?.sub;
  if (typeof sub !== 'string' || sub === '') throw new Unauthorized();
  const principal = context?.principal === 'token' ? 'token' : 'session';
  if (principal === 'token') {
    if (!acceptsApiTokens(operation)) {
      throw new Forbidden('Personal API tokens cannot call this operation; sign in instead.', 'token-not-allowed');
    }
    const scopes = String(context?.scopes ?? '').split(' ');
    if (operation.method !== 'GET' && !scopes.includes('write')) {
      throw new Forbidden(
        'This token can only read; create one with the write scope to change data.',
        'insufficient-scope',
      );
    }
  }
  const sessionId = typeof context?.sessionId === 'string' ? context.sessionId : undefined;
  return {
    userId: sub,
    accessToken: bearerToken(event.headers?.authorization),
    principal,
    ...(sessionId ? { sessionId } : {}),
  };
}

type RouteRequest<D extends OperationDeclaration> = D['auth'] extends 'identity' ? IdentityRequest<D> : ApiRequest<D>;

/**
 * The handler of a `public` operation (anyone may call it) or an `identity` one: behind the JWT
 * authorizer, acting on the caller's Cognito identity, not on their data, so it must work without
 * a profile (changing the password; DELETE /v1/me, whose retry after the profile is gone must
 * still delete the Cognito user). API Gateway has already checked signature, issuer, audience,
 * expiry and scope; this reads the subject and refuses, as defence in depth, a request without one.
 * A `user` operation needs its caller loaded: callerRoute (shared/identity/public.ts, userRoute).
 */
export function route<D extends OperationDeclaration & { auth: 'public' | 'identity' }>(
  operation: D,
  fn: (request: RouteRequest<D>) => Promise<ApiResponse>,
): RouteHandler<D> {
  if (operation.auth !== 'public' && operation.auth !== 'identity') {
    throw new Error(`${operation.function} is a ${operation.auth} operation: build it with its caller route`);
  }
  const parseRequest = requestParser(operation);
  return handlerOf(operation, async (event, afterParse) => {
    if (operation.auth === 'public') {
      const request = parseRequest(event);
      await afterParse(request.body);
      return fn(request as RouteRequest<D>);
    }
    const identity = callerIdentity(event, operation);
    return fn({ ...parseRequest(event), ...identity } as RouteRequest<D>);
  });
}

/**
 * The handler of a `user` operation, with `loadCaller` run after the request has parsed (a
 * malformed request costs no read) and before the handler: what it returns is added to the request,
 * and what it throws is the answer. The identity feature's userRoute loads the caller's profile
 * with it and refuses a deleted account, so this kit needs to know no feature.
 */
export function callerRoute<D extends OperationDeclaration & { auth: 'user' }, Caller extends object>(
  operation: D,
  loadCaller: (userId: string) => Promise<Caller>,
  fn: (request: IdentityRequest<D> & Caller) => Promise<ApiResponse>,
): RouteHandler<D> {
  if (operation.auth !== 'user') {
    throw new Error(`${operation.function} is a ${operation.auth} operation: build it with route()`);
  }
  const parseRequest = requestParser(operation);
  return handlerOf(operation, async (event) => {
    const identity = callerIdentity(event, operation);
    const request = parseRequest(event);
    const caller = await loadCaller(identity.userId);
    return fn({ ...request, ...identity, ...caller });
  });
}

function bearerToken(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) throw new Unauthorized();
  return match[1];
}
