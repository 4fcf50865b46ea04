/** Two users side by side: neither can see, change or delete what belongs to the other. */
import { api } from './support/api-client';
import { expectProblem, expectStatus } from './support/expectations';
import { eventually } from './support/poll';
import { closeTable, userItemSortKeys } from './support/table';
import { createConfirmedUser, login } from './support/users';

jest.setTimeout(60_000);

afterAll(() => closeTable());

test("B's GET /v1/me returns B's profile, never A's", async () => {
  const [a, b] = await Promise.all([createConfirmedUser({ name: 'Alice' }), createConfirmedUser({ name: 'Bob' })]);
  const meA = await api.get('/v1/me', { token: a.tokens.accessToken });
  const meB = await api.get('/v1/me', { token: b.tokens.accessToken });
  expectStatus(meA, 200);
  expectStatus(meB, 200);
  expect(meA.json).toMatchObject({ id: a.userId, email: a.email, name: 'Alice' });
  expect(meB.json).toMatchObject({ id: b.userId, email: b.email, name: 'Bob' });
  expect(a.userId).not.toBe(b.userId);
});

test("B's PATCH changes B only, even when B names A's id or email", async () => {
  const [a, b] = await Promise.all([createConfirmedUser({ name: 'Alice' }), createConfirmedUser({ name: 'Bob' })]);
  const before = await api.get('/v1/me', { token: a.tokens.accessToken });

  expectStatus(await api.patch('/v1/me', { name: 'Bobby', homeCurrency: 'USD' }, { token: b.tokens.accessToken }), 200);
  expectProblem(
    await api.patch('/v1/me', { userId: a.userId, name: 'Mallory' }, { token: b.tokens.accessToken }),
    400,
    ['userId'],
  );
  expectProblem(await api.patch('/v1/me', { email: a.email }, { token: b.tokens.accessToken }), 400, ['email']);

  const after = await api.get('/v1/me', { token: a.tokens.accessToken });
  expect(after.json).toEqual(before.json);
  expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
  expect((await api.get('/v1/me', { token: b.tokens.accessToken })).json).toMatchObject({
    id: b.userId,
    name: 'Bobby',
    homeCurrency: 'USD',
  });
});

test('B deleting their account leaves A intact: profile, login and stored items', async () => {
  const [a, b] = await Promise.all([createConfirmedUser({ name: 'Alice' }), createConfirmedUser({ name: 'Bob' })]);
  const beforeA = await api.get('/v1/me', { token: a.tokens.accessToken });
  const itemsOfA = await userItemSortKeys(a.userId);
  expect(itemsOfA).toContain('PROFILE');

  expectStatus(await api.delete('/v1/me', { token: b.tokens.accessToken, body: { password: b.password } }), 202);
  // Wait until B's deletion has fully run, so A is checked after the eraser, not before it.
  await eventually("B's partition to be empty", async () =>
    (await userItemSortKeys(b.userId)).length === 0 ? true : undefined,
  );

  const afterA = await api.get('/v1/me', { token: a.tokens.accessToken });
  expectStatus(afterA, 200);
  expect(afterA.json).toEqual(beforeA.json);
  expect(await userItemSortKeys(a.userId)).toEqual(expect.arrayContaining(itemsOfA));
  await login(a.email, a.password);
});
