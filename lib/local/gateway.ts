/**
 * The local API Gateway HTTP API: routes from the same route table as the stack, the Lambda
 * authorizer in front of `jwt` routes (invoked as API Gateway invokes it: payload 2.0, simple
 * responses, answers cached per identity source), payload format 2.0 events in, the 2.0 response
 * mapping out.
 * Where it has to choose, it does what API Gateway does, so a client cannot tell the difference.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { RouteThrottle } from '../../shared/kit/http/operation';
import type { FunctionId } from '../catalog/functions';
import type { RouteSpec } from '../catalog/routes';
import { corsSettings } from '../catalog/routes';
import { FunctionError, type Invoker, type RunningService, type UsageMeter } from './contracts';
import { closeServer, listen, MAX_BODY_BYTES } from './http';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION, LOOPBACK, localUrl } from './ports';

type GatewayOptions = {
  port: number;
  routes: readonly RouteSpec[];
  invoker: Invoker;
  /**
   * The Lambda authorizer of `jwt` routes: the function invoked with the request's identity source
   * (the Authorization header), and how long its answer is kept for that identity source.
   */
  authorizer: { functionId: FunctionId; cacheTtlSeconds: number };
  logDir?: string;
  /** The stage's limit for all routes together (lib/catalog/routes.ts); none: unlimited. */
  stageThrottle?: RouteThrottle;
  now?: () => number;
  /** Told of every answered request (the cost benchmark); none: nothing is counted. */
  onRequest?: UsageMeter['apiRequest'];
};

type CompiledRoute = { spec: RouteSpec; routeKey: string; pattern: RegExp; params: string[] };

/**
 * API Gateway's throttle: a token bucket holding `burst` requests, refilled at `ratePerSecond`; a
 * request that finds it empty is answered 429 before anything else runs.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html
 */
export function tokenBucket(limit: RouteThrottle, now: () => number = Date.now) {
  let tokens = limit.burst;
  let refilledAt = now();
  return {
    take(): boolean {
      const at = now();
      tokens = Math.min(limit.burst, tokens + ((at - refilledAt) / 1000) * limit.ratePerSecond);
      refilledAt = at;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

function compile(spec: RouteSpec): CompiledRoute {
  const params: string[] = [];
  const source = spec.path
    .split('/')
    .map((segment) => {
      const greedy = /^\{(\w+)\+\}$/.exec(segment);
      if (greedy) {
        params.push(greedy[1]!);
        return '(.+)';
      }
      const param = /^\{(\w+)\}$/.exec(segment);
      if (param) {
        params.push(param[1]!);
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { spec, routeKey: `${spec.method} ${spec.path}`, pattern: new RegExp(`^${source}$`), params };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Literal segments beat parameters, as API Gateway prefers the most specific route. */
function specificity(route: CompiledRoute): number {
  return route.spec.path.split('/').filter((s) => s && !s.startsWith('{')).length;
}

function matchRoute(routes: readonly CompiledRoute[], method: string, path: string) {
  const candidates = routes
    .filter((r) => r.spec.method === method)
    .map((route) => ({ route, match: route.pattern.exec(path) }))
    .filter((c) => c.match)
    .sort((a, b) => specificity(b.route) - specificity(a.route));
  const best = candidates[0];
  if (!best?.match) return undefined;
  const pathParameters: Record<string, string> = {};
  best.route.params.forEach((name, i) => {
    pathParameters[name] = safeDecode(best.match![i + 1]!);
  });
  return { route: best.route, pathParameters };
}

// API Gateway passes these content types as text and base64-encodes everything else.
function isTextContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return (
    type.startsWith('text/') || /^application\/(json|xml|javascript|graphql)$/.test(type) || /\+(json|xml)$/.test(type)
  );
}

/** Headers lower-cased, duplicates comma-joined; cookies travel in `cookies`, not in headers. */
function eventHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (name === 'cookie' || !values) continue;
    headers[name] = values.join(',');
  }
  return headers;
}

function eventCookies(req: IncomingMessage): string[] | undefined {
  const cookies = (req.headersDistinct.cookie ?? [])
    .flatMap((header) => header.split(';'))
    .map((c) => c.trim())
    .filter(Boolean);
  return cookies.length > 0 ? cookies : undefined;
}

function queryParameters(rawQueryString: string): Record<string, string> | undefined {
  if (!rawQueryString) return undefined;
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(rawQueryString)) {
    params[key] = key in params ? `${params[key]},${value}` : value;
  }
  return params;
}

function newRequestId(): string {
  // The shape of API Gateway's ids (`Mc7UVioPPHcEKPA=`): 10 random bytes, base64.
  return randomBytes(10).toString('base64');
}

function clfTime(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

class PayloadTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      reject(new PayloadTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new PayloadTooLarge());
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

type Authorizer = { lambda: Record<string, unknown> };

/** A Lambda authorizer's simple response, as API Gateway reads it. */
type AuthorizerAnswer = { isAuthorized: boolean; context: Record<string, unknown> };

/**
 * The answer of a simple-response authorizer: `isAuthorized` must be a boolean; anything else is
 * an authorizer error (500), as API Gateway treats a malformed response.
 */
export function readAuthorizerAnswer(result: unknown): AuthorizerAnswer | undefined {
  if (result === null || typeof result !== 'object') return undefined;
  const { isAuthorized, context } = result as { isAuthorized?: unknown; context?: unknown };
  if (typeof isAuthorized !== 'boolean') return undefined;
  const fields = context !== null && typeof context === 'object' ? (context as Record<string, unknown>) : {};
  return { isAuthorized, context: fields };
}

export function buildEvent(input: {
  req: IncomingMessage;
  url: URL;
  routeKey: string;
  pathParameters: Record<string, string>;
  body: Buffer;
  requestId: string;
  now: Date;
  authorizer?: Authorizer;
}) {
  const { req, url, body } = input;
  const headers = eventHeaders(req);
  // HTTP API adds these to every request it forwards (the proxy's view of the client connection).
  const clientIp = req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? LOOPBACK;
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${clientIp}` : clientIp;
  headers['x-forwarded-port'] = String(req.socket.localPort ?? '');
  headers['x-forwarded-proto'] = 'http';
  const rawQueryString = url.search.replace(/^\?/, '');
  const domainName = headers.host ?? LOOPBACK;
  const hasBody = body.length > 0;
  const asText = isTextContentType(headers['content-type']);
  return {
    version: '2.0',
    routeKey: input.routeKey,
    rawPath: url.pathname,
    rawQueryString,
    cookies: eventCookies(req),
    headers,
    queryStringParameters: queryParameters(rawQueryString),
    pathParameters: Object.keys(input.pathParameters).length > 0 ? input.pathParameters : undefined,
    requestContext: {
      accountId: LOCAL_ACCOUNT_ID,
      apiId: 'local',
      authorizer: input.authorizer,
      domainName,
      domainPrefix: domainName.split('.')[0]!.split(':')[0]!,
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? LOOPBACK,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: input.requestId,
      routeKey: input.routeKey,
      stage: '$default',
      time: clfTime(input.now),
      timeEpoch: input.now.getTime(),
    },
    body: hasBody ? (asText ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: hasBody && !asText,
  };
}

/**
 * The payload 2.0 event a Lambda authorizer receives: the route's request without its body, with
 * `type: REQUEST`, the route's ARN and the identity source.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 */
export function buildAuthorizerEvent(routeEvent: ReturnType<typeof buildEvent>, identitySource: string[]) {
  const { body: _body, isBase64Encoded: _encoded, ...request } = routeEvent;
  const [method, ...path] = routeEvent.routeKey.split(' ');
  return {
    ...request,
    type: 'REQUEST',
    routeArn: `arn:aws:execute-api:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:local/$default/${method}${path.join(' ')}`,
    identitySource,
    requestContext: { ...request.requestContext, authorizer: undefined },
  };
}

type HttpResult = { status: number; headers: Record<string, string | string[]>; body: Buffer };

const json = (status: number, message: string, headers: Record<string, string> = {}): HttpResult => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: Buffer.from(JSON.stringify({ message })),
});

/** The payload 2.0 response mapping, as API Gateway applies it to whatever the function returns. */
export function mapFunctionResult(result: unknown): HttpResult {
  if (result !== null && typeof result === 'object' && 'statusCode' in result) {
    const r = result as {
      statusCode: unknown;
      headers?: unknown;
      body?: unknown;
      isBase64Encoded?: unknown;
      cookies?: unknown;
    };
    if (
      typeof r.statusCode !== 'number' ||
      !Number.isInteger(r.statusCode) ||
      r.statusCode < 100 ||
      r.statusCode > 599
    ) {
      return json(500, 'Internal Server Error');
    }
    const headers: Record<string, string | string[]> = {};
    if (r.headers && typeof r.headers === 'object') {
      for (const [name, value] of Object.entries(r.headers as Record<string, unknown>)) {
        if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
      }
    }
    if (Array.isArray(r.cookies) && r.cookies.length > 0) headers['set-cookie'] = r.cookies.map(String);
    const text =
      typeof r.body === 'string' ? r.body : r.body === undefined || r.body === null ? '' : JSON.stringify(r.body);
    const body = r.isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8');
    return { status: r.statusCode, headers, body };
  }
  if (typeof result === 'string') {
    return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from(result) };
  }
  // A result without statusCode is taken as the JSON body of a 200.
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify(result ?? null)),
  };
}

function corsPreflight(): HttpResult {
  return {
    status: 204,
    headers: {
      'access-control-allow-origin': corsSettings.allowOrigins.join(','),
      'access-control-allow-methods': corsSettings.allowMethods.join(','),
      'access-control-allow-headers': corsSettings.allowHeaders.join(','),
      'access-control-expose-headers': corsSettings.exposeHeaders.join(','),
    },
    body: Buffer.alloc(0),
  };
}

export async function startGateway(options: GatewayOptions): Promise<RunningService> {
  const compiled = options.routes.map(compile);
  const now = options.now ?? Date.now;
  const stageBucket = options.stageThrottle ? tokenBucket(options.stageThrottle, now) : undefined;
  const routeBuckets = new Map(
    compiled.flatMap((route) => (route.spec.throttle ? [[route.routeKey, tokenBucket(route.spec.throttle, now)]] : [])),
  );
  /** The authorizer's answers by identity source, as API Gateway's authorizer cache keeps them. */
  const authorizerCache = new Map<string, AuthorizerAnswer & { until: number }>();
  let accessLog: WriteStream | undefined;
  if (options.logDir) {
    mkdirSync(options.logDir, { recursive: true });
    accessLog = createWriteStream(join(options.logDir, 'access.log'), { flags: 'a' });
  }

  async function respond(
    req: IncomingMessage,
    url: URL,
    requestId: string,
  ): Promise<HttpResult & { routeKey?: string }> {
    const method = (req.method ?? 'GET').toUpperCase();
    if (method === 'OPTIONS') return corsPreflight();
    const matched = matchRoute(compiled, method, url.pathname);
    if (!matched) return json(404, 'Not Found');
    const { route, pathParameters } = matched;
    // The route's own limit first, then the stage's: a request refused by either costs no function.
    const routeBucket = routeBuckets.get(route.routeKey);
    if ((routeBucket && !routeBucket.take()) || (stageBucket && !stageBucket.take())) {
      return { ...json(429, 'Too Many Requests'), routeKey: route.routeKey };
    }

    let authorizer: Authorizer | undefined;
    if (route.spec.auth === 'jwt') {
      // The authorizer runs before the body is read or the function is touched. With caching on,
      // a request without its identity source is a 401 and the authorizer is not invoked.
      const identity = req.headers.authorization?.trim();
      if (!identity) return { ...json(401, 'Unauthorized'), routeKey: route.routeKey };
      let answer = authorizerCache.get(identity);
      if (!answer || answer.until <= now()) {
        let result: unknown;
        try {
          const request = buildEvent({
            req,
            url,
            routeKey: route.routeKey,
            pathParameters,
            body: Buffer.alloc(0),
            requestId,
            now: new Date(),
          });
          result = await options.invoker.invoke(
            options.authorizer.functionId,
            buildAuthorizerEvent(request, [identity]),
          );
        } catch (error) {
          if (!(error instanceof FunctionError)) throw error;
          return { ...json(500, 'Internal Server Error'), routeKey: route.routeKey };
        }
        const read = readAuthorizerAnswer(result);
        if (!read) return { ...json(500, 'Internal Server Error'), routeKey: route.routeKey };
        answer = { ...read, until: now() + options.authorizer.cacheTtlSeconds * 1000 };
        if (options.authorizer.cacheTtlSeconds > 0) {
          if (authorizerCache.size > 10_000) authorizerCache.clear();
          authorizerCache.set(identity, answer);
        }
      }
      if (!answer.isAuthorized) return { ...json(403, 'Forbidden'), routeKey: route.routeKey };
      authorizer = { lambda: answer.context };
    }

    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof PayloadTooLarge)
        return { ...json(413, 'Request Entity Too Large'), routeKey: route.routeKey };
      throw error;
    }
    const event = buildEvent({
      req,
      url,
      routeKey: route.routeKey,
      pathParameters,
      body,
      requestId,
      now: new Date(),
      authorizer,
    });
    try {
      return {
        ...mapFunctionResult(await options.invoker.invoke(route.spec.function, event)),
        routeKey: route.routeKey,
      };
    } catch (error) {
      if (!(error instanceof FunctionError)) throw error;
      return { ...json(500, 'Internal Server Error'), routeKey: route.routeKey };
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = newRequestId();
    const url = new URL(req.url ?? '/', 'http://local');
    let result: HttpResult & { routeKey?: string };
    try {
      result = await respond(req, url, requestId);
    } catch {
      result = json(500, 'Internal Server Error');
    }
    const headers: Record<string, string | string[]> = { ...result.headers, 'apigw-requestid': requestId };
    if (req.headers.origin && req.method !== 'OPTIONS') {
      headers['access-control-allow-origin'] = corsSettings.allowOrigins.join(',');
      headers['access-control-expose-headers'] = corsSettings.exposeHeaders.join(',');
    }
    headers['content-length'] = String(result.body.length);
    res.writeHead(result.status, headers);
    res.end(result.body);
    options.onRequest?.({ routeKey: result.routeKey, status: result.status });
    // No headers, no body, no query: they carry tokens and personal data.
    accessLog?.write(
      `${JSON.stringify({
        requestId,
        time: new Date().toISOString(),
        method: req.method,
        path: url.pathname,
        routeKey: result.routeKey ?? '-',
        status: result.status,
        latencyMs: Math.round(performance.now() - started),
      })}\n`,
    );
  }

  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });
  await listen(server, options.port, LOOPBACK);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  let stopping: Promise<void> | undefined;
  return {
    url: localUrl(port),
    stop() {
      stopping ??= closeServer(server).then(
        () => new Promise<void>((resolve) => (accessLog ? accessLog.end(() => resolve()) : resolve())),
      );
      return stopping;
    },
  };
}
