/**
 * Builds the OpenAPI 3.1 document from the operation declarations (./operations.ts): which
 * operations exist, their function and whether they need a token, the zod schemas and headers the
 * handlers are built from, their responses. OpenAPI 3.1 schemas are JSON Schema 2020-12, which is what
 * zod 4 emits. The document is committed as docs/openapi.json (lib/docs/write-openapi.ts) and
 * served by GET /v1/openapi.json; a unit test fails when the committed file is stale.
 */

import packageJson from '../../package.json';
import { acceptsApiTokens, type OperationDeclaration, REQUIRED_SCOPE } from '../kit/http/operation';
import { budgetsOf, requestBudgets } from '../kit/http/request-limits';
import * as z from '../kit/schema';
import { problemExample, requestExample, responseExample } from './openapi-examples';
import { operations } from './operations';

export const OPENAPI_PATH = 'docs/openapi.json';
export const REGENERATE_OPENAPI_COMMAND = 'npx tsx lib/docs/write-openapi.ts';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const SECURITY_SCHEME = 'cognitoJwt';
/** A personal API token (`mnt_…`): only on the operations that take one (acceptsApiTokens). */
const TOKEN_SECURITY_SCHEME = 'apiToken';

const problemDescriptions: Record<number, string> = {
  400: 'Invalid request: `errors` names each field at fault',
  401: 'The token is invalid or expired, or its session was ended by a logout or logout-all (`urn:moneta:problem:unauthorized`, `WWW-Authenticate: Bearer error="invalid_token"`): refresh it, or sign in again. Also a token of a deleted account (`urn:moneta:problem:account-deleted`). A request without an Authorization header is answered by API Gateway itself: `{"message":"Unauthorized"}`',
  403: 'Forbidden',
  404: 'Not found (also for another user’s resources)',
  409: 'Conflict with the current state',
  412: 'If-Match names a version that is no longer current',
  415: 'The body is not sent as application/json',
  422: 'Well-formed but cannot be processed (e.g. no reference rate, reused Idempotency-Key)',
  429: 'Too many requests',
  500: 'Internal error; quote the correlationId',
  503: 'Temporarily unavailable; retry after the Retry-After seconds',
};

/** RFC 9457 problem details, as shared/kit/http/problems.ts writes them. */
const problemSchema = z.lazily(() =>
  z
    .catchall(
      z.object({
        type: z.string().check(z.describe('urn:moneta:problem:<slug>')),
        title: z.string(),
        status: z.int(),
        detail: z.optional(z.string()),
        instance: z.string(),
        correlationId: z.string().check(z.describe('Quote it to support; it is the request id in the logs.')),
        errors: z.optional(
          z.array(
            z.strictObject({
              in: z.enum(['body', 'query', 'path', 'header']),
              field: z.string().check(z.describe('Dotted path of the field at fault, e.g. `money.currency`.')),
              message: z.string(),
            }),
          ),
        ),
      }),
      z.unknown(),
    )
    .check(z.describe('application/problem+json (RFC 9457); some problems add members, e.g. existingTransactionId.')),
);

/** `METHOD /path`, as the stack and the gateway key routes. */
export function routeKey(route: { method: string; path: string }): string {
  return `${route.method} ${route.path}`;
}

/** JSON Schema 2020-12 of a zod schema, as a request (input) or response (output) sees it. */
function jsonSchema(schema: z.Schema, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

function parameters(operation: OperationDeclaration) {
  const { request } = operation;
  const result: Record<string, unknown>[] = [];
  const pathSchema = request.path ? jsonSchema(request.path(), 'input') : undefined;
  // Every {name} of the path is a required parameter, described by the path schema when there is one.
  for (const [, name] of operation.path.matchAll(/\{([^}]+)\}/g)) {
    result.push({
      name,
      in: 'path',
      required: true,
      schema: pathSchema?.properties?.[name!] ?? { type: 'string' },
    });
  }
  if (request.query) {
    const query = jsonSchema(request.query(), 'input');
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      const { description, ...rest } = schema;
      result.push({
        name,
        in: 'query',
        required: (query.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  for (const header of Object.values(request.headers ?? {})) {
    result.push({
      name: header.name,
      in: 'header',
      required: false,
      description: header.description,
      schema: header.schema,
    });
  }
  return result;
}

/** The RateLimit fields every answer of a budgeted operation carries (shared/kit/http/request-limits.ts). */
const rateLimitHeaderDocs = {
  'RateLimit-Limit': { description: 'Requests the budget admits at once (its burst)', schema: { type: 'integer' } },
  'RateLimit-Remaining': { description: 'Requests still admitted right now', schema: { type: 'integer' } },
  'RateLimit-Reset': { description: 'Seconds until the budget is full again', schema: { type: 'integer' } },
};

function budgetText(operation: OperationDeclaration): string | undefined {
  const budgets = budgetsOf(operation);
  if (budgets.length === 0) return undefined;
  const per = { caller: 'for this user or API token', address: 'per client address', email: 'per target email' };
  const parts = budgets.map((name) => {
    const { subject, ratePerSecond, burst } = requestBudgets[name];
    const rate =
      ratePerSecond >= 1 ? `${ratePerSecond} per second` : `one every ${Math.round(1 / ratePerSecond)} seconds`;
    return `${burst} at once then ${rate} ${per[subject]}`;
  });
  return `Over the request budget (${parts.join('; ')}): a \`rate-limited\` problem with Retry-After and RateLimit-* headers, the same whether or not an account exists.`;
}

function successResponse(operation: OperationDeclaration, response: OperationDeclaration['response'], limited = false) {
  const headers: Record<string, unknown> = limited ? { ...rateLimitHeaderDocs } : {};
  if (response.etag) headers.ETag = { description: 'The version, for If-Match', schema: { type: 'string' } };
  if (response.location) headers.Location = { description: 'Where the new resource is', schema: { type: 'string' } };
  const schema = response.contentType
    ? { type: 'string' }
    : response.schema
      ? jsonSchema(response.schema(), 'output')
      : undefined;
  // The declared example belongs to the main response; other responses show their schema's.
  const example =
    response === operation.response
      ? responseExample(operation, schema)
      : responseExample({ ...operation, examples: {} }, schema);
  return {
    description: response.description,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(response.status !== 204
      ? { content: { [response.contentType ?? 'application/json']: { schema: schema ?? {}, example } } }
      : {}),
  };
}

/** The challenge an authenticated operation's 401 carries (shared/kit/http/problems.ts, InvalidToken). */
const invalidTokenChallenge = { 'WWW-Authenticate': { $ref: '#/components/headers/WWWAuthenticate' } };

function problemResponse(
  example: Record<string, unknown>,
  status: number,
  description?: string,
  headers?: Record<string, unknown>,
) {
  return {
    description: description ?? problemDescriptions[status] ?? 'Problem',
    ...(headers ? { headers } : {}),
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' }, example } },
  };
}

function operationFor(operation: OperationDeclaration) {
  const authenticated = operation.auth !== 'public';
  // The wrapper answers 400 (a field at fault), 401 (no or a refused token) and 415 (a body not JSON).
  const declared = (operation.problems ?? []).map((problem) =>
    typeof problem === 'number' ? { status: problem, description: undefined } : problem,
  );
  const problems = new Map<number, string | undefined>(
    [400, ...(authenticated ? [401] : []), ...(operation.request.body ? [415] : []), 500].map((status) => [
      status,
      undefined,
    ]),
  );
  for (const { status, description } of declared) problems.set(status, description);
  const budget = budgetText(operation);
  if (operation.throttle) {
    const { ratePerSecond, burst } = operation.throttle;
    problems.set(
      429,
      `Too many requests: this route takes ${ratePerSecond} per second (bursts of ${burst}) from all callers together; API Gateway answers \`{"message":"Too Many Requests"}\` itself. Retry after a pause.${budget ? ` ${budget}` : ''}`,
    );
  } else if (budget) {
    problems.set(429, [declared.find((p) => p.status === 429)?.description, budget].filter(Boolean).join('. '));
  }
  const limited = budget !== undefined;
  const params = parameters(operation);
  const bodySchema = operation.request.body ? jsonSchema(operation.request.body(), 'input') : undefined;
  return {
    operationId: operation.function,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [operation.path.split('/')[2] ?? 'api'],
    security: authenticated
      ? [{ [SECURITY_SCHEME]: [] }, ...(acceptsApiTokens(operation) ? [{ [TOKEN_SECURITY_SCHEME]: [] }] : [])]
      : [],
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(operation.request.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: bodySchema, example: requestExample(operation, bodySchema) } },
          },
        }
      : operation.request.rawBody
        ? {
            requestBody: {
              required: true,
              description: 'Read as sent, byte for byte (its signature covers the bytes).',
              // As Stripe sends it; Stripe's envelope grows fields, so it is not described as closed.
              content: { 'application/json; charset=utf-8': { schema: { type: 'object' } } },
            },
          }
        : {}),
    responses: {
      [String(operation.response.status)]: successResponse(operation, operation.response, limited),
      ...Object.fromEntries(
        (operation.otherResponses ?? []).map((other) => [
          String(other.status),
          successResponse(operation, other, limited),
        ]),
      ),
      ...Object.fromEntries(
        [...problems]
          .sort(([a], [b]) => a - b)
          .map(([status, description]) => [
            String(status),
            problemResponse(
              problemExample(operation, status, bodySchema, description),
              status,
              description,
              status === 401 && authenticated ? invalidTokenChallenge : undefined,
            ),
          ]),
      ),
    },
  };
}

/** The document of a list of operations: every declared one by default (tests render others too). */
export function buildOpenApiDocument(declared: readonly OperationDeclaration[] = operations) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of declared) {
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method.toLowerCase()] = operationFor(operation);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Moneta API',
      version: packageJson.version,
      description:
        'Personal-finance ledger. Money is `{ amount, currency }` with `amount` in integer minor units of the ISO 4217 currency. ' +
        'Errors are application/problem+json (RFC 9457). Lists page with `limit` and an opaque `cursor`.',
      license: { name: packageJson.license, identifier: packageJson.license },
    },
    // No jsonSchemaDialect: the default (OpenAPI's base dialect, JSON Schema 2020-12 with the
    // OpenAPI vocabulary) is what the schemas are written in, and Swagger UI warns on any other.
    // The API that serves this document (GET /v1/openapi.json); the reference page names its origin.
    servers: [{ url: '/', description: 'The API that serves this document' }],
    paths,
    components: {
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: `A Cognito access token (from POST /v1/auth/login) with the scope ${REQUIRED_SCOPE}.`,
        },
        [TOKEN_SECURITY_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'mnt_',
          description:
            'A personal API token (from POST /v1/tokens), on the operations that list it: a `read` token may only GET; tokens never reach the auth, token, account-deletion, email or MFA routes (403 `token-not-allowed`).',
        },
      },
      schemas: { Problem: jsonSchema(problemSchema(), 'output') },
      headers: {
        WWWAuthenticate: {
          description: 'RFC 6750: `Bearer error="invalid_token"` for a refused token.',
          schema: { type: 'string' },
        },
      },
    },
  };
}

/** The document as committed and served: stable key order, two-space indent, final newline. */
export function renderOpenApiDocument(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}

/** Body-taking operations (POST, PUT, PATCH) declared without a body schema (or a raw body). */
export function operationsWithoutBodySchema(declared: readonly OperationDeclaration[] = operations): string[] {
  return declared
    .filter(
      (operation) =>
        ['POST', 'PUT', 'PATCH'].includes(operation.method) && !operation.request.body && !operation.request.rawBody,
    )
    .map(routeKey);
}
