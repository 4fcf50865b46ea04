/**
 * The API's Lambda authorizer on every protected route of the route table: no token is a 401 (API
 * Gateway answers it without asking the authorizer); a malformed, forged or expired token, an ID
 * token and an unknown API token are refused by the authorizer, which lets the request through
 * marked refused, and the route answers 401 problem+json (`urn:moneta:problem:unauthorized`,
 * `WWW-Authenticate: Bearer error="invalid_token"`) before doing anything else. After each refusal
 * the user's profile is checked intact, so a refused DELETE or PATCH provably did nothing.
 */
import { routes } from '../../lib/catalog/routes';
import { api, call } from './support/api-client';
import { expectAuthorizerRefused, expectGatewayUnauthorized, expectStatus } from './support/expectations';
import { bodyFixtures, concretePath, routeKey, takesBody } from './support/route-bodies';
import { testWithIssuerKey } from './support/targets';
import { cognitoLocalSigningKey, decodeJwt, expiredCopy, forgedCopy, signJwt } from './support/tokens';
import { createConfirmedUser, type TestUser } from './support/users';

jest.setTimeout(60_000);

const protectedRoutes = routes.filter((route) => route.auth === 'jwt');

test('the route table has protected routes to check', () => {
  expect(protectedRoutes.length).toBeGreaterThan(0);
});

async function expectProfileIntact(user: TestUser): Promise<void> {
  const me = await api.get('/v1/me', { token: user.tokens.accessToken });
  expectStatus(me, 200);
  expect(me.json).toMatchObject({ id: user.userId, email: user.email });
}

describe.each(protectedRoutes.map((route) => [routeKey(route), route] as const))('%s', (_name, route) => {
  // A valid body, so the only thing wrong with each request is its token.
  const body = takesBody(route) ? bodyFixtures[routeKey(route)]?.valid : undefined;
  const send = (token?: string) => call(route.method, concretePath(route), { body, token });

  test('without a token: 401 from the gateway', async () => {
    expectGatewayUnauthorized(await send());
  });

  test('with a malformed bearer value: refused', async () => {
    expectAuthorizerRefused(await send('not-a-jwt'));
  });

  test('with an unknown personal API token: refused', async () => {
    expectAuthorizerRefused(await send(`mnt_${'A'.repeat(43)}`));
  });

  test('with a forged token (same claims and kid, another key): refused, and nothing changes', async () => {
    const user = await createConfirmedUser();
    expectAuthorizerRefused(await send(forgedCopy(user.tokens.accessToken)));
    await expectProfileIntact(user);
  });

  testWithIssuerKey('with an expired but otherwise valid token: refused, and nothing changes', async () => {
    const user = await createConfirmedUser();
    // The suite can only re-sign tokens whose issuer key it holds: cognito-local's.
    expect(decodeJwt(user.tokens.accessToken).header.kid).toBe('CognitoLocal');
    expectAuthorizerRefused(await send(expiredCopy(user.tokens.accessToken, cognitoLocalSigningKey())));
    await expectProfileIntact(user);
  });

  test('with an ID token instead of the access token: refused, and nothing changes', async () => {
    const user = await createConfirmedUser();
    expectAuthorizerRefused(await send(user.tokens.idToken));
    await expectProfileIntact(user);
  });
});

describe('control: the tokens that are refused above differ only in what the gateway must check', () => {
  test('the genuine access token is accepted', async () => {
    const user = await createConfirmedUser();
    await expectProfileIntact(user);
  });

  testWithIssuerKey('a token re-signed with the issuer key but not yet expired is accepted', async () => {
    // Proves the expired-token refusal is about `exp`, not about the suite's signing.
    const user = await createConfirmedUser();
    const { header, payload } = decodeJwt(user.tokens.accessToken);
    const resigned = signJwt(
      { header, payload: { ...payload, exp: Math.floor(Date.now() / 1000) + 600 } },
      cognitoLocalSigningKey(),
    );
    const me = await api.get('/v1/me', { token: resigned });
    expectStatus(me, 200);
    expect(me.json.id).toBe(user.userId);
  });
});
