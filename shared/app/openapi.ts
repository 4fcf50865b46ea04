/**
 * Builds the OpenAPI 3.1 document from the route table (lib/catalog/routes.ts: which operations
 * exist, their function and whether they need a token) and the contract (./contract.ts: the zod
 * schemas the handlers parse with). OpenAPI 3.1 schemas are JSON Schema 2020-12, which is what
 * zod 4 emits. The document is committed as docs/openapi.json (lib/docs/write-openapi.ts) and
 * served by GET /v1/openapi.json; a unit test fails when the committed file is stale.
 */
import * as z from 'zod';
import { REQUIRED_SCOPE, type RouteSpec, routes } from '../../lib/catalog/routes';
import packageJson from '../../package.json';
import { contract, type OperationContract, problemSchema, routeKey } from './contract';

export const OPENAPI_PATH = 'docs/openapi.json';
export const REGENERATE_OPENAPI_COMMAND = 'npx tsx lib/docs/write-openapi.ts';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const SECURITY_SCHEME = 'cognitoJwt';

const problemDescriptions: Record<number, string> = {
  400: 'Invalid request: `errors` names each field at fault',
  401: 'Missing, invalid or expired access token, or a token of a deleted account (`urn:moneta:problem:account-deleted`)',
  403: 'Forbidden',
  404: 'Not found (also for another user’s resources)',
  409: 'Conflict with the current state',
  412: 'If-Match names a version that is no longer current',
  422: 'Well-formed but cannot be processed (e.g. no reference rate, reused Idempotency-Key)',
  429: 'Too many requests',
  500: 'Internal error; quote the correlationId',
};

/** JSON Schema 2020-12 of a zod schema, as a request (input) or response (output) sees it. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

function parameters(route: RouteSpec, operation: OperationContract) {
  const result: Record<string, unknown>[] = [];
  const pathSchema = operation.path ? jsonSchema(operation.path, 'input') : undefined;
  // Every {name} of the path is a required parameter, described by the path schema when there is one.
  for (const [, name] of route.path.matchAll(/\{([^}]+)\}/g)) {
    result.push({
      name,
      in: 'path',
      required: true,
      schema: pathSchema?.properties?.[name!] ?? { type: 'string' },
    });
  }
  if (operation.query) {
    const query = jsonSchema(operation.query, 'input');
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
  if (operation.headers?.idempotencyKey) {
    result.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Replays the first response for 24 hours; the same key with another body is a 422.',
      schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
    });
  }
  if (operation.headers?.ifMatch) {
    result.push({
      name: 'If-Match',
      in: 'header',
      required: false,
      description: 'The ETag you read; a stale one is a 412.',
      schema: { type: 'string' },
    });
  }
  return result;
}

function successResponse(operation: OperationContract) {
  const { response } = operation;
  const headers: Record<string, unknown> = {};
  if (response.etag) headers.ETag = { description: 'The version, for If-Match', schema: { type: 'string' } };
  if (response.location) headers.Location = { description: 'Where the new resource is', schema: { type: 'string' } };
  return {
    description: response.description,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(response.status !== 204
      ? { content: { 'application/json': { schema: response.schema ? jsonSchema(response.schema, 'output') : {} } } }
      : {}),
  };
}

function problemResponse(status: number) {
  return {
    description: problemDescriptions[status] ?? 'Problem',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}

function operationFor(route: RouteSpec) {
  const operation = contract[routeKey(route)];
  if (!operation) throw new Error(`No contract for ${routeKey(route)}: add it to shared/app/contract.ts`);
  const problems = [400, ...(route.auth === 'jwt' ? [401] : []), ...(operation.problems ?? []), 500];
  const params = parameters(route, operation);
  return {
    operationId: route.function,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [route.path.split('/')[2] ?? 'api'],
    security: route.auth === 'jwt' ? [{ [SECURITY_SCHEME]: [] }] : [],
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(operation.body, 'input') } },
          },
        }
      : {}),
    responses: {
      [String(operation.response.status)]: successResponse(operation),
      ...Object.fromEntries(
        [...new Set(problems)].sort((a, b) => a - b).map((status) => [String(status), problemResponse(status)]),
      ),
    },
  };
}

/** The document of a route table: the real one by default (tests also render every contract entry). */
export function buildOpenApiDocument(routeTable: readonly RouteSpec[] = routes) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeTable) {
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operationFor(route);
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
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: `A Cognito access token (from POST /v1/auth/login) with the scope ${REQUIRED_SCOPE}.`,
        },
      },
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
    },
  };
}

/** The document as committed and served: stable key order, two-space indent, final newline. */
export function renderOpenApiDocument(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}

/** Body-taking routes (POST, PUT, PATCH) of the route table whose contract has no body schema. */
export function routesWithoutBodySchema(): string[] {
  return routes
    .filter((route) => ['POST', 'PUT', 'PATCH'].includes(route.method))
    .map(routeKey)
    .filter((key) => !contract[key]?.body);
}
