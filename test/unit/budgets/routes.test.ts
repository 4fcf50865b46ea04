/**
 * The budget routes, handler to table, against a real DynamoDB Local: what a user sees (status,
 * problem fields, ETag, figures) and, for refusals and other users, that nothing changed.
 */

import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { BudgetPeriodEntity } from '../../../shared/budgets/items';
import { periodOf } from '../../../shared/budgets/periods';
import type { HttpApiEvent, HttpApiResult } from '../../../shared/kit/http/api-handler';
import { todayIn } from '../../../shared/transactions/schemas';
import { type HttpEventInput, httpEvent, lambdaContext, parseResponse } from '../support/http-event';
import { type BudgetTable, startBudgetTable, TABLE } from './support/budget-table';

jest.setTimeout(60_000);

type Handler = (event: HttpApiEvent, context: ReturnType<typeof lambdaContext>) => Promise<HttpApiResult>;
let table: BudgetTable;
let routes: Record<'create' | 'list' | 'get' | 'update' | 'remove' | 'periods', Handler>;

beforeAll(async () => {
  table = await startBudgetTable();
  routes = {
    create: (await import('../../../functions/api/budgets/create')).handler as Handler,
    list: (await import('../../../functions/api/budgets/list')).handler as Handler,
    get: (await import('../../../functions/api/budgets/get')).handler as Handler,
    update: (await import('../../../functions/api/budgets/update')).handler as Handler,
    remove: (await import('../../../functions/api/budgets/delete')).handler as Handler,
    periods: (await import('../../../functions/api/budgets/periods')).handler as Handler,
  };
}, 90_000);
afterAll(async () => table?.stop());

const call = async (route: keyof typeof routes, sub: string, input: HttpEventInput) =>
  parseResponse(await routes[route](httpEvent({ ...input, claims: { sub } }), lambdaContext()));
const create = (sub: string, body: unknown, headers: Record<string, string> = {}) =>
  call('create', sub, { method: 'POST', path: '/v1/budgets', body, headers });
const get = (sub: string, id: string) => call('get', sub, { path: `/v1/budgets/${id}`, pathParameters: { id } });
const patch = (sub: string, id: string, body: unknown, headers: Record<string, string> = {}) =>
  call('update', sub, { method: 'PATCH', path: `/v1/budgets/${id}`, pathParameters: { id }, body, headers });
const remove = (sub: string, id: string, headers: Record<string, string> = {}) =>
  call('remove', sub, { method: 'DELETE', path: `/v1/budgets/${id}`, pathParameters: { id }, headers });
const periods = (sub: string, id: string, query?: Record<string, string>) =>
  call('periods', sub, {
    path: `/v1/budgets/${id}/periods`,
    pathParameters: { id },
    ...(query ? { queryStringParameters: query } : {}),
  });

let users = 0;
async function newUser(options: Parameters<BudgetTable['seedUser']>[1] = {}) {
  const userId = `route-user-${++users}`;
  await table.seedUser(userId, options);
  return userId;
}

const food = (overrides: Record<string, unknown> = {}) => ({
  name: 'Food',
  categoryIds: ['food'],
  limit: { amount: 40_000, currency: 'EUR' },
  ...overrides,
});

const today = () => todayIn('Europe/Berlin', new Date());

describe('POST /v1/budgets', () => {
  test('creates a monthly budget with defaults, its ETag and location', async () => {
    const userId = await newUser();
    const response = await create(userId, food({ thresholds: [100, 50, 80] }));
    expect(response.status).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(`/v1/budgets/${response.body.id}`);
    expect(response.body).toMatchObject({
      name: 'Food',
      categoryIds: ['food'],
      period: 'monthly',
      limit: { amount: 40_000, currency: 'EUR' },
      thresholds: [50, 80, 100],
      rollover: false,
      enforce: false,
      startDate: periodOf('monthly', today()).start,
      version: 1,
    });
    const all = await create(userId, { name: 'Everything', limit: { amount: 1, currency: 'EUR' }, period: 'weekly' });
    expect(all.body).toMatchObject({ categoryIds: null, thresholds: [80, 100], period: 'weekly' });
  });

  test('the same Idempotency-Key replays the first response and creates nothing more', async () => {
    const userId = await newUser();
    const headers = { 'Idempotency-Key': 'food-budget-1' };
    const first = await create(userId, food(), headers);
    const second = await create(userId, food(), headers);
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await table.items(userId, 'BUDGET#')).toHaveLength(1);
  });

  test.each([
    ['an unknown field', food({ colour: 'red' }), 'colour'],
    ['a float amount', food({ limit: { amount: 12.5, currency: 'EUR' } }), 'limit.amount'],
    ['a string amount', food({ limit: { amount: '100', currency: 'EUR' } }), 'limit.amount'],
    ['an amount out of range', food({ limit: { amount: 10 ** 16, currency: 'EUR' } }), 'limit.amount'],
    ['a zero limit', food({ limit: { amount: 0, currency: 'EUR' } }), 'limit.amount'],
    ['an unknown currency', food({ limit: { amount: 100, currency: 'XYZ' } }), 'limit.currency'],
    ['another currency than home', food({ limit: { amount: 100, currency: 'USD' } }), 'limit.currency'],
    ['a category that does not exist', food({ categoryIds: ['nope'] }), 'categoryIds'],
    ['an income category', food({ categoryIds: ['salary'] }), 'categoryIds'],
    ['an empty category list', food({ categoryIds: [] }), 'categoryIds'],
    ['a repeated threshold', food({ thresholds: [80, 80] }), 'thresholds'],
    ['a threshold above 1000', food({ thresholds: [1001] }), 'thresholds.0'],
    ['a fractional threshold', food({ thresholds: [50.5] }), 'thresholds.0'],
    ['an unknown period', food({ period: 'daily' }), 'period'],
    ['a startDate that is not a period start', food({ startDate: '2026-01-15' }), 'startDate'],
    ['a startDate years ago', food({ startDate: '2020-01-01' }), 'startDate'],
  ])('%s is a 400 naming the field, and nothing is written', async (_case, body, field) => {
    const userId = await newUser();
    const response = await create(userId, body);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await table.items(userId, 'BUDGET#')).toEqual([]);
  });
});

describe('GET /v1/budgets and /v1/budgets/{id}', () => {
  test('lists the caller’s budgets a page at a time', async () => {
    const userId = await newUser();
    for (const name of ['A', 'B', 'C']) await create(userId, food({ name }));
    const first = await call('list', userId, { path: '/v1/budgets', queryStringParameters: { limit: '2' } });
    expect(first.body.items.map((b: { name: string }) => b.name)).toEqual(['A', 'B']);
    const second = await call('list', userId, {
      path: '/v1/budgets',
      queryStringParameters: { limit: '2', cursor: first.body.nextCursor },
    });
    expect(second.body).toMatchObject({ items: [expect.objectContaining({ name: 'C' })], nextCursor: null });
    const stranger = await newUser();
    const foreign = await call('list', stranger, {
      path: '/v1/budgets',
      queryStringParameters: { cursor: first.body.nextCursor },
    });
    expect(foreign.status).toBe(400);
  });

  test('shows the current period: spent, remaining, percent and a forecast', async () => {
    const userId = await newUser();
    const { body: budget } = await create(userId, food());
    const span = periodOf('monthly', today());
    await table.db.send(
      new PutCommand({
        TableName: TABLE,
        Item: {
          ...BudgetPeriodEntity.key(userId, budget.id, span.periodId),
          type: 'BUDGET_PERIOD',
          budgetId: budget.id,
          periodId: span.periodId,
          spent: 10_000,
          transactionCount: 3,
        },
      }),
    );
    const response = await get(userId, budget.id);
    expect(response.status).toBe(200);
    expect(response.headers.etag).toBe('"1"');
    expect(response.body.current).toMatchObject({
      periodId: span.periodId,
      start: span.start,
      end: span.end,
      limit: { amount: 40_000, currency: 'EUR' },
      rolloverIn: { amount: 0, currency: 'EUR' },
      effectiveLimit: { amount: 40_000, currency: 'EUR' },
      spent: { amount: 10_000, currency: 'EUR' },
      remaining: { amount: 30_000, currency: 'EUR' },
      percent: 25,
    });
    const elapsed = Number(today().slice(8, 10));
    const days = Number(span.end.slice(8, 10));
    expect(response.body.current.forecast.projectedSpent).toEqual({
      amount: Math.round((10_000 * days) / elapsed),
      currency: 'EUR',
    });
  });
});

describe('PATCH and DELETE /v1/budgets/{id}', () => {
  test('updates the allow-list under If-Match; a stale ETag is a 412 and changes nothing', async () => {
    const userId = await newUser();
    const { body: budget } = await create(userId, food());
    const updated = await patch(
      userId,
      budget.id,
      { limit: { amount: 50_000, currency: 'EUR' }, enforce: true, categoryIds: null },
      { 'If-Match': '"1"' },
    );
    expect(updated.status).toBe(200);
    expect(updated.headers.etag).toBe('"2"');
    expect(updated.body).toMatchObject({
      limit: { amount: 50_000, currency: 'EUR' },
      enforce: true,
      categoryIds: null,
      version: 2,
    });
    const stale = await patch(userId, budget.id, { name: 'Late' }, { 'If-Match': '"1"' });
    expect(stale.status).toBe(412);
    expect((await get(userId, budget.id)).body.name).toBe('Food');
  });

  test.each([
    [{ limit: { amount: 100, currency: 'USD' } }, 'limit.currency'],
    [{ period: 'weekly' }, 'period'],
    [{}, '(root)'],
    [{ thresholds: [0] }, 'thresholds.0'],
  ])('a refused patch is a 400 naming the field (%j)', async (body, field) => {
    const userId = await newUser();
    const { body: budget } = await create(userId, food());
    const response = await patch(userId, budget.id, body);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect((await get(userId, budget.id)).body.version).toBe(1);
  });

  test('delete answers 204, then 404', async () => {
    const userId = await newUser();
    const { body: budget } = await create(userId, food());
    expect((await remove(userId, budget.id, { 'If-Match': '"7"' })).status).toBe(412);
    expect((await remove(userId, budget.id)).status).toBe(204);
    expect((await remove(userId, budget.id)).status).toBe(404);
    expect((await get(userId, budget.id)).status).toBe(404);
  });
});

test('another user’s budget does not exist for the caller, on every route, and nothing changes', async () => {
  const owner = await newUser();
  const { body: budget } = await create(owner, food());
  const stranger = await newUser();
  expect((await get(stranger, budget.id)).status).toBe(404);
  expect((await patch(stranger, budget.id, { name: 'Mine now' })).status).toBe(404);
  expect((await patch(stranger, budget.id, { limit: { amount: 5, currency: 'EUR' } })).status).toBe(404);
  expect((await remove(stranger, budget.id)).status).toBe(404);
  expect((await periods(stranger, budget.id)).status).toBe(404);
  expect((await get(owner, budget.id)).body).toMatchObject({ name: 'Food', version: 1 });
});

describe('GET /v1/budgets/{id}/periods', () => {
  test('the history from the counters, with rollover carried period to period', async () => {
    const userId = await newUser();
    const start = periodOf('monthly', today()).start;
    const threeAgo = periodOf(
      'monthly',
      new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 4, 1)).toISOString().slice(0, 10),
    );
    const { body: budget } = await create(
      userId,
      food({ rollover: true, startDate: threeAgo.start, limit: { amount: 1000, currency: 'EUR' } }),
    );
    await table.db.send(
      new PutCommand({
        TableName: TABLE,
        Item: {
          ...BudgetPeriodEntity.key(userId, budget.id, threeAgo.periodId),
          type: 'BUDGET_PERIOD',
          budgetId: budget.id,
          periodId: threeAgo.periodId,
          spent: 400,
          transactionCount: 1,
        },
      }),
    );
    const response = await periods(userId, budget.id);
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(4);
    expect(response.body.items[0]).toMatchObject({
      periodId: threeAgo.periodId,
      spent: { amount: 400, currency: 'EUR' },
      effectiveLimit: { amount: 1000, currency: 'EUR' },
      remaining: { amount: 600, currency: 'EUR' },
      percent: 40,
    });
    expect(response.body.items.map((p: { rolloverIn: { amount: number } }) => p.rolloverIn.amount)).toEqual([
      0, 600, 1600, 2600,
    ]);
    const bounded = await periods(userId, budget.id, { from: threeAgo.end, to: threeAgo.end });
    expect(bounded.body.items.map((p: { periodId: string }) => p.periodId)).toEqual([threeAgo.periodId]);
    expect((await periods(userId, budget.id, { from: '2026-02-01', to: '2026-01-01' })).body.errors).toEqual([
      expect.objectContaining({ field: 'to' }),
    ]);
    expect((await periods(userId, budget.id, { since: '2026-01-01' })).status).toBe(400);
  });
});
