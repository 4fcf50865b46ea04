/**
 * One declaration per operation (shared/kit/http/operation.ts), and everything else derived from
 * it: each entry's handler is built from its own declaration, the route table and the API part of
 * the function catalog are the declarations, and a handler sees the headers its declaration names
 * and no other (the type refuses the others at compile time, see operation-types.test.ts; this
 * suite checks the sources and the run time).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { functions } from '../../../lib/catalog/functions';
import { routes } from '../../../lib/catalog/routes';
import { operations } from '../../../shared/app/operations';
import { type RouteHandler, route } from '../../../shared/kit/http/api-handler';
import {
  acceptsApiTokens,
  defineOperation,
  idempotencyKeyHeader,
  ifMatchHeader,
  noParams,
  type OperationDeclaration,
} from '../../../shared/kit/http/operation';
import { httpEvent, lambdaContext, parseResponse } from '../support/http-event';

const root = join(__dirname, '../../..');

test('every entry exports a handler built from its own declaration', async () => {
  for (const operation of operations) {
    const { handler } = (await import(join(root, operation.entry))) as { handler: RouteHandler };
    expect({ entry: operation.entry, built: handler.operation?.function }).toEqual({
      entry: operation.entry,
      built: operation.function,
    });
    expect(handler.operation).toBe(operation);
  }
});

test('operation ids, entries and METHOD /path are unique', () => {
  for (const key of ['function', 'entry'] as const) {
    expect(new Set(operations.map((operation) => operation[key])).size).toBe(operations.length);
  }
  expect(new Set(operations.map((operation) => `${operation.method} ${operation.path}`)).size).toBe(operations.length);
});

test('the route table and the API functions are the declarations', () => {
  expect(routes).toEqual(
    operations.map((operation) => ({
      method: operation.method,
      path: operation.path,
      function: operation.function,
      auth: operation.auth === 'public' ? 'none' : 'jwt',
      ...(acceptsApiTokens(operation) ? { tokens: true } : {}),
      ...('throttle' in operation ? { throttle: operation.throttle } : {}),
    })),
  );
  for (const operation of operations) {
    const spec = functions.find((fn) => fn.id === operation.function);
    expect(spec).toMatchObject({
      entry: operation.entry,
      description: operation.functionDescription,
      feature: operation.feature,
      ...('grants' in operation ? operation.grants : {}),
    });
  }
});

/** The lower-cased header names a handler's source reads: `headers['x']`, `headers.x`, or through a helper. */
function headersRead(source: string): string[] {
  const read = new Set<string>();
  for (const [, name] of source.matchAll(/headers\[\s*['"`]([^'"`]+)['"`]\s*\]/g)) read.add(name!.toLowerCase());
  for (const [, name] of source.matchAll(/headers\.([A-Za-z_$][\w$]*)/g)) read.add(name!.toLowerCase());
  if (/idempotencyKeyFrom\(/.test(source)) read.add('idempotency-key');
  if (/versionsFromIfMatch\(/.test(source)) read.add('if-match');
  return [...read].sort();
}

test('the header reader recognises every way a handler reads a header', () => {
  expect(headersRead("versionsFromIfMatch(headers['if-match'])")).toEqual(['if-match']);
  expect(headersRead('const key = idempotencyKeyFrom(headers);')).toEqual(['idempotency-key']);
  expect(headersRead('headers["X-Trace"] ?? headers.accept')).toEqual(['accept', 'x-trace']);
  expect(headersRead("return { status: 200, headers: { etag: '1' } };")).toEqual([]);
});

test('every header a handler reads is declared by its operation (and so documented)', () => {
  const undeclared = operations.flatMap((operation: OperationDeclaration) => {
    const declared = Object.keys(operation.request.headers ?? {});
    return headersRead(readFileSync(join(root, operation.entry), 'utf8'))
      .filter((name) => !declared.includes(name))
      .map((name) => `${operation.entry} reads ${name}`);
  });
  expect(undeclared).toEqual([]);
});

test('a handler sets ETag and Location exactly when its declaration (and so the document) says it does', () => {
  const differing = operations.flatMap((operation: OperationDeclaration) => {
    const source = readFileSync(join(root, operation.entry), 'utf8');
    const sets = { etag: /\betag:/.test(source), location: /\blocation:/.test(source) };
    const declared = { etag: operation.response.etag === true, location: operation.response.location === true };
    return sets.etag === declared.etag && sets.location === declared.location
      ? []
      : [{ entry: operation.entry, sets, declared }];
  });
  expect(differing).toEqual([]);
});

describe('a handler sees only its declared headers', () => {
  const probe = defineOperation({
    function: 'probe',
    feature: 'test',
    entry: 'test/unit/api/operations.test.ts',
    method: 'POST',
    path: '/v1/probe',
    auth: 'public',
    functionDescription: 'Probe',
    summary: 'Probe',
    request: { query: noParams, headers: { 'if-match': ifMatchHeader, 'idempotency-key': idempotencyKeyHeader } },
    response: { status: 200, description: 'The headers seen' },
  });
  const event = () =>
    httpEvent({ method: 'POST', path: '/v1/probe', headers: { 'If-Match': '"3"', 'X-Other': 'secret' } });

  test('declared ones, and absent ones as undefined', async () => {
    const handler = route(probe, async ({ headers }) => ({
      status: 200,
      body: { ifMatch: headers['if-match'], key: headers['idempotency-key'] ?? null },
    }));
    const response = parseResponse(await handler(event(), lambdaContext()));
    expect(response.body).toEqual({ ifMatch: '"3"', key: null });
  });

  test('reading an undeclared one fails the request, so a test of that handler fails', async () => {
    const handler = route(probe, async ({ headers }) => ({
      status: 200,
      body: { other: (headers as unknown as Record<string, string | undefined>)['x-other'] },
    }));
    const response = parseResponse(await handler(event(), lambdaContext()));
    expect(response.status).toBe(500);
  });

  test('a user operation cannot be built without its caller step', () => {
    expect(() => route({ ...probe, auth: 'user' } as never, async () => ({ status: 204 }))).toThrow(/user operation/);
  });
});
