/**
 * Bad input on every budget route: a limit that is not integer minor units (a float, a string, out
 * of range, zero), an unknown currency or one other than the home currency, thresholds out of
 * range or repeated, categories that are not the caller's expense categories, a startDate that
 * does not start a period or is too far from today, fields a PATCH may not touch, unknown fields
 * and query parameters, malformed ids. Each is a 400 problem+json naming the field, never a 5xx,
 * and nothing is written: the user's partition is compared item by item before and after.
 */
import { type BudgetView, createBudget, monthOf, todayUtc } from './support/alerts';
import { call } from './support/api-client';
import { expectProblem } from './support/expectations';
import { type LedgerUser, ledgerUser } from './support/ledger';
import { settle } from './support/settle';
import { closeTable, userDataSortKeys } from './support/table';
import { describeWithMailbox } from './support/targets';

jest.setTimeout(60_000);

afterAll(() => closeTable());

type Case = [name: string, method: string, path: () => string, body: () => unknown, fields: string[]];

describeWithMailbox('bad input on budget routes', () => {
  let user: LedgerUser;
  let budget: BudgetView;
  let sortKeysBefore: string[];
  const thisMonth = monthOf(todayUtc());

  const limit = (amount: unknown, currency: unknown = 'EUR') => ({ amount, currency });
  const create = (extra: Record<string, unknown>) => ({ name: 'Groceries', limit: limit(40_000), ...extra });
  const none = () => undefined;

  beforeAll(async () => {
    user = await ledgerUser();
    budget = await createBudget(user, {
      name: 'Existing',
      limit: limit(10_000) as { amount: number; currency: string },
    });
    await settle();
    sortKeysBefore = (await userDataSortKeys(user.userId)).sort();
  });

  const cases: Case[] = [
    ['a float limit', 'POST', () => '/v1/budgets', () => create({ limit: limit(400.5) }), ['limit.amount']],
    ['a string limit', 'POST', () => '/v1/budgets', () => create({ limit: limit('400') }), ['limit.amount']],
    ['a limit out of range', 'POST', () => '/v1/budgets', () => create({ limit: limit(1e16) }), ['limit.amount']],
    ['a zero limit', 'POST', () => '/v1/budgets', () => create({ limit: limit(0) }), ['limit.amount']],
    ['a negative limit', 'POST', () => '/v1/budgets', () => create({ limit: limit(-100) }), ['limit.amount']],
    [
      'an unknown currency',
      'POST',
      () => '/v1/budgets',
      () => create({ limit: limit(100, 'XXQ') }),
      ['limit.currency'],
    ],
    [
      'a currency other than home',
      'POST',
      () => '/v1/budgets',
      () => create({ limit: limit(100, 'USD') }),
      ['limit.currency'],
    ],
    [
      'an unknown field in the limit',
      'POST',
      () => '/v1/budgets',
      () => create({ limit: { ...limit(100), cents: 1 } }),
      ['limit.cents'],
    ],
    ['a threshold of 0', 'POST', () => '/v1/budgets', () => create({ thresholds: [0, 80] }), ['thresholds.0']],
    ['a threshold above 1000', 'POST', () => '/v1/budgets', () => create({ thresholds: [1001] }), ['thresholds.0']],
    ['a fractional threshold', 'POST', () => '/v1/budgets', () => create({ thresholds: [80.5] }), ['thresholds.0']],
    ['a repeated threshold', 'POST', () => '/v1/budgets', () => create({ thresholds: [80, 80] }), ['thresholds']],
    ['no categories (null means all)', 'POST', () => '/v1/budgets', () => create({ categoryIds: [] }), ['categoryIds']],
    [
      'an unknown category',
      'POST',
      () => '/v1/budgets',
      () => create({ categoryIds: ['no-such-category'] }),
      ['categoryIds'],
    ],
    ['an income category', 'POST', () => '/v1/budgets', () => create({ categoryIds: ['salary'] }), ['categoryIds']],
    ['an unknown period', 'POST', () => '/v1/budgets', () => create({ period: 'daily' }), ['period']],
    [
      'a startDate mid-month',
      'POST',
      () => '/v1/budgets',
      () => create({ startDate: `${thisMonth.id}-15` }),
      ['startDate'],
    ],
    ['a startDate not a date', 'POST', () => '/v1/budgets', () => create({ startDate: '2026-02-30' }), ['startDate']],
    ['a startDate years ago', 'POST', () => '/v1/budgets', () => create({ startDate: '2020-01-01' }), ['startDate']],
    ['a startDate years ahead', 'POST', () => '/v1/budgets', () => create({ startDate: '2099-01-01' }), ['startDate']],
    ['an unknown field', 'POST', () => '/v1/budgets', () => create({ spent: 0 }), ['spent']],
    [
      'PATCH: a float limit',
      'PATCH',
      () => `/v1/budgets/${budget.id}`,
      () => ({ limit: limit(1.5) }),
      ['limit.amount'],
    ],
    [
      'PATCH: another currency',
      'PATCH',
      () => `/v1/budgets/${budget.id}`,
      () => ({ limit: limit(100, 'USD') }),
      ['limit.currency'],
    ],
    ['PATCH: the period', 'PATCH', () => `/v1/budgets/${budget.id}`, () => ({ period: 'weekly' }), ['period']],
    [
      'PATCH: the startDate',
      'PATCH',
      () => `/v1/budgets/${budget.id}`,
      () => ({ startDate: thisMonth.start }),
      ['startDate'],
    ],
    [
      'PATCH: an income category',
      'PATCH',
      () => `/v1/budgets/${budget.id}`,
      () => ({ categoryIds: ['salary'] }),
      ['categoryIds'],
    ],
    [
      'PATCH: a repeated threshold',
      'PATCH',
      () => `/v1/budgets/${budget.id}`,
      () => ({ thresholds: [50, 50] }),
      ['thresholds'],
    ],
    ['PATCH: a malformed id', 'PATCH', () => '/v1/budgets/not.an.id', () => ({ name: 'x' }), ['id']],
    ['GET: a malformed id', 'GET', () => '/v1/budgets/not.an.id', none, ['id']],
    ['DELETE: a malformed id', 'DELETE', () => '/v1/budgets/not.an.id', none, ['id']],
    ['GET: an unknown query parameter', 'GET', () => `/v1/budgets/${budget.id}?expand=periods`, none, ['expand']],
    ['list: an unknown query parameter', 'GET', () => '/v1/budgets?sort=name', none, ['sort']],
    ['list: a limit of 0', 'GET', () => '/v1/budgets?limit=0', none, ['limit']],
    ['list: a tampered cursor', 'GET', () => '/v1/budgets?cursor=bm90LWEtY3Vyc29y', none, ['cursor']],
    ['periods: from not a date', 'GET', () => `/v1/budgets/${budget.id}/periods?from=2026-13-01`, none, ['from']],
    [
      'periods: to before from',
      'GET',
      () => `/v1/budgets/${budget.id}/periods?from=2026-05-01&to=2026-04-01`,
      none,
      ['to'],
    ],
    ['periods: an unknown parameter', 'GET', () => `/v1/budgets/${budget.id}/periods?period=2026-04`, none, ['period']],
  ];

  test.each(cases)('%s: 400 naming the field', async (_name, method, path, body, fields) => {
    const payload = body();
    const result = await call(method, path(), {
      token: user.token,
      ...(payload === undefined ? {} : { body: payload }),
    });
    expectProblem(result, 400, fields);
  });

  test('nothing was written by any of it', async () => {
    await settle();
    expect((await userDataSortKeys(user.userId)).sort()).toEqual(sortKeysBefore);
    const current = await call('GET', `/v1/budgets/${budget.id}`, { token: user.token });
    expect(current.json).toMatchObject({ name: 'Existing', limit: limit(10_000), period: 'monthly', version: 1 });
  });
});
