/**
 * The API authorizer's decisions (shared/sessions/authorize.ts), with real RS256 tokens verified
 * by aws-jwt-verify against a JWKS served on loopback, and an in-memory session store.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAccessTokenVerifier } from '../../../shared/sessions/access-tokens';
import { type AuthorizerEvent, createAuthorizer } from '../../../shared/sessions/authorize';
import type { ApiToken, SessionState } from '../../../shared/sessions/items';
import { hashApiTokenSecret, newApiTokenSecret } from '../../../shared/sessions/secrets';

const CLIENT_ID = 'client-1';
const SCOPE = 'aws.cognito.signin.user.admin';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' };

let server: Server;
let issuer: string;

beforeAll(async () => {
  server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pool`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * A refusal: let through, so that the route's handler kit answers the contract's 401 problem (API
 * Gateway would answer `isAuthorized: false` with a 403 that is not one), with why and no principal.
 */
const refused = (reason: string) => ({ isAuthorized: true, context: { refused: reason } });

function jwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg: 'RS256', kid: 'k1', typ: 'JWT' })}.${encode(claims)}`;
  return `${input}.${sign('RSA-SHA256', Buffer.from(input), privateKey).toString('base64url')}`;
}

function accessToken(overrides: Record<string, unknown> = {}): string {
  return jwt({
    sub: 'user-1',
    iss: issuer,
    client_id: CLIENT_ID,
    token_use: 'access',
    scope: SCOPE,
    iat: nowSeconds() - 10,
    exp: nowSeconds() + 3600,
    jti: 'jti-1',
    origin_jti: 'origin-1',
    ...overrides,
  });
}

function fakeStore() {
  const states = new Map<string, SessionState>();
  const tokens = new Map<string, ApiToken & { secretHash: string }>();
  const touched: string[] = [];
  return {
    states,
    tokens,
    touched,
    async readState(userId: string) {
      return states.get(userId) ?? { validAfter: 0, revoked: {} };
    },
    async findToken(secretHash: string) {
      return tokens.get(secretHash);
    },
    async touchToken(secretHash: string) {
      touched.push(secretHash);
    },
  };
}

function setup() {
  const store = fakeStore();
  const authorize = createAuthorizer({
    verifyAccessToken: createAccessTokenVerifier({ issuer, clientId: CLIENT_ID }),
    store,
  });
  const ask = (authorization: string) => authorize({ identitySource: [authorization] } satisfies AuthorizerEvent);
  return { store, ask };
}

describe('Cognito access tokens', () => {
  it('allows a valid one, with the contract context: sub, session principal, scopes, sessionId', async () => {
    const { ask } = setup();
    expect(await ask(`Bearer ${accessToken()}`)).toEqual({
      isAuthorized: true,
      context: { sub: 'user-1', principal: 'session', scopes: 'read write', sessionId: 'origin-1' },
    });
  });

  it.each([
    ['expired', { exp: nowSeconds() - 1 }],
    ['another app client', { client_id: 'someone-else' }],
    ['an ID token', { token_use: 'id', aud: CLIENT_ID }],
    ['without the scope', { scope: 'openid' }],
    ['another issuer', { iss: 'https://cognito-idp.eu-west-1.amazonaws.com/other' }],
  ])('refuses one that is %s', async (_why, overrides) => {
    const { ask } = setup();
    expect(await ask(`Bearer ${accessToken(overrides)}`)).toEqual(refused('invalid-token'));
  });

  it('refuses a forged signature', async () => {
    const { ask } = setup();
    const [header, payload] = accessToken().split('.');
    expect(await ask(`Bearer ${header}.${payload}.${Buffer.from('forged').toString('base64url')}`)).toEqual(
      refused('invalid-token'),
    );
  });

  it('refuses every token of a session ended by logout (its origin_jti), and only those', async () => {
    const { ask, store } = setup();
    store.states.set('user-1', { validAfter: 0, revoked: { 'origin-1': nowSeconds() + 3600 } });
    expect(await ask(`Bearer ${accessToken({ jti: 'refreshed' })}`)).toEqual(refused('session-ended'));
    expect((await ask(`Bearer ${accessToken({ origin_jti: 'origin-2' })}`)).context).toMatchObject({ sub: 'user-1' });
  });

  it('refuses tokens issued before the valid-after instant (logout-all, account deletion), not those after', async () => {
    const { ask, store } = setup();
    store.states.set('user-1', { validAfter: nowSeconds(), revoked: {} });
    expect(await ask(`Bearer ${accessToken({ iat: nowSeconds() - 60 })}`)).toEqual(refused('signed-out'));
    expect((await ask(`Bearer ${accessToken({ iat: nowSeconds() + 1 })}`)).context).toMatchObject({ sub: 'user-1' });
  });

  it('refuses a missing or malformed credential', async () => {
    const { ask } = setup();
    expect(await ask('')).toEqual(refused('no-token'));
    expect(await ask('Bearer not-a-jwt')).toEqual(refused('invalid-token'));
    expect(await ask('Basic a b')).toEqual(refused('no-token'));
  });
});

describe('personal API tokens', () => {
  function withToken(overrides: Partial<ApiToken> = {}) {
    const context = setup();
    const secret = newApiTokenSecret();
    const secretHash = hashApiTokenSecret(secret);
    context.store.tokens.set(secretHash, {
      tokenId: 'tok-1',
      userId: 'user-1',
      name: 'sheet',
      scopes: ['read'],
      createdAt: new Date().toISOString(),
      expiresAt: null,
      lastUsedAt: null,
      secretHash,
      ...overrides,
    });
    return { ...context, secret, secretHash };
  }

  it('finds a token by the hash of its secret and passes its scopes and id', async () => {
    const { ask, secret, secretHash, store } = withToken();
    expect(await ask(`Bearer ${secret}`)).toEqual({
      isAuthorized: true,
      context: { sub: 'user-1', principal: 'token', scopes: 'read', tokenId: 'tok-1' },
    });
    // First use recorded; the stored hash is not the secret.
    expect(store.touched).toEqual([secretHash]);
    expect(secretHash).not.toContain(secret.slice(4));
  });

  it('records a use at most once a minute', async () => {
    const { ask, secret, store } = withToken({ lastUsedAt: new Date(Date.now() - 10_000).toISOString() });
    await ask(`Bearer ${secret}`);
    expect(store.touched).toEqual([]);
  });

  it('refuses an expired token', async () => {
    const { ask, secret } = withToken({ expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect(await ask(`Bearer ${secret}`)).toEqual(refused('expired-token'));
  });

  it('refuses a revoked (deleted) or unknown token', async () => {
    const { ask, secret, secretHash, store } = withToken();
    store.tokens.delete(secretHash);
    expect(await ask(`Bearer ${secret}`)).toEqual(refused('unknown-token'));
    expect(await ask(`Bearer ${newApiTokenSecret()}`)).toEqual(refused('unknown-token'));
    expect(await ask('Bearer mnt_short')).toEqual(refused('unknown-token'));
  });
});
