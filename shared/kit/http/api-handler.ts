/**
 * The one wrapper every HTTP route uses: Powertools (logger, metrics, tracer) via middy, strict
 * zod parsing of body, query and path, the caller's identity from the verified JWT, the check that
 * the caller's account still exists, and the single mapping from thrown errors to problem+json.
 * Handlers stay thin: parse, call the domain, shape.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod';
import type { Profile } from '../../identity/profile';
import { createProfileStore } from '../../identity/profile-store';
import { documentClient } from '../aws/clients';
import { requireEnv } from '../config';
import { logger, metrics, tracer } from '../observability';
import {
  AccountDeleted,
  asProblem,
  type FieldLocation,
  fieldErrorsFromZod,
  HttpProblem,
  PROBLEM_CONTENT_TYPE,
  problemBody,
  Unauthorized,
  UnsupportedMediaType,
  ValidationFailed,
} from './problems';

/** API Gateway HTTP API payload 2.0; the JWT authorizer's claims sit under requestContext.authorizer. */
export type HttpApiEvent = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims: Record<string, string | number | boolean>; scopes?: string[] | null } };
  };
};
export type HttpApiResult = APIGatewayProxyStructuredResultV2;

type Schemas = { body?: z.ZodType; query?: z.ZodType; path?: z.ZodType };
type Parsed<S, K extends keyof Schemas> = S extends Record<K, infer T extends z.ZodType> ? z.infer<T> : undefined;

export type ApiRequest<S extends Schemas> = {
  body: Parsed<S, 'body'>;
  query: Parsed<S, 'query'>;
  path: Parsed<S, 'path'>;
  /** Lower-cased header names, as HTTP API delivers them. */
  headers: Record<string, string | undefined>;
  requestId: string;
  event: HttpApiEvent;
};
export type IdentityRequest<S extends Schemas> = ApiRequest<S> & {
  /** The caller's Cognito `sub`, from the token API Gateway verified. Every key is built from it. */
  userId: string;
  /** The raw access token, for Cognito calls made on the caller's behalf (change password, delete). */
  accessToken: string;
};
export type AuthenticatedRequest<S extends Schemas> = IdentityRequest<S> & {
  /**
   * The caller's profile, read once per request (strongly consistent) by the wrapper. Its presence
   * is what proves the account still exists; handlers take home currency and timezone from it
   * instead of reading it again.
   */
  profile: Profile;
};

export type ApiResponse = { status: number; body?: unknown; headers?: Record<string, string> };

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): HttpApiResult {
  if (status === 204 || body === undefined) return { statusCode: status, headers };
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

function parsePart<T extends z.ZodType | undefined>(schema: T, value: unknown, location: FieldLocation) {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
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

function parseRequest<S extends Schemas>(schemas: S, event: HttpApiEvent): ApiRequest<S> {
  const body = schemas.body ? readJsonBody(event) : undefined;
  return {
    body: parsePart(schemas.body, body, 'body') as Parsed<S, 'body'>,
    query: parsePart(schemas.query, event.queryStringParameters ?? {}, 'query') as Parsed<S, 'query'>,
    path: parsePart(schemas.path, event.pathParameters ?? {}, 'path') as Parsed<S, 'path'>,
    headers: event.headers ?? {},
    requestId: event.requestContext.requestId,
    event,
  };
}

export function problemResponse(thrown: unknown, event: HttpApiEvent): HttpApiResult {
  const correlationId = event.requestContext?.requestId ?? 'unknown';
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
    .use(captureLambdaHandler(tracer, { captureResponse: false }))
    .use(injectLambdaContext(logger, { clearState: true }))
    .use(logMetrics(metrics))
    .handler(async (event, context) => {
      try {
        return await core(event, context);
      } catch (error) {
        return problemResponse(error, event);
      }
    });
}

/** A route anyone may call (the /v1/auth/* routes that precede having a token). */
export function publicRoute<S extends Schemas>(schemas: S, fn: (request: ApiRequest<S>) => Promise<ApiResponse>) {
  return withObservability(async (event) => {
    const response = await fn(parseRequest(schemas, event));
    return jsonResponse(response.status, response.body, response.headers);
  });
}

/** The caller's identity from the verified claims; a request without one is refused (defence in depth). */
function callerIdentity(event: HttpApiEvent): { userId: string; accessToken: string } {
  const sub = event.requestContext.authorizer?.jwt?.claims?.sub;
  if (typeof sub !== 'string' || sub === '') throw new Unauthorized();
  return { userId: sub, accessToken: bearerToken(event.headers?.authorization) };
}

/**
 * A route behind the JWT authorizer that reads or writes the caller's data (every authenticated
 * route but two, see identityRoute). API Gateway has already checked signature, issuer, audience,
 * expiry and scope; this reads the subject and refuses, as defence in depth, a request without one.
 *
 * Then, after the request has parsed (a malformed request costs no read), it reads the caller's
 * profile: one strongly consistent GetItem by key. A deleted account has no profile (DELETE /v1/me
 * deletes it first), yet its access tokens stay valid until they expire, so a missing profile is a
 * 401 account-deleted and the handler never runs: nothing is read for the caller, and nothing is
 * written that the erasure of their partition would have to chase. Handlers that need the profile
 * (home currency, timezone) get it from here, so for them the check costs nothing extra.
 */
export function authenticatedRoute<S extends Schemas>(
  schemas: S,
  fn: (request: AuthenticatedRequest<S>) => Promise<ApiResponse>,
) {
  const profiles = createProfileStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });
  return withObservability(async (event) => {
    const identity = callerIdentity(event);
    const request = parseRequest(schemas, event);
    const profile = await profiles.get(identity.userId);
    if (!profile) throw new AccountDeleted();
    const response = await fn({ ...request, ...identity, profile });
    return jsonResponse(response.status, response.body, response.headers);
  });
}

/**
 * A route behind the JWT authorizer that acts on the caller's Cognito identity, not on their data,
 * and so must work without a profile: changing the password (Cognito itself refuses the token of a
 * deleted user) and DELETE /v1/me (a retry after the profile is gone must still delete the Cognito
 * user). Everything else is an authenticatedRoute.
 */
export function identityRoute<S extends Schemas>(
  schemas: S,
  fn: (request: IdentityRequest<S>) => Promise<ApiResponse>,
) {
  return withObservability(async (event) => {
    const identity = callerIdentity(event);
    const response = await fn({ ...parseRequest(schemas, event), ...identity });
    return jsonResponse(response.status, response.body, response.headers);
  });
}

function bearerToken(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) throw new Unauthorized();
  return match[1];
}

/** Shapes of the empty query or path, for routes that take none: unknown parameters are refused. */
export const noParams = z.strictObject({});
