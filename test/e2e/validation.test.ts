/**
 * Bad bodies on every route of the route table that takes one: not JSON, wrong types, missing
 * fields and unknown fields are each a 400 problem+json naming the fields at fault, never a 5xx.
 */
import { type RouteSpec, routes } from '../../lib/catalog/routes';
import { api, call } from './support/api-client';
import { expectProblem, expectStatus } from './support/expectations';
import { bodyFixtures, concretePath, routeKey, takesBody } from './support/route-bodies';
import { createConfirmedUser } from './support/users';

jest.setTimeout(60_000);

const bodyRoutes = routes.filter(takesBody);

test('every route that takes a body has a fixture here', () => {
  expect(bodyRoutes.map(routeKey).filter((key) => !bodyFixtures[key])).toEqual([]);
});

describe.each(bodyRoutes.map((route) => [routeKey(route), route] as const))('%s', (key, route: RouteSpec) => {
  const fixture = bodyFixtures[key]!;
  /** Protected routes get a fresh user's token, so the authorizer lets the bad body through. */
  const tokenFor = async () => (route.auth === 'jwt' ? (await createConfirmedUser()).tokens.accessToken : undefined);
  const send = async (options: { body?: unknown; rawBody?: string }) =>
    call(route.method, concretePath(route), { ...options, token: await tokenFor() });

  test('a body that is not JSON: 400', async () => {
    expectProblem(await send({ rawBody: '{"email": "a@example.com",' }), 400, ['(root)']);
  });

  test('a JSON array instead of an object: 400', async () => {
    expectProblem(await send({ body: [fixture.valid] }), 400, ['(root)']);
  });

  test('every field of the wrong type: 400 naming each field', async () => {
    expectProblem(await send({ body: fixture.wrongTypes }), 400, Object.keys(fixture.wrongTypes));
  });

  test('an empty object: 400 naming the missing fields, or passed on when every field is optional', async () => {
    const result = await send({ body: {} });
    if (fixture.requiredOnEmpty === 'accepted') expect(result.status).not.toBe(400);
    else expectProblem(result, 400, fixture.requiredOnEmpty);
  });

  test('an unknown field next to valid ones: 400 naming it', async () => {
    expectProblem(await send({ body: { ...fixture.valid, unexpectedField: 'x' } }), 400, ['unexpectedField']);
  });
});

describe('no partial writes', () => {
  test('a PATCH with one valid and one invalid field changes nothing', async () => {
    const user = await createConfirmedUser({ name: 'Before' });
    const token = user.tokens.accessToken;
    const before = await api.get('/v1/me', { token });
    expectStatus(before, 200);
    const result = await api.patch('/v1/me', { name: 'After', homeCurrency: 'XXQ' }, { token });
    expectProblem(result, 400, ['homeCurrency']);
    const after = await api.get('/v1/me', { token });
    expect(after.json).toEqual(before.json);
    expect(after.json.name).toBe('Before');
  });
});
