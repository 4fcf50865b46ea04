/**
 * The goal routes against a real DynamoDB Local: what a client sees (status, problem fields, ETag,
 * progress figures) and what is stored afterwards (nothing, for every refusal).
 */
import { convertAtReference } from '../../../shared/kit/money/conversion';
import { snapshotRatesOn } from '../transactions/support/ledger-fixtures';
import { type LocalGoals, ofKind, startLocalGoals } from './support/local-goals';

jest.setTimeout(60_000);

let env: LocalGoals;
beforeAll(async () => {
  env = await startLocalGoals();
}, 90_000);
afterAll(async () => env?.stop());

let sequence = 0;
async function newUser(options: Parameters<LocalGoals['seedUser']>[1] = {}) {
  const userId = `goal-user-${++sequence}`;
  await env.seedUser(userId, options);
  return userId;
}

const goalBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Emergency fund',
  target: { amount: 300_000, currency: 'EUR' },
  deadline: '2030-12-31',
  funding: { kind: 'contributions' },
  ...overrides,
});

const createGoal = (userId: string, body: unknown = goalBody(), headers: Record<string, string> = {}) =>
  env.call('create', userId, { method: 'POST', path: '/v1/goals', body, headers });
const getGoal = (userId: string, id: string) =>
  env.call('get', userId, { method: 'GET', path: `/v1/goals/${id}`, pathParameters: { id } });
const patchGoal = (userId: string, id: string, body: unknown, headers: Record<string, string> = {}) =>
  env.call('update', userId, { method: 'PATCH', path: `/v1/goals/${id}`, pathParameters: { id }, body, headers });
const deleteGoal = (userId: string, id: string) =>
  env.call('remove', userId, { method: 'DELETE', path: `/v1/goals/${id}`, pathParameters: { id } });
const contribute = (userId: string, id: string, body: unknown, headers: Record<string, string> = {}) =>
  env.call('contribute', userId, {
    method: 'POST',
    path: `/v1/goals/${id}/contributions`,
    pathParameters: { id },
    body,
    headers,
  });
const listContributions = (userId: string, id: string, query?: Record<string, string>) =>
  env.call('contributions', userId, {
    method: 'GET',
    path: `/v1/goals/${id}/contributions`,
    pathParameters: { id },
    ...(query ? { queryStringParameters: query } : {}),
  });

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((error) => error.field);

describe('POST /v1/goals', () => {
  test('creates a goal and returns its progress view with ETag and Location', async () => {
    const userId = await newUser();
    const response = await createGoal(userId);
    expect(response.status).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(`/v1/goals/${response.body.id}`);
    expect(response.body).toMatchObject({
      name: 'Emergency fund',
      target: { amount: 300_000, currency: 'EUR' },
      deadline: '2030-12-31',
      funding: { kind: 'contributions' },
      saved: { amount: 0, currency: 'EUR' },
      remaining: { amount: 300_000, currency: 'EUR' },
      percent: 0,
      status: 'on-track',
      version: 1,
    });
    expect(response.body.requiredMonthly.currency).toBe('EUR');
    expect(response.body.requiredMonthly.amount).toBeGreaterThan(0);
    const read = await getGoal(userId, response.body.id);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(response.body);
  });

  test('without a deadline there is no monthly figure and the status says so', async () => {
    const userId = await newUser();
    const { body } = await createGoal(userId, goalBody({ deadline: undefined }));
    expect(body).toMatchObject({ deadline: null, requiredMonthly: null, status: 'no-deadline' });
  });

  test('an account-funded goal needs one of the caller’s own accounts', async () => {
    const owner = await newUser({ accounts: [{ accountId: 'acc-savings', kind: 'savings' }] });
    const other = await newUser();
    const created = await createGoal(owner, goalBody({ funding: { kind: 'account', accountId: 'acc-savings' } }));
    expect(created.status).toBe(201);
    expect(created.body.funding).toEqual({ kind: 'account', accountId: 'acc-savings' });
    // From now on the account's balance moves are published, so the goal tracker hears of them.
    expect(ofKind(await env.items(owner), 'ACCOUNT#')[0]).toMatchObject({ fundsGoal: true });

    // The other user has no such account: their key never reaches the owner's.
    const refused = await createGoal(other, goalBody({ funding: { kind: 'account', accountId: 'acc-savings' } }));
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused.body)).toEqual(['funding.accountId']);
    expect(ofKind(await env.items(other), 'GOAL#')).toHaveLength(0);
  });

  test.each([
    ['an unknown field', { colour: 'green' }, 'colour'],
    ['a decimal amount', { target: { amount: 12.5, currency: 'EUR' } }, 'target.amount'],
    ['an amount as a string', { target: { amount: '1250', currency: 'EUR' } }, 'target.amount'],
    ['a zero target', { target: { amount: 0, currency: 'EUR' } }, 'target.amount'],
    ['an amount out of range', { target: { amount: 10 ** 16, currency: 'EUR' } }, 'target.amount'],
    ['an unknown currency', { target: { amount: 100, currency: 'XYZ' } }, 'target.currency'],
    ['an unknown field in target', { target: { amount: 100, currency: 'EUR', cents: 1 } }, 'target.cents'],
    ['a deadline in the past', { deadline: '2020-01-01' }, 'deadline'],
    ['an impossible deadline', { deadline: '2030-02-30' }, 'deadline'],
    ['an unknown funding kind', { funding: { kind: 'lottery' } }, 'funding.kind'],
    ['an extra funding field', { funding: { kind: 'contributions', accountId: 'x' } }, 'funding.accountId'],
    ['an empty name', { name: '  ' }, 'name'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_label, overrides, field) => {
    const userId = await newUser();
    const response = await createGoal(userId, goalBody(overrides));
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(fieldsOf(response.body)).toContain(field);
    expect(ofKind(await env.items(userId), 'GOAL#')).toHaveLength(0);
  });

  test('an Idempotency-Key retry returns the first response and creates one goal', async () => {
    const userId = await newUser();
    const headers = { 'idempotency-key': 'goal-key-1' };
    const first = await createGoal(userId, goalBody(), headers);
    const again = await createGoal(userId, goalBody(), headers);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(ofKind(await env.items(userId), 'GOAL#')).toHaveLength(1);
    const reused = await createGoal(userId, goalBody({ name: 'Another' }), headers);
    expect(reused.status).toBe(422);
  });
});

describe('GET /v1/goals', () => {
  test('pages through the caller’s goals only, in creation order', async () => {
    const userId = await newUser();
    const other = await newUser();
    await createGoal(other);
    const ids: string[] = [];
    for (const name of ['A', 'B', 'C']) ids.push((await createGoal(userId, goalBody({ name }))).body.id);
    const first = await env.call('list', userId, { path: '/v1/goals', queryStringParameters: { limit: '2' } });
    expect(first.body.items.map((goal: { id: string }) => goal.id)).toEqual(ids.slice(0, 2));
    const second = await env.call('list', userId, {
      path: '/v1/goals',
      queryStringParameters: { limit: '2', cursor: first.body.nextCursor },
    });
    expect(second.body.items.map((goal: { id: string }) => goal.id)).toEqual(ids.slice(2));
    expect(second.body.nextCursor).toBeNull();
    // Someone else's cursor is refused, not followed.
    const foreign = await env.call('list', other, {
      path: '/v1/goals',
      queryStringParameters: { cursor: first.body.nextCursor },
    });
    expect(foreign.status).toBe(400);
    expect(fieldsOf(foreign.body)).toEqual(['cursor']);
    const unknown = await env.call('list', userId, { path: '/v1/goals', queryStringParameters: { sort: 'name' } });
    expect(fieldsOf(unknown.body)).toEqual(['sort']);
  });
});

describe('PATCH and DELETE /v1/goals/{id}', () => {
  test('changes name, target and deadline under If-Match; a stale ETag is 412 and changes nothing', async () => {
    const userId = await newUser();
    const { body: goal } = await createGoal(userId);
    const updated = await patchGoal(
      userId,
      goal.id,
      { name: 'Rainy day', target: { amount: 100_000, currency: 'EUR' }, deadline: null },
      { 'if-match': '"1"' },
    );
    expect(updated.status).toBe(200);
    expect(updated.headers.etag).toBe('"2"');
    expect(updated.body).toMatchObject({
      name: 'Rainy day',
      target: { amount: 100_000, currency: 'EUR' },
      deadline: null,
      status: 'no-deadline',
    });
    const stale = await patchGoal(userId, goal.id, { name: 'Lost update' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect((await getGoal(userId, goal.id)).body.name).toBe('Rainy day');
  });

  test('the target stays in the goal currency; unknown and derived fields are refused', async () => {
    const userId = await newUser();
    const { body: goal } = await createGoal(userId);
    const currency = await patchGoal(userId, goal.id, { target: { amount: 5000, currency: 'USD' } });
    expect(currency.status).toBe(400);
    expect(fieldsOf(currency.body)).toEqual(['target.currency']);
    const saved = await patchGoal(userId, goal.id, { saved: { amount: 1, currency: 'EUR' } });
    expect(fieldsOf(saved.body)).toContain('saved');
    const decimal = await patchGoal(userId, goal.id, { target: { amount: 10.5, currency: 'EUR' } });
    expect(fieldsOf(decimal.body)).toEqual(['target.amount']);
    expect((await getGoal(userId, goal.id)).body.version).toBe(1);
  });

  test('DELETE answers 204 once, then 404', async () => {
    const userId = await newUser();
    const { body: goal } = await createGoal(userId);
    expect((await deleteGoal(userId, goal.id)).status).toBe(204);
    expect((await getGoal(userId, goal.id)).status).toBe(404);
    expect((await deleteGoal(userId, goal.id)).status).toBe(404);
  });

  test('another user’s goal is 404 on every route, and nothing of it changes', async () => {
    const owner = await newUser();
    const intruder = await newUser();
    const { body: goal } = await createGoal(owner);
    const before = await env.items(owner);
    expect((await getGoal(intruder, goal.id)).status).toBe(404);
    expect((await patchGoal(intruder, goal.id, { name: 'Mine now' })).status).toBe(404);
    expect((await deleteGoal(intruder, goal.id)).status).toBe(404);
    expect((await contribute(intruder, goal.id, { money: { amount: 100, currency: 'EUR' } })).status).toBe(404);
    expect((await listContributions(intruder, goal.id)).status).toBe(404);
    expect(await env.items(owner)).toEqual(before);
    expect(ofKind(await env.items(intruder), 'G')).toHaveLength(0);
  });
});

describe('contributions', () => {
  test('a contribution counts at once, negative ones withdraw, and the list is newest first', async () => {
    const userId = await newUser();
    const { body: goal } = await createGoal(userId, goalBody({ target: { amount: 10_000, currency: 'EUR' } }));
    const first = await contribute(userId, goal.id, {
      money: { amount: 3000, currency: 'EUR' },
      date: '2026-01-05',
      note: 'Bonus',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      goalId: goal.id,
      money: { amount: 3000, currency: 'EUR' },
      date: '2026-01-05',
      note: 'Bonus',
    });
    await contribute(userId, goal.id, { money: { amount: -500, currency: 'EUR' } });
    const third = await contribute(userId, goal.id, { money: { amount: 1000, currency: 'EUR' } });
    const view = (await getGoal(userId, goal.id)).body;
    expect(view).toMatchObject({ saved: { amount: 3500, currency: 'EUR' }, remaining: { amount: 6500 }, percent: 35 });

    const page1 = await listContributions(userId, goal.id, { limit: '2' });
    expect(page1.body.items.map((c: { money: { amount: number } }) => c.money.amount)).toEqual([1000, -500]);
    expect(page1.body.items[0].id).toBe(third.body.id);
    const page2 = await listContributions(userId, goal.id, { limit: '2', cursor: page1.body.nextCursor });
    expect(page2.body.items.map((c: { id: string }) => c.id)).toEqual([first.body.id]);
    expect(page2.body.nextCursor).toBeNull();
  });

  test('money in another currency is converted at the ECB rate of its date', async () => {
    const userId = await newUser();
    const { body: goal } = await createGoal(userId);
    const response = await contribute(userId, goal.id, {
      money: { amount: 10_000, currency: 'USD' },
      date: '2026-01-05',
    });
    const rates = snapshotRatesOn('2026-01-05');
    if (!rates) throw new Error('the snapshot has 2026-01-05');
    const expected = Number(convertAtReference({ amount: 10_000, currency: 'USD' }, 'EUR', rates));
    expect(expected).toBe(8573); // 100 USD at 1.1664 USD/EUR
    expect(response.status).toBe(201);
    expect(response.body.money).toEqual({ amount: expected, currency: 'EUR' });
    expect((await getGoal(userId, goal.id)).body.saved).toEqual({ amount: expected, currency: 'EUR' });
  });

  test.each([
    ['a zero amount', { money: { amount: 0, currency: 'EUR' } }, 400, 'money.amount'],
    ['a decimal amount', { money: { amount: 1.5, currency: 'EUR' } }, 400, 'money.amount'],
    ['a string amount', { money: { amount: '15', currency: 'EUR' } }, 400, 'money.amount'],
    ['an unknown currency', { money: { amount: 15, currency: 'EURO' } }, 400, 'money.currency'],
    ['an unknown field', { money: { amount: 15, currency: 'EUR' }, goalId: 'x' }, 400, 'goalId'],
    ['a future date', { money: { amount: 15, currency: 'EUR' }, date: '2099-01-01' }, 400, 'date'],
    ['a currency without a reference rate', { money: { amount: 15, currency: 'AED' } }, 422, 'money.currency'],
  ])('refuses %s and writes nothing', async (_label, body, status, field) => {
    const userId = await newUser();
    const { body: goal } = await createGoal(userId);
    const before = await env.items(userId);
    const response = await contribute(userId, goal.id, body);
    expect(response.status).toBe(status);
    expect(fieldsOf(response.body)).toContain(field);
    expect(await env.items(userId)).toEqual(before);
  });

  test('an account-funded goal takes no contributions: 409, nothing written', async () => {
    const userId = await newUser({ accounts: [{ accountId: 'acc-savings' }] });
    const { body: goal } = await createGoal(
      userId,
      goalBody({ funding: { kind: 'account', accountId: 'acc-savings' } }),
    );
    const before = await env.items(userId);
    const response = await contribute(userId, goal.id, { money: { amount: 100, currency: 'EUR' } });
    expect(response.status).toBe(409);
    expect(response.body.type).toBe('urn:moneta:problem:goal-funded-by-account');
    expect(await env.items(userId)).toEqual(before);
  });

  test('an Idempotency-Key retry counts the contribution once', async () => {
    const userId = await newUser();
    const { body: goal } = await createGoal(userId);
    const headers = { 'idempotency-key': 'contrib-1' };
    const body = { money: { amount: 2500, currency: 'EUR' } };
    const first = await contribute(userId, goal.id, body, headers);
    const again = await contribute(userId, goal.id, body, headers);
    expect(again.body.id).toBe(first.body.id);
    expect((await getGoal(userId, goal.id)).body.saved.amount).toBe(2500);
    expect(ofKind(await env.items(userId), 'GCONTRIB#')).toHaveLength(1);
    // The same key for another goal is another request.
    const { body: other } = await createGoal(userId, goalBody({ name: 'Other' }));
    expect((await contribute(userId, other.id, body, headers)).status).toBe(422);
  });
});
