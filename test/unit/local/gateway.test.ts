import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FunctionId } from '../../../lib/catalog/functions';
import { routes as catalogRoutes, type RouteSpec } from '../../../lib/catalog/routes';
import { FunctionError, type Invoker, type RunningService } from '../../../lib/local/contracts';
import { type buildEvent, mapFunctionResult, startGateway } from '../../../lib/local/gateway';
import { MAX_BODY_BYTES } from '../../../lib/local/http';
import { TokenRefused } from '../../../lib/local/jwt';

type Call = { functionId: FunctionId; event: ReturnType<typeof buildEvent> };

const routes: RouteSpec[] = [
  ...catalogRoutes,
  // Test-only routes: a path parameter next to a literal segment, to check the literal wins.
  { method: 'GET', path: '/v1/widgets/{id}', function: 'me-get', auth: 'jwt' },
  { method: 'GET', path: '/v1/widgets/summary', function: 'me-update', auth: 'jwt' },
];

const GOOD_TOKEN = 'good.token.value';
const ID_TOKEN = 'id.token.value';

let gateway: RunningService;
let calls: Call[];
let reply: (call: Call) => unknown;
let logDir: string;

const fakeInvoker: Invoker = {
  async invoke(functionId, event) {
    const call = { functionId, event: event as Call['event'] };
    calls.push(call);
    return reply(call);
  },
};

async function fakeVerifier(token: string): Promise<Record<string, unknown>> {
  if (token === GOOD_TOKEN) {
    return {
      sub: 'user-1',
      client_id: 'client',
      scope: 'aws.cognito.signin.user.admin',
      exp: 1900000000,
      'cognito:groups': ['a', 'b'],
    };
  }
  if (token === ID_TOKEN) throw new TokenRefused(403, 'Bearer scope="x" error="insufficient_scope"', 'scope');
  throw new TokenRefused(
    401,
    'Bearer scope="" error="invalid_token" error_description="the token has expired"',
    'expired',
  );
}

beforeAll(async () => {
  logDir = mkdtempSync(join(tmpdir(), 'gateway-test-'));
  gateway = await startGateway({ port: 0, routes, invoker: fakeInvoker, verifyAccessToken: fakeVerifier, logDir });
});

afterAll(() => gateway.stop());

beforeEach(() => {
  calls = [];
  reply = () => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' });
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

describe('JWT authorizer', () => {
  it('refuses a jwt route without a token: 401, www-authenticate, function not invoked', async () => {
    const response = await call('/v1/me');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(calls).toHaveLength(0);
  });

  it('refuses an invalid token with 401 and the reason in www-authenticate', async () => {
    const response = await call('/v1/me', { headers: { authorization: 'Bearer expired.token.x' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('the token has expired');
    expect(calls).toHaveLength(0);
  });

  it('refuses a token without the required scope with 403 Forbidden', async () => {
    const response = await call('/v1/me', { headers: { authorization: `Bearer ${ID_TOKEN}` } });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: 'Forbidden' });
    expect(calls).toHaveLength(0);
  });

  it('passes the verified claims as strings and the scopes to the function', async () => {
    await call('/v1/me', { headers: bearer });
    expect(calls[0]!.event.requestContext.authorizer?.jwt).toEqual({
      claims: {
        sub: 'user-1',
        client_id: 'client',
        scope: 'aws.cognito.signin.user.admin',
        exp: '1900000000',
        'cognito:groups': '[a b]',
      },
      scopes: ['aws.cognito.signin.user.admin'],
    });
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
      verifyAccessToken: fakeVerifier,
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
