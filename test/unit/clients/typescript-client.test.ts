/**
 * The TypeScript client (clients/typescript): its generated types are what the contract gives, it
 * stays a package of its own, and its helpers behave — the bearer on every call, one refresh and
 * retry on a 401, problems as typed errors.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createMonetaClient, idempotencyKey, isProblem, MonetaProblem, unwrap } from '../../../clients/typescript/src';

const root = resolve(__dirname, '../../..');

test('src/schema.d.ts is what docs/openapi.json generates (run `npm run client:generate`)', async () => {
  // In a child process: openapi-typescript's dependencies are ES modules, which Jest's CommonJS cannot load.
  const { stdout: generated } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'clients/typescript/scripts/generate.ts', '--stdout'],
    { cwd: root, maxBuffer: 64 * 1024 * 1024 },
  );
  const SCHEMA_FILE = join(root, 'clients/typescript/src/schema.d.ts');
  // Compared by equality, not a snapshot: a stale file must fail, never be rewritten by `-u`.
  expect(readFileSync(SCHEMA_FILE, 'utf8') === generated).toBe(true);
}, 60_000);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

const importsIn = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');

test('the product never imports the client, and the client imports nothing of the product', () => {
  const intoClient = ['functions', 'shared', 'lib']
    .flatMap((dir) => sourceFiles(join(root, dir)))
    .filter((file) => importsIn(file).some((specifier) => specifier.includes('clients/')));
  expect(intoClient).toEqual([]);
  const outOfClient = sourceFiles(join(root, 'clients/typescript/src')).flatMap((file) =>
    importsIn(file).filter((specifier) => specifier.startsWith('..')),
  );
  expect(outOfClient).toEqual([]);
});

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

const tokens = (accessToken: string) => ({
  accessToken,
  idToken: 'id',
  refreshToken: `refresh-of-${accessToken}`,
  expiresIn: 3600,
  tokenType: 'Bearer',
});

const problem = (status: number, slug: string, extra: object = {}) =>
  json(
    status,
    { type: `urn:moneta:problem:${slug}`, title: slug, status, instance: '/x', correlationId: 'c', ...extra },
    'application/problem+json',
  );

/** A fake API: the login issues `first`, the refresh `second`; /v1/me accepts only `second` once `expired`. */
function fakeApi(options: { expired: boolean }) {
  const seen: { method: string; path: string; authorization: string | null; body: string; key: string | null }[] = [];
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    const body = await request.text();
    seen.push({
      method: request.method,
      path,
      authorization: request.headers.get('authorization'),
      body,
      key: request.headers.get('idempotency-key'),
    });
    if (path === '/v1/auth/login') {
      return JSON.parse(body).password === 'right' ? json(200, tokens('first')) : problem(401, 'unauthorized');
    }
    if (path === '/v1/auth/refresh') return json(200, tokens('second'));
    const authorization = request.headers.get('authorization');
    if (options.expired && authorization !== 'Bearer second') {
      // An ended or expired token: the 401 problem every authenticated route answers.
      return problem(401, 'unauthorized');
    }
    if (path === '/v1/tokens' && request.method === 'POST') return problem(403, 'reauthentication-failed');
    if (path === '/v1/accounts' && request.method === 'POST') {
      return problem(400, 'validation-failed', { errors: [{ in: 'body', field: 'currency', message: 'bad' }] });
    }
    return json(200, { id: 'u1', email: 'ada@example.com', homeCurrency: 'EUR' });
  };
  return { fetch, seen };
}

test('signIn sends the access token on every later call', async () => {
  const api = fakeApi({ expired: false });
  const moneta = createMonetaClient({ baseUrl: 'http://api.test/', fetch: api.fetch });
  await moneta.signIn('ada@example.com', 'right');
  expect(unwrap(await moneta.GET('/v1/me')).email).toBe('ada@example.com');
  expect(api.seen.map((call) => [call.path, call.authorization])).toEqual([
    ['/v1/auth/login', null],
    ['/v1/me', 'Bearer first'],
  ]);
  expect(moneta.tokens?.accessToken).toBe('first');
});

test('a 401 refreshes the access token once and retries the request with its body', async () => {
  const api = fakeApi({ expired: true });
  const moneta = createMonetaClient({ baseUrl: 'http://api.test', fetch: api.fetch });
  await moneta.signIn('ada@example.com', 'right');
  const result = await moneta.PATCH('/v1/me', { body: { name: 'Ada' } });
  expect(result.response.status).toBe(200);
  expect(api.seen.map((call) => [call.method, call.path, call.authorization, call.body])).toEqual([
    ['POST', '/v1/auth/login', null, '{"email":"ada@example.com","password":"right"}'],
    ['PATCH', '/v1/me', 'Bearer first', '{"name":"Ada"}'],
    ['POST', '/v1/auth/refresh', null, '{"refreshToken":"refresh-of-first"}'],
    ['PATCH', '/v1/me', 'Bearer second', '{"name":"Ada"}'],
  ]);
  expect(moneta.tokens).toEqual({ accessToken: 'second', refreshToken: 'refresh-of-second' });
});

test("a refused token's 401 refreshes it; a route's 403 problem does not", async () => {
  const api = fakeApi({ expired: true });
  const moneta = createMonetaClient({ baseUrl: 'http://api.test', fetch: api.fetch });
  await moneta.signIn('ada@example.com', 'right');
  expect((await moneta.GET('/v1/me')).response.status).toBe(200);
  expect(api.seen.map((call) => [call.path, call.authorization])).toEqual([
    ['/v1/auth/login', null],
    ['/v1/me', 'Bearer first'],
    ['/v1/auth/refresh', null],
    ['/v1/me', 'Bearer second'],
  ]);
  const refused = await moneta.POST('/v1/tokens', { body: { name: 'Sync', scopes: ['read'], password: 'wrong' } });
  expect(refused.response.status).toBe(403);
  expect(api.seen.filter((call) => call.path === '/v1/auth/refresh')).toHaveLength(1);
});

test('problems come back typed, and unwrap throws them with the fields at fault', async () => {
  const api = fakeApi({ expired: false });
  const moneta = createMonetaClient({ baseUrl: 'http://api.test', token: 'first', fetch: api.fetch });
  const result = await moneta.POST('/v1/accounts', {
    params: { header: idempotencyKey('k-1') },
    body: { name: 'Everyday', kind: 'checking', currency: 'eur' },
  });
  expect(result.error?.errors?.[0]?.field).toBe('currency');
  expect(api.seen[0]?.key).toBe('k-1');
  let thrown: unknown;
  try {
    unwrap(result);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(MonetaProblem);
  expect(isProblem(thrown, 'validation-failed')).toBe(true);
  expect((thrown as Error).message).toBe('400 validation-failed (currency)');
});

test('a wrong password is a thrown problem and leaves the client signed out', async () => {
  const api = fakeApi({ expired: false });
  const moneta = createMonetaClient({ baseUrl: 'http://api.test', fetch: api.fetch });
  await expect(moneta.signIn('ada@example.com', 'wrong')).rejects.toMatchObject({ status: 401, slug: 'unauthorized' });
  expect(moneta.tokens).toBeUndefined();
});

test("the README's quick start is examples/quick-start.ts, which the end-to-end suite runs", () => {
  const example = readFileSync(join(root, 'clients/typescript/examples/quick-start.ts'), 'utf8');
  const code = example.slice(example.indexOf('import {')).replace("'../src/index'", "'@moneta/client'");
  const readme = readFileSync(join(root, 'clients/typescript/README.md'), 'utf8');
  expect(readme.includes(`\`\`\`ts\n${code}\`\`\``)).toBe(true);
});
