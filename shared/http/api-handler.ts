/**
 * The one wrapper every HTTP route uses: Powertools (logger, metrics, tracer) via middy, strict
 * zod parsing of body, query and path, the caller's identity from the verified JWT, and the single
 * mapping from thrown errors to problem+json. Handlers stay thin: parse, call the domain, shape.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod';
import { logger, metrics, tracer } from '../observability';
import {
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
export type AuthenticatedRequest<S extends Schemas> = ApiRequest<S> & {
  /** The caller's Cognito `sub`, from the token API Gateway verified. Every key is built from it. */
  userId: string;
  /** The raw access token, for Cognito calls made on the caller's behalf (change password, delete). */
  accessToken: string;
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

export function problemResponse(error: unknown, event: HttpApiEvent): HttpApiResult {
  const correlationId = event.requestContext?.requestId ?? 'unknown';
  const instance = event.rawPath ?? '';
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

/**
 * A route behind the JWT authorizer. API Gateway has already checked signature, issuer, audience,
 * expiry and scope; this reads the subject and refuses, as defence in depth, a request without one.
 */
export function authenticatedRoute<S extends Schemas>(
  schemas: S,
  fn: (request: AuthenticatedRequest<S>) => Promise<ApiResponse>,
) {
  return withObservability(async (event) => {
    const sub = event.requestContext.authorizer?.jwt?.claims?.sub;
    if (typeof sub !== 'string' || sub === '') throw new Unauthorized();
    const accessToken = bearerToken(event.headers?.authorization);
    const request = parseRequest(schemas, event);
    const response = await fn({ ...request, userId: sub, accessToken });
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
