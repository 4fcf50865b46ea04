/** DELETE /v1/me: the account is gone for the user at once, and their data within seconds. */
import { type ApiResult, api } from './support/api-client';
import { expectAuthorizerRefused, expectProblem, expectStatus, REFUSED_TOKEN_TYPE } from './support/expectations';
import { createAccount, createTransaction, ledgerUser } from './support/ledger';
import { isLocalCloud } from './support/outputs';
import { eventually, sleep } from './support/poll';
import { settle } from './support/settle';
import { closeTable, userItemSortKeys } from './support/table';
import { untilQuiescent } from './support/targets';
import { createConfirmedUser } from './support/users';

// Waits for quiescence with settle(), the local bus's idle signal: skipped (and said so) elsewhere.
const { test } = untilQuiescent('account deletion');

jest.setTimeout(60_000);

afterAll(() => closeTable());

/**
 * The refusal every route gives a token whose account was deleted (it has not expired yet): 401
 * account-deleted from the route until the authorizer's cached answer for the token has run out
 * (at most 5 s), then 401 unauthorized, the authorizer's refusal of a signed-out token.
 */
function expectAccountDeleted(result: ApiResult): void {
  expectProblem(result, 401);
  if (result.json.type === REFUSED_TOKEN_TYPE) {
    expectAuthorizerRefused(result);
    return;
  }
  expect(result.json.type).toBe('urn:moneta:problem:account-deleted');
}

const emptyPartition = (userId: string) =>
  eventually(
    `every item of USER#${userId} to be deleted`,
    async () => ((await userItemSortKeys(userId)).length === 0 ? true : undefined),
    { timeoutMs: 10_000, intervalMs: 200 },
  );

test('deleting the account stops login, refuses the profile and removes every item of the user', async () => {
  const user = await createConfirmedUser();
  const token = user.tokens.accessToken;
  // Give the user more than one item's worth of history (the update is published and consumed too).
  expectStatus(await api.patch('/v1/me', { name: 'Soon gone' }, { token }), 200);
  expect(await userItemSortKeys(user.userId)).toContain('PROFILE');

  const deleted = await api.delete('/v1/me', { token, body: { password: user.password } });
  expectStatus(deleted, 202);
  expect(deleted.json).toEqual({ status: 'deleting' });

  expectProblem(await api.post('/v1/auth/login', { email: user.email, password: user.password }), 401);
  // The access token has not expired yet; it must still not reach a profile.
  expectAccountDeleted(await api.get('/v1/me', { token }));

  const started = Date.now();
  await emptyPartition(user.userId);
  console.log(JSON.stringify({ metric: 'delete_to_empty_partition_ms', value: Date.now() - started }));
  // Late consumers (a notification log, a budget's applied state) must not bring items back.
  await sleep(1_500);
  expect(await userItemSortKeys(user.userId)).toEqual([]);
});

test('the audit trail goes with the account, and the erasure writes none back', async () => {
  const user = await ledgerUser();
  const { token } = user;
  const account = await createAccount(user, { currency: 'EUR' });
  expectStatus(await api.patch(`/v1/accounts/${account.id}`, { name: 'Renamed' }, { token }), 200);
  await eventually(
    'the rename in the audit trail',
    async () => {
      const trail = await api.get(`/v1/audit?entity=account&entityId=${account.id}`, { token });
      return (trail.json.items as { operation: string }[]).some((entry) => entry.operation === 'updated')
        ? true
        : undefined;
    },
    { timeoutMs: 10_000, intervalMs: 200 },
  );
  expect((await userItemSortKeys(user.userId)).some((sk) => sk.startsWith('AUDIT#'))).toBe(true);

  expectStatus(await api.delete('/v1/me', { token, body: { password: user.password } }), 202);
  await emptyPartition(user.userId);
  // Every deletion of the erasure is published and reaches the audit consumer: none may write.
  if (isLocalCloud()) await settle({ timeoutMs: 45_000 });
  else await sleep(1_500);
  expect(await userItemSortKeys(user.userId)).toEqual([]);
  expectAccountDeleted(await api.get('/v1/audit', { token }));
});

test('a deleted account can no longer be changed with its old token', async () => {
  const user = await createConfirmedUser();
  const token = user.tokens.accessToken;
  expectStatus(await api.delete('/v1/me', { token, body: { password: user.password } }), 202);
  expectAccountDeleted(await api.patch('/v1/me', { name: 'Ghost' }, { token }));
  await sleep(1_500);
  expect((await userItemSortKeys(user.userId)).filter((sk) => sk === 'PROFILE')).toEqual([]);
});

test('after the erasure, the old access token can neither write nor read anything', async () => {
  const user = await ledgerUser();
  const { token } = user;
  const account = await createAccount(user, { currency: 'EUR' });
  await createTransaction(user, { accountId: account.id, money: { amount: 1250, currency: 'EUR' } });

  expectStatus(await api.delete('/v1/me', { token, body: { password: user.password } }), 202);
  await emptyPartition(user.userId);
  // On the local cloud, wait until the eraser (and every other consumer) has finished for good.
  if (isLocalCloud()) await settle({ timeoutMs: 45_000 });

  expectAccountDeleted(
    await api.post('/v1/accounts', { name: 'Orphan', kind: 'checking', currency: 'EUR' }, { token }),
  );
  expectAccountDeleted(
    await api.post(
      '/v1/transactions',
      { kind: 'expense', accountId: account.id, money: { amount: 990, currency: 'EUR' } },
      { token },
    ),
  );
  expectAccountDeleted(await api.get('/v1/accounts', { token }));
  expectAccountDeleted(await api.get(`/v1/accounts/${account.id}`, { token }));
  expectAccountDeleted(await api.get('/v1/currencies', { token }));
  // The identity route skips the account check: Cognito itself refuses a deleted user's token.
  const changed = await api.post(
    '/v1/auth/change-password',
    { currentPassword: user.password, newPassword: `${user.password}-new` },
    { token },
  );
  expect(changed.status).toBeGreaterThanOrEqual(400);
  expect(changed.status).toBeLessThan(500);

  // Nothing was stored for the user, and nothing a refused request set off arrives later.
  expect(await userItemSortKeys(user.userId)).toEqual([]);
  await sleep(1_500);
  expect(await userItemSortKeys(user.userId)).toEqual([]);
}, 90_000);

test('without the password, or with a wrong one, nothing is deleted; the right one deletes', async () => {
  const user = await ledgerUser();
  const { token } = user;
  const account = await createAccount(user, { currency: 'EUR' });
  const itemsBefore = await userItemSortKeys(user.userId);

  expectProblem(await api.delete('/v1/me', { token }), 400);
  expectProblem(await api.delete('/v1/me', { token, body: {} }), 400, ['password']);
  const wrong = await api.delete('/v1/me', { token, body: { password: `${user.password}x` } });
  expectProblem(wrong, 403);
  expect(wrong.json.type).toBe('urn:moneta:problem:reauthentication-failed');

  expectStatus(await api.get('/v1/me', { token }), 200);
  expectStatus(await api.get(`/v1/accounts/${account.id}`, { token }), 200);
  expect(await userItemSortKeys(user.userId)).toEqual(expect.arrayContaining(itemsBefore));
  expectStatus(await api.post('/v1/auth/login', { email: user.email, password: user.password }), 200);

  expectStatus(await api.delete('/v1/me', { token, body: { password: user.password } }), 202);
  expectAccountDeleted(await api.get('/v1/me', { token }));
  expectProblem(await api.post('/v1/auth/login', { email: user.email, password: user.password }), 401);
  await emptyPartition(user.userId);
});

test('a retried deletion (its answer lost) finishes as the first did: 202, nothing left behind', async () => {
  const user = await ledgerUser();
  const { token } = user;
  await createAccount(user, { currency: 'EUR' });
  const first = await api.delete('/v1/me', { token, body: { password: user.password } });
  expectStatus(first, 202);
  // The client never saw that answer and tries again with what it has: the same token and password.
  const again = await api.delete('/v1/me', { token, body: { password: user.password } });
  expectStatus(again, 202);
  expect(again.json).toEqual(first.json);
  expectAccountDeleted(await api.get('/v1/me', { token }));
  await emptyPartition(user.userId);
});

test('repeated wrong passwords are throttled for that user only: 429 with Retry-After', async () => {
  const [user, other] = await Promise.all([createConfirmedUser(), createConfirmedUser()]);
  const token = user.tokens.accessToken;
  for (let attempt = 0; attempt < 5; attempt++) {
    expectProblem(await api.delete('/v1/me', { token, body: { password: `wrong-${attempt}` } }), 403);
  }
  // Even the right password waits now, and the account stays.
  const blocked = await api.delete('/v1/me', { token, body: { password: user.password } });
  expectProblem(blocked, 429);
  expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  expectStatus(await api.get('/v1/me', { token }), 200);

  // Another user is not slowed by it.
  expectStatus(
    await api.delete('/v1/me', { token: other.tokens.accessToken, body: { password: other.password } }),
    202,
  );
});
