/**
 * Sessions that end and personal API tokens, through the API's Lambda authorizer. Every refusal is
 * awaited by polling within the revocation window (the authorizer's 5-second cache, plus margin
 * for a loaded machine), never by a blind sleep.
 */
import { AUTHORIZER_CACHE_TTL_SECONDS } from '../../lib/catalog/functions';
import { routes } from '../../lib/catalog/routes';
import { type ApiResult, api, call } from './support/api-client';
import { expectAuthorizerRefused, expectProblem, expectStatus, REFUSED_TOKEN_TYPE } from './support/expectations';
import { eventually } from './support/poll';
import { bodyFixtures, concretePath, routeKey, takesBody } from './support/route-bodies';
import { createConfirmedUser, login, type TestUser } from './support/users';

jest.setTimeout(60_000);

/** The window, with room for a loaded machine's invocation time. */
const WINDOW_MS = AUTHORIZER_CACHE_TTL_SECONDS * 1000 + 3_000;

const protectedRoutes = routes.filter((route) => route.auth === 'jwt');

/** Polls until the authorizer refuses the token (a route's own 401, e.g. account-deleted, does not count). */
const refusedWithinWindow = async (what: string, request: () => Promise<ApiResult>) => {
  const refused = await eventually(
    what,
    async () => {
      const result = await request();
      return result.status === 401 && result.json?.type === REFUSED_TOKEN_TYPE ? result : undefined;
    },
    { timeoutMs: WINDOW_MS, intervalMs: 250 },
  );
  expectAuthorizerRefused(refused);
  return refused;
};

/**
 * Every protected route refuses `token` (the cache of the first request has run out by then). The
 * route's own function answers the refusal, so the first walk starts every API function of the
 * local cloud: a few routes at a time, and the tests that walk get EVERY_ROUTE_TIMEOUT_MS.
 */
async function expectRefusedEverywhere(token: string): Promise<void> {
  await refusedWithinWindow('the token to be refused', () => api.get('/v1/me', { token }));
  const pending = [...protectedRoutes];
  const walk = async () => {
    for (let route = pending.shift(); route; route = pending.shift()) {
      const body = takesBody(route) ? bodyFixtures[routeKey(route)]?.valid : undefined;
      const result = await call(route.method, concretePath(route), { body, token });
      expect({ route: routeKey(route), status: result.status }).toEqual({ route: routeKey(route), status: 401 });
      expectAuthorizerRefused(result);
    }
  };
  await Promise.all(Array.from({ length: 4 }, walk));
}

/** A ceiling for the tests that walk every route, not a measure: cold functions start on the first walk. */
const EVERY_ROUTE_TIMEOUT_MS = 6 * 60_000;

async function createToken(user: TestUser, scopes: string[], name = 'script') {
  const created = await api.post(
    '/v1/tokens',
    { name, scopes, password: user.password },
    { token: user.tokens.accessToken },
  );
  expectStatus(created, 201);
  return created.json as { id: string; token: string; scopes: string[] };
}

describe('sessions', () => {
  test(
    'after logout every route refuses the old access token, and another session of the user goes on',
    async () => {
      const user = await createConfirmedUser();
      const other = await login(user.email, user.password);
      const refreshed = await api.post('/v1/auth/refresh', { refreshToken: user.tokens.refreshToken });
      expectStatus(refreshed, 200);

      const session = await api.get('/v1/auth/session', { token: user.tokens.accessToken });
      expectStatus(session, 200);
      expect(session.json).toMatchObject({ valid: true, principal: 'session', userId: user.userId });
      expect(session.json.sessionId).toEqual(expect.any(String));

      expectStatus(
        await api.post(
          '/v1/auth/logout',
          { refreshToken: user.tokens.refreshToken },
          { token: user.tokens.accessToken },
        ),
        204,
      );
      await expectRefusedEverywhere(user.tokens.accessToken);
      // A token refreshed from the same sign-in is the same session: refused too.
      expectAuthorizerRefused(await api.get('/v1/auth/session', { token: refreshed.json.accessToken }));
      // The refresh token was revoked at Cognito.
      expectProblem(await api.post('/v1/auth/refresh', { refreshToken: user.tokens.refreshToken }), 401);

      const still = await api.get('/v1/auth/session', { token: other.accessToken });
      expectStatus(still, 200);
      expect(still.json.sessionId).not.toBe(session.json.sessionId);
      expectStatus(await api.get('/v1/me', { token: other.accessToken }), 200);
    },
    EVERY_ROUTE_TIMEOUT_MS,
  );

  test(
    'after logout-all every session and every API token is refused; a new sign-in works',
    async () => {
      const user = await createConfirmedUser();
      const second = await login(user.email, user.password);
      const token = await createToken(user, ['read', 'write']);
      expectStatus(await api.get('/v1/me', { token: token.token }), 200);

      expectStatus(await api.post('/v1/auth/logout-all', {}, { token: second.accessToken }), 204);
      await expectRefusedEverywhere(user.tokens.accessToken);
      await refusedWithinWindow('the second session to be refused', () =>
        api.get('/v1/auth/session', { token: second.accessToken }),
      );
      await refusedWithinWindow('the API token to be refused', () => api.get('/v1/me', { token: token.token }));
      expectProblem(await api.post('/v1/auth/refresh', { refreshToken: second.refreshToken }), 401);

      // Tokens are issued with second resolution: a sign-in in the same second as logout-all would be
      // refused, so the new one waits for the next second by polling until it is accepted.
      const fresh = await eventually('a new sign-in to be accepted', async () => {
        const tokens = await login(user.email, user.password);
        return (await api.get('/v1/auth/session', { token: tokens.accessToken })).status === 200 ? tokens : undefined;
      });
      expectStatus(await api.get('/v1/me', { token: fresh.accessToken }), 200);
    },
    EVERY_ROUTE_TIMEOUT_MS,
  );
});

describe('personal API tokens', () => {
  test('a read token reads and is refused on writes; the list shows it without the secret', async () => {
    const user = await createConfirmedUser();
    const token = await createToken(user, ['read'], 'spreadsheet');
    expect(token.token).toMatch(/^mnt_[A-Za-z0-9_-]{43}$/);

    const me = await api.get('/v1/me', { token: token.token });
    expectStatus(me, 200);
    expect(me.json.id).toBe(user.userId);
    expectStatus(await api.get('/v1/accounts', { token: token.token }), 200);
    const write = await api.post(
      '/v1/accounts',
      { name: 'Nope', kind: 'checking', currency: 'EUR' },
      { token: token.token },
    );
    expectProblem(write, 403);
    expect(write.json.type).toBe('urn:moneta:problem:insufficient-scope');

    const list = await api.get('/v1/tokens', { token: user.tokens.accessToken });
    expectStatus(list, 200);
    expect(list.json.items).toEqual([
      expect.objectContaining({ id: token.id, name: 'spreadsheet', scopes: ['read'], expiresAt: null }),
    ]);
    expect(list.json.items[0].lastUsedAt).toEqual(expect.any(String));
    expect(list.text).not.toContain(token.token);
  });

  test('a write token writes; a revoked token is refused at once', async () => {
    const user = await createConfirmedUser();
    const token = await createToken(user, ['read', 'write']);
    expectStatus(
      await api.post('/v1/accounts', { name: 'Scripted', kind: 'checking', currency: 'EUR' }, { token: token.token }),
      201,
    );
    expectStatus(await api.delete(`/v1/tokens/${token.id}`, { token: user.tokens.accessToken }), 204);
    await refusedWithinWindow('the revoked token to be refused', () => api.get('/v1/me', { token: token.token }));
    expectProblem(await api.delete(`/v1/tokens/${token.id}`, { token: user.tokens.accessToken }), 404);
  });

  test('a token never reaches auth, token, account-deletion, email or MFA routes', async () => {
    const user = await createConfirmedUser();
    const token = await createToken(user, ['read', 'write']);
    const refusedRoutes = routes.filter((route) => route.auth === 'jwt' && !route.tokens);
    expect(refusedRoutes.map(routeKey)).toEqual(
      expect.arrayContaining([
        'POST /v1/auth/logout',
        'POST /v1/auth/logout-all',
        'GET /v1/auth/session',
        'POST /v1/tokens',
        'GET /v1/tokens',
        'DELETE /v1/tokens/{id}',
        'DELETE /v1/me',
        'POST /v1/me/email',
        'DELETE /v1/me/mfa',
      ]),
    );
    for (const route of refusedRoutes) {
      const body = takesBody(route) ? bodyFixtures[routeKey(route)]?.valid : undefined;
      const result = await call(route.method, concretePath(route), { body, token: token.token });
      expectProblem(result, 403);
      expect({ route: routeKey(route), type: result.json.type }).toEqual({
        route: routeKey(route),
        type: 'urn:moneta:problem:token-not-allowed',
      });
    }
    // Nothing happened: the account and the token are both still there.
    expectStatus(await api.get('/v1/me', { token: token.token }), 200);
  });

  test('creating a token is re-authenticated: a wrong password is 403 and creates nothing', async () => {
    const user = await createConfirmedUser();
    const refused = await api.post(
      '/v1/tokens',
      { name: 'x', scopes: ['read'], password: `${user.password}x` },
      { token: user.tokens.accessToken },
    );
    expectProblem(refused, 403);
    const list = await api.get('/v1/tokens', { token: user.tokens.accessToken });
    expect(list.json.items).toEqual([]);
  });

  test("one user can neither list nor revoke another user's tokens", async () => {
    const owner = await createConfirmedUser();
    const intruder = await createConfirmedUser();
    const token = await createToken(owner, ['read']);
    const list = await api.get('/v1/tokens', { token: intruder.tokens.accessToken });
    expectStatus(list, 200);
    expect(list.json.items).toEqual([]);
    expectProblem(await api.delete(`/v1/tokens/${token.id}`, { token: intruder.tokens.accessToken }), 404);
    expectStatus(await api.get('/v1/me', { token: token.token }), 200);
  });

  test('a token dies with its account', async () => {
    const user = await createConfirmedUser();
    const token = await createToken(user, ['read']);
    expectStatus(
      await api.delete('/v1/me', { token: user.tokens.accessToken, body: { password: user.password } }),
      202,
    );
    await refusedWithinWindow('the token of the deleted account to be refused', () =>
      api.get('/v1/me', { token: token.token }),
    );
  });
});
