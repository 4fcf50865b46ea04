import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAccessTokenVerifier, TokenRefused, tokenFromAuthorizationHeader } from '../../../lib/local/jwt';

const CLIENT_ID = 'local-client-id';
const SCOPE = 'aws.cognito.signin.user.admin';

const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const strangerKey = generateKeyPairSync('rsa', { modulusLength: 2048 });

let server: Server;
let issuer: string;

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function sign(payload: Record<string, unknown>, key: KeyObject = signingKey.privateKey, kid = 'test-key'): string {
  const input = `${b64url({ alg: 'RS256', typ: 'JWT', kid })}.${b64url(payload)}`;
  const signature = createSign('RSA-SHA256').update(input).sign(key).toString('base64url');
  return `${input}.${signature}`;
}

const now = () => Math.floor(Date.now() / 1000);
const accessClaims = (extra: Record<string, unknown> = {}) => ({
  sub: 'user-1',
  iss: issuer,
  client_id: CLIENT_ID,
  token_use: 'access',
  scope: SCOPE,
  iat: now(),
  exp: now() + 3600,
  ...extra,
});

beforeAll(async () => {
  const jwk = { ...signingKey.publicKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };
  server = createServer((req, res) => {
    if (req.url?.endsWith('/.well-known/jwks.json')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/local_pool`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function verifier() {
  return createAccessTokenVerifier({
    issuer,
    jwksUri: `${issuer}/.well-known/jwks.json`,
    audience: CLIENT_ID,
    requiredScope: SCOPE,
  });
}

async function refusal(token: string): Promise<TokenRefused> {
  const error = await verifier()(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TokenRefused);
  return error as TokenRefused;
}

describe('access token verifier (HTTP API JWT authorizer semantics)', () => {
  it('accepts a Cognito-style access token and returns its claims', async () => {
    const claims = await verifier()(sign(accessClaims()));
    expect(claims).toMatchObject({ sub: 'user-1', client_id: CLIENT_ID, scope: SCOPE });
  });

  it('accepts the audience from `aud` when the token has one', async () => {
    const claims = await verifier()(sign(accessClaims({ aud: CLIENT_ID, client_id: undefined })));
    expect(claims.sub).toBe('user-1');
  });

  it('evaluates `aud` over `client_id` when both are present, as API Gateway does', async () => {
    const refused = await refusal(sign(accessClaims({ aud: 'another-client' })));
    expect(refused.status).toBe(401);
    expect(refused.wwwAuthenticate).toContain('valid audience');
  });

  it('refuses an ID token (audience right, no scope) with 403 insufficient_scope', async () => {
    const idToken = sign(accessClaims({ aud: CLIENT_ID, client_id: undefined, scope: undefined, token_use: 'id' }));
    const refused = await refusal(idToken);
    expect(refused.status).toBe(403);
    expect(refused.wwwAuthenticate).toContain('error="insufficient_scope"');
  });

  it('refuses a token for another app client', async () => {
    const refused = await refusal(sign(accessClaims({ client_id: 'someone-else' })));
    expect(refused.status).toBe(401);
  });

  it('refuses an expired token and says so', async () => {
    const refused = await refusal(sign(accessClaims({ iat: now() - 7200, exp: now() - 3600 })));
    expect(refused.status).toBe(401);
    expect(refused.wwwAuthenticate).toBe(
      'Bearer scope="" error="invalid_token" error_description="the token has expired"',
    );
  });

  it('refuses a token signed by another key (forged)', async () => {
    const refused = await refusal(sign(accessClaims(), strangerKey.privateKey));
    expect(refused.status).toBe(401);
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const [header, , signature] = sign(accessClaims()).split('.');
    const refused = await refusal(`${header}.${b64url(accessClaims({ sub: 'user-2' }))}.${signature}`);
    expect(refused.status).toBe(401);
  });

  it('refuses a token from another issuer', async () => {
    const refused = await refusal(sign(accessClaims({ iss: 'http://127.0.0.1:1/other_pool' })));
    expect(refused.status).toBe(401);
    expect(refused.wwwAuthenticate).toContain('valid issuer');
  });

  it('refuses garbage', async () => {
    expect((await refusal('not-a-jwt')).status).toBe(401);
  });
});

describe('tokenFromAuthorizationHeader', () => {
  it('takes `Bearer <token>` and the bare token, like the identity source $request.header.Authorization', () => {
    expect(tokenFromAuthorizationHeader('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(tokenFromAuthorizationHeader('bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(tokenFromAuthorizationHeader('abc.def.ghi')).toBe('abc.def.ghi');
  });

  it('finds no token in an empty or malformed header', () => {
    expect(tokenFromAuthorizationHeader(undefined)).toBeUndefined();
    expect(tokenFromAuthorizationHeader('  ')).toBeUndefined();
    expect(tokenFromAuthorizationHeader('Basic dXNlcjpwYXNz extra')).toBeUndefined();
  });
});
