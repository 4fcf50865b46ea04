import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FunctionId } from '../../../lib/catalog/functions';
import { routes as catalogRoutes, type RouteSpec } from '../../../lib/catalog/routes';
import { FunctionError, type Invoker, type RunningService } from '../../../lib/local/contracts';
import {
  type buildAuthorizerEvent,
  type buildEvent,
  mapFunctionResult,
  startGateway,
} from '../../../lib/local/gateway';
import { MAX_BODY_BYTES } from '../../../lib/local/http';

type Call = { functionId: FunctionId; event: ReturnType<typeof buildEvent> };

const routes: RouteSpec[] = [
  ...catalogRoutes,
  // Test-only routes: a path parameter next to a literal segment, to check the literal wins.
  { method: 'GET', path: '/v1/widgets/{id}', function: 'me-get', auth: 'jwt' },
  { method: 'GET', path: '/v1/widgets/summary', function: 'me-update', auth: 'jwt' },
];

const GOOD_TOKEN = 'good.token.value';
const REFUSED_TOKEN = 'refused.token.value';
const AUTHORIZER: FunctionId = 'api-authorizer';
const CACHE_TTL_SECONDS = 5;

let gateway: RunningService;
let calls: Call[];
let authorizerCalls: ReturnType<typeof buildAuthorizerEvent>[];
let reply: (call: Call) => unknown;
let authorizerReply: (event: ReturnType<typeof buildAuthorizerEvent>) => unknown;
let logDir: string;
let clock = 0;

const goodContext = { sub: 'user-1', principal: 'session', scopes: 'read write', sessionId: 'origin-1' };

/** As the authorizer function answers: a simple response. */
function fakeAuthorizer(event: ReturnType<typeof buildAuthorizerEvent>): unknown {
  const source = event.identitySource[0];
  if (source === `Bearer ${GOOD_TOKEN}`) return { isAuthorized: true, context: goodContext };
  return { isAuthorized: false };
}

const fakeInvoker: Invoker = {
  async invoke(functionId, event) {
    if (functionId === AUTHORIZER) {
      authorizerCalls.push(event as ReturnType<typeof buildAuthorizerEvent>);
      return authorizerReply(event as ReturnType<typeof buildAuthorizerEvent>);
    }
    const call = { functionId, event: event as Call['event'] };
    calls.push(call);
    return reply(call);
  },
};

const authorizer = { functionId: AUTHORIZER, cacheTtlSeconds: CACHE_TTL_SECONDS };

beforeAll(async () => {
  logDir = mkdtempSync(join(tmpdir(), 'gateway-test-'));
  gateway = await startGateway({ port: 0, routes, invoker: fakeInvoker, authorizer, logDir, now: () => clock });
});

afterAll(() => gateway.stop());

beforeEach(() => {
  calls = [];
  authorizerCalls = [];
  // Each test starts past every answer cached by the one before.
  clock += 60_000;
  reply = () => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' });
  authorizerReply = fakeAuthorizer;
});

const call = (path: string, init: RequestInit = {}) => fetch(`${gateway.url}${path}`, init);
const bearer = { authorization: `Bearer ${GOOD_TOKEN}` };

describe('routing', () => {
  it('answers an unknown route with 404 Not Found, without invoking anything', async () => {
    const response = await call('/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'Not Found' });
    expect(calls).toHaveLength(0);
  });

  it('answers a known path with the wrong method with 404', async () => {
    expect((await call('/v1/auth/signup')).status).toBe(404);
    expect(calls).toHaveLength(0);
  });

  it('invokes the route function with the route key and decoded path parameters', async () => {
    const response = await call('/v1/widgets/acc%201', { headers: bearer });
    expect(response.status).toBe(200);
    expect(calls[0]!.functionId).toBe('me-get');
    expect(calls[0]!.event.routeKey).toBe('GET /v1/widgets/{id}');
    expect(calls[0]!.event.pathParameters).toEqual({ id: 'acc 1' });
    expect(calls[0]!.event.rawPath).toBe('/v1/widgets/acc%201');
  });

  it("adds the X-Forwarded headers API Gateway adds, so a function can name the API's own origin", async () => {
    await call('/v1/widgets/summary', { headers: { ...bearer, 'x-forwarded-for': '203.0.113.7' } });
    const headers = calls[0]!.event.headers as Record<string, string>;
    expect(headers['x-forwarded-proto']).toBe('http');
    expect(headers['x-forwarded-port']).toBe(new URL(gateway.url).port);
    expect(headers['x-forwarded-for']).toMatch(/^203\.0\.113\.7, (127\.0\.0\.1|::1)$/);
  });

  it('prefers a literal segment over a parameter', async () => {
    await call('/v1/widgets/summary', { headers: bearer });
    expect(calls[0]!.functionId).toBe('me-update');
  });
});

describe('Lambda authorizer', () => {
  it('refuses a jwt route without the identity source: 401, neither authorizer nor function invoked', async () => {
    const response = await call('/v1/me');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
    expect(authorizerCalls).toHaveLength(0);
    expect(calls).toHaveLength(0);
  });

  it('answers 403 Forbidden when the authorizer says isAuthorized: false, without invoking the function', async () => {
    const response = await call('/v1/me', { headers: { authorization: `Bearer ${REFUSED_TOKEN}` } });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: 'Forbidden' });
    expect(authorizerCalls).toHaveLength(1);
    expect(calls).toHaveLength(0);
  });

  it('invokes the authorizer with a payload 2.0 REQUEST event: identity source, route ARN, headers, no body', async () => {
    await call('/v1/widgets/w1?x=1', { headers: { ...bearer, 'x-extra': 'yes' } });
    const event = authorizerCalls[0]!;
    expect(event).toMatchObject({
      version: '2.0',
      type: 'REQUEST',
      identitySource: [`Bearer ${GOOD_TOKEN}`],
      routeKey: 'GET /v1/widgets/{id}',
      rawPath: '/v1/widgets/w1',
      rawQueryString: 'x=1',
      pathParameters: { id: 'w1' },
      queryStringParameters: { x: '1' },
      headers: expect.objectContaining({ authorization: `Bearer ${GOOD_TOKEN}`, 'x-extra': 'yes' }),
    });
    expect(event.routeArn).toMatch(
      /^arn:aws:execute-api:[a-z0-9-]+:\d{12}:local\/\$default\/GET\/v1\/widgets\/\{id\}$/,
    );
    expect(event).not.toHaveProperty('body');
  });

  it("puts the authorizer's context under requestContext.authorizer.lambda", async () => {
    await call('/v1/me', { headers: bearer });
    expect(calls[0]!.event.requestContext.authorizer).toEqual({ lambda: goodContext });
  });

  it('keeps an answer per identity source for the TTL, across routes, then asks again', async () => {
    await call('/v1/me', { headers: bearer });
    await call('/v1/widgets/w1', { headers: bearer });
    expect(authorizerCalls).toHaveLength(1);
    // Another identity source is another cache entry.
    await call('/v1/me', { headers: { authorization: `Bearer ${REFUSED_TOKEN}` } });
    expect(authorizerCalls).toHaveLength(2);
    // A refusal is cached too, and so is the allow: until the TTL has run out.
    authorizerReply = () => ({ isAuthorized: false });
    clock += CACHE_TTL_SECONDS * 1000 - 1;
    expect((await call('/v1/me', { headers: bearer })).status).toBe(200);
    clock += 1;
    expect((await call('/v1/me', { headers: bearer })).status).toBe(403);
    expect(authorizerCalls).toHaveLength(3);
  });

  it('answers 500 when the authorizer fails or answers without a boolean isAuthorized', async () => {
    authorizerReply = () => ({ allowed: true });
    expect((await call('/v1/me', { headers: bearer })).status).toBe(500);
    authorizerReply = () => {
      throw new FunctionError('api-authorizer', 'Error', 'boom');
    };
    clock += 60_000;
    expect((await call('/v1/me', { headers: bearer })).status).toBe(500);
    expect(calls).toHaveLength(0);
  });

  it('does not authorize public routes', async () => {
    const response = await call('/v1/auth/login', { method: 'POST', headers: { authorization: 'Bearer junk' } });
    expect(response.status).toBe(200);
    expect(calls[0]!.event.requestContext.authorizer).toBeUndefined();
  });
});

describe('payload format 2.0 event', () => {
  it('carries method, query, headers, cookies and a JSON body as text', async () => {
    await call('/v1/auth/signup?a=1&a=2&b=x%20y', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Custom': 'Yes', cookie: 'c1=1; c2=2' },
      body: '{"email":"a@example.com"}',
    });
    const event = calls[0]!.event;
    expect(event.version).toBe('2.0');
    expect(event.routeKey).toBe('POST /v1/auth/signup');
    expect(event.rawQueryString).toBe('a=1&a=2&b=x%20y');
    expect(event.queryStringParameters).toEqual({ a: '1,2', b: 'x y' });
    expect(event.headers['x-custom']).toBe('Yes');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.cookies).toEqual(['c1=1', 'c2=2']);
    expect(event.body).toBe('{"email":"a@example.com"}');
    expect(event.isBase64Encoded).toBe(false);
    expect(event.pathParameters).toBeUndefined();
    expect(event.requestContext).toMatchObject({
      accountId: '000000000000',
      apiId: 'local',
      stage: '$default',
      routeKey: 'POST /v1/auth/signup',
      http: { method: 'POST', path: '/v1/auth/signup', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1' },
    });
    expect(typeof event.requestContext.requestId).toBe('string');
    expect(event.requestContext.time).toMatch(/^\d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
  });

  it('base64-encodes a binary body', async () => {
    const bytes = Buffer.from([0, 1, 2, 255]);
    await call('/v1/auth/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    expect(calls[0]!.event.isBase64Encoded).toBe(true);
    expect(Buffer.from(calls[0]!.event.body ?? '', 'base64')).toEqual(bytes);
  });

  it('refuses a body over 10 MB with 413, without invoking the function', async () => {
    const response = await call('/v1/auth/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(MAX_BODY_BYTES + 1),
    });
    expect(response.status).toBe(413);
    expect(calls).toHaveLength(0);
  });
});

describe('responses', () => {
  it('maps a structured result, with cookies and the request id header', async () => {
    reply = () => ({ statusCode: 201, headers: { ETag: '"3"' }, body: '{"id":1}', cookies: ['a=1', 'b=2'] });
    const response = await call('/v1/auth/signup', { method: 'POST' });
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toBe('"3"');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(response.headers.get('apigw-requestid')).toBe(calls[0]!.event.requestContext.requestId);
    expect(await response.text()).toBe('{"id":1}');
  });

  it('turns a FunctionError into 500 Internal Server Error without its text', async () => {
    reply = () => {
      throw new FunctionError('auth-signup', 'Error', 'secret internals');
    };
    const response = await call('/v1/auth/signup', { method: 'POST' });
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('{"message":"Internal Server Error"}');
  });

  it('answers CORS preflight like the stack configures it, without invoking anything', async () => {
    const response = await call('/v1/me', {
      method: 'OPTIONS',
      headers: { origin: 'http://app.example', 'access-control-request-method': 'PATCH' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST,PATCH,PUT,DELETE,OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'authorization,content-type,idempotency-key,if-match,x-correlation-id',
    );
    expect(calls).toHaveLength(0);
  });

  it('adds CORS headers to actual responses for cross-origin callers', async () => {
    const response = await call('/v1/me', { headers: { ...bearer, origin: 'http://app.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toBe(
      'etag,location,idempotent-replayed,ratelimit-limit,ratelimit-remaining,ratelimit-reset,retry-after',
    );
  });

  it('writes one access-log line per request, without headers or bodies', async () => {
    const response = await call('/v1/me', { headers: { authorization: `Bearer ${GOOD_TOKEN}` } });
    const requestId = response.headers.get('apigw-requestid');
    // The line is written through a stream after the response: wait for this request's line,
    // however loaded the machine.
    const readLines = () => {
      const text = existsSync(join(logDir, 'access.log')) ? readFileSync(join(logDir, 'access.log'), 'utf8') : '';
      return text.trim().split('\n').filter(Boolean);
    };
    const deadline = Date.now() + 30_000;
    while (!readLines().some((line) => line.includes(`"${requestId}"`)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const lines = readLines();
    const mine = lines.filter((line) => line.includes(`"${requestId}"`));
    expect(mine).toHaveLength(1);
    const logged = JSON.parse(mine[0]!);
    expect(logged).toMatchObject({ requestId, method: 'GET', path: '/v1/me', routeKey: 'GET /v1/me', status: 200 });
    expect(typeof logged.latencyMs).toBe('number');
    expect(lines.join('\n')).not.toContain(GOOD_TOKEN);
  });
});

describe('mapFunctionResult (payload 2.0 response mapping)', () => {
  it('takes an object without statusCode as a JSON 200', () => {
    const mapped = mapFunctionResult({ hello: 'world' });
    expect(mapped.status).toBe(200);
    expect(mapped.headers['content-type']).toBe('application/json');
    expect(mapped.body.toString()).toBe('{"hello":"world"}');
  });

  it('takes a string as a text 200', () => {
    const mapped = mapFunctionResult('hi');
    expect(mapped.status).toBe(200);
    expect(mapped.body.toString()).toBe('hi');
  });

  it('decodes a base64 body', () => {
    const mapped = mapFunctionResult({
      statusCode: 200,
      body: Buffer.from('png').toString('base64'),
      isBase64Encoded: true,
    });
    expect(mapped.body.toString()).toBe('png');
  });

  it('answers 500 for a malformed status code', () => {
    expect(mapFunctionResult({ statusCode: 'two hundred' }).status).toBe(500);
  });
});

describe('throttling, as API Gateway answers it', () => {
  let clock = 0;
  let throttled: RunningService;
  const throttledRoutes: RouteSpec[] = [
    {
      method: 'POST',
      path: '/v1/auth/login',
      function: 'auth-login',
      auth: 'none',
      throttle: { ratePerSecond: 1, burst: 2 },
    },
    { method: 'POST', path: '/v1/auth/signup', function: 'auth-signup', auth: 'none' },
  ];
  const post = (path: string) => fetch(`${throttled.url}${path}`, { method: 'POST', body: '{}' });

  beforeAll(async () => {
    throttled = await startGateway({
      port: 0,
      routes: throttledRoutes,
      invoker: fakeInvoker,
      authorizer,
      stageThrottle: { ratePerSecond: 2, burst: 4 },
      now: () => clock,
    });
  });
  afterAll(() => throttled.stop());

  it("refuses a route's requests past its burst with 429 Too Many Requests, without invoking the function", async () => {
    clock = 0;
    expect((await post('/v1/auth/login')).status).toBe(200);
    expect((await post('/v1/auth/login')).status).toBe(200);
    const refused = await post('/v1/auth/login');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ message: 'Too Many Requests' });
    expect(calls.map((call) => call.functionId)).toEqual(['auth-login', 'auth-login']);
    // A second later the bucket holds one more request.
    clock = 1_000;
    expect((await post('/v1/auth/login')).status).toBe(200);
    expect((await post('/v1/auth/login')).status).toBe(429);
  });

  it('counts every route against the stage limit too', async () => {
    clock = 60_000; // both buckets full again
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post('/v1/auth/signup')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });
});
