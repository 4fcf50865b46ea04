/** DELETE /v1/me: the account is gone for the user at once, and their data within seconds. */
import { api } from './support/api-client';
import { expectProblem, expectStatus } from './support/expectations';
import { eventually, sleep } from './support/poll';
import { closeTable, userItemSortKeys } from './support/table';
import { createConfirmedUser } from './support/users';

jest.setTimeout(60_000);

afterAll(() => closeTable());

test('deleting the account stops login, 404s the profile and removes every item of the user', async () => {
  const user = await createConfirmedUser();
  const token = user.tokens.accessToken;
  // Give the user more than one item's worth of history (the update is published and consumed too).
  expectStatus(await api.patch('/v1/me', { name: 'Soon gone' }, { token }), 200);
  expect(await userItemSortKeys(user.userId)).toContain('PROFILE');

  const deleted = await api.delete('/v1/me', { token });
  expectStatus(deleted, 202);
  expect(deleted.json).toEqual({ status: 'deleting' });

  expectProblem(await api.post('/v1/auth/login', { email: user.email, password: user.password }), 401);
  // The access token has not expired yet; it must still not reach a profile.
  expectProblem(await api.get('/v1/me', { token }), 404);

  const started = Date.now();
  await eventually(
    `every item of USER#${user.userId} to be deleted`,
    async () => ((await userItemSortKeys(user.userId)).length === 0 ? true : undefined),
    { timeoutMs: 10_000, intervalMs: 200 },
  );
  console.log(JSON.stringify({ metric: 'delete_to_empty_partition_ms', value: Date.now() - started }));
  // Late consumers (a notification log, a budget's applied state) must not bring items back.
  await sleep(1_500);
  expect(await userItemSortKeys(user.userId)).toEqual([]);
});

test('a deleted account can no longer be changed with its old token', async () => {
  const user = await createConfirmedUser();
  const token = user.tokens.accessToken;
  expectStatus(await api.delete('/v1/me', { token }), 202);
  expectProblem(await api.patch('/v1/me', { name: 'Ghost' }, { token }), 404);
  await sleep(1_500);
  expect((await userItemSortKeys(user.userId)).filter((sk) => sk === 'PROFILE')).toEqual([]);
});
