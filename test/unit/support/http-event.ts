/**
 * API Gateway HTTP API (payload 2.0) events and a Lambda context for handler tests.
 *
 *   const event = httpEvent({ method: 'PATCH', path: '/v1/me', body: { name: 'Ada' }, claims: { sub: 'user-1' } });
 *   const response = parseResponse(await handler(event, lambdaContext()));
 *
 * An object body is sent as JSON with `content-type: application/json` (unless you set another);
 * a string body is sent verbatim. Giving `claims` puts them where the JWT authorizer does and adds
 * `authorization: Bearer <TEST_ACCESS_TOKEN>` unless you pass your own authorization header.
 */
import type { Context } from 'aws-lambda';
import type { HttpApiEvent, HttpApiResult } from '../../../shared/kit/http/api-handler';

export const TEST_ACCESS_TOKEN = 'test-access-token';

export type HttpEventInput = {
  method?: string;
  path?: string;
  body?: unknown;
  headers?: Record<string, string>;
  claims?: Record<string, string | number | boolean>;
  pathParameters?: Record<string, string>;
  queryStringParameters?: Record<string, string>;
};

export function httpEvent(input: HttpEventInput = {}): HttpApiEvent {
  const method = (input.method ?? 'GET').toUpperCase();
  const path = input.path ?? '/';
  // HTTP API delivers header names in lower case.
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) headers[name.toLowerCase()] = value;

  let body: string | undefined;
  if (typeof input.body === 'string') body = input.body;
  else if (input.body !== undefined) {
    body = JSON.stringify(input.body);
    headers['content-type'] ??= 'application/json';
  }
  if (input.claims && headers.authorization === undefined) headers.authorization = `Bearer ${TEST_ACCESS_TOKEN}`;

  const query = input.queryStringParameters;
  const rawQueryString = query ? new URLSearchParams(query).toString() : '';
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString,
    headers,
    ...(query ? { queryStringParameters: query } : {}),
    ...(input.pathParameters ? { pathParameters: input.pathParameters } : {}),
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api-test',
      domainName: 'api.example.test',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'jest' },
      requestId: 'req-test-1',
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: '01/Jan/2026:00:00:00 +0000',
      timeEpoch: 1_767_225_600_000,
      ...(input.claims ? { authorizer: { jwt: { claims: input.claims, scopes: null } } } : {}),
    },
  };
}

/**
 * A route's context. Its remaining time is Lambda's longest timeout: the handler kit answers early
 * when a function's time runs out, and a unit test of what a route answers must not turn into a
 * test of how fast DynamoDB Local answers on a busy machine.
 */
export function lambdaContext(functionName = 'moneta-test'): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: 'aws-req-test-1',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2026/01/01/[$LATEST]test',
    getRemainingTimeInMillis: () => 900_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export type ParsedResponse = {
  status: number;
  headers: Record<string, string>;
  /** The JSON body, or undefined when there is none (204). Untyped: tests read it like a client would. */
  // biome-ignore lint/suspicious/noExplicitAny: a parsed JSON body is asserted on field by field
  body: any;
};

/** The response as a client sees it: status, headers, body parsed from JSON. */
export function parseResponse(result: HttpApiResult | undefined): ParsedResponse {
  if (!result) throw new Error('The handler returned nothing');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name.toLowerCase()] = String(value);
  return {
    status: result.statusCode ?? 200,
    headers,
    body: result.body === undefined || result.body === '' ? undefined : JSON.parse(result.body),
  };
}
