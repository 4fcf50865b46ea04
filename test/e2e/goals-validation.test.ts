/**
 * Bad input on every goal route: a target or contribution that is not integer minor units (a
 * float, a string, out of range, zero), an unknown currency, a deadline in the past, a funding
 * that is not one of the two kinds, a contribution dated in the future, fields a PATCH may not
 * touch, unknown fields and query parameters, malformed ids. Each is a 400 problem+json naming the
 * field, never a 5xx, and nothing is written.
 */
import { contribute, createGoal, type GoalView } from './support/alerts';
import { call } from './support/api-client';
import { expectProblem } from './support/expectations';
import { type LedgerUser, ledgerUser } from './support/ledger';
import { settle } from './support/settle';
import { closeTable, userDataSortKeys } from './support/table';
import { describeWithMailbox } from './support/targets';

jest.setTimeout(60_000);

afterAll(() => closeTable());

type Case = [name: string, method: string, path: () => string, body: () => unknown, fields: string[]];

describeWithMailbox('bad input on goal routes', () => {
  let user: LedgerUser;
  let goal: GoalView;
  let sortKeysBefore: string[];
  const money = (amount: unknown, currency: unknown = 'EUR') => ({ amount, currency });
  const create = (extra: Record<string, unknown>) => ({
    name: 'Trip',
    target: money(100_000),
    funding: { kind: 'contributions' },
    ...extra,
  });
  const none = () => undefined;
  const contributions = () => `/v1/goals/${goal.id}/contributions`;
  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    user = await ledgerUser();
    goal = await createGoal(user, {
      name: 'Existing',
      target: { amount: 50_000, currency: 'EUR' },
      funding: { kind: 'contributions' },
    });
    await contribute(user, goal.id, { amount: 1_000, currency: 'EUR' });
    await settle();
    sortKeysBefore = (await userDataSortKeys(user.userId)).sort();
  });

  const cases: Case[] = [
    ['a float target', 'POST', () => '/v1/goals', () => create({ target: money(99.99) }), ['target.amount']],
    ['a string target', 'POST', () => '/v1/goals', () => create({ target: money('1000') }), ['target.amount']],
    ['a target out of range', 'POST', () => '/v1/goals', () => create({ target: money(1e16) }), ['target.amount']],
    ['a zero target', 'POST', () => '/v1/goals', () => create({ target: money(0) }), ['target.amount']],
    ['a fraction of a yen', 'POST', () => '/v1/goals', () => create({ target: money(10.5, 'JPY') }), ['target.amount']],
    [
      'an unknown currency',
      'POST',
      () => '/v1/goals',
      () => create({ target: money(100, 'EUX') }),
      ['target.currency'],
    ],
    ['a deadline in the past', 'POST', () => '/v1/goals', () => create({ deadline: '2020-01-01' }), ['deadline']],
    ['a deadline not a date', 'POST', () => '/v1/goals', () => create({ deadline: '2027-02-30' }), ['deadline']],
    [
      'an unknown funding kind',
      'POST',
      () => '/v1/goals',
      () => create({ funding: { kind: 'lottery' } }),
      ['funding.kind'],
    ],
    [
      'account funding without an account',
      'POST',
      () => '/v1/goals',
      () => create({ funding: { kind: 'account' } }),
      ['funding.accountId'],
    ],
    ['an unknown field', 'POST', () => '/v1/goals', () => create({ saved: money(100) }), ['saved']],
    ['PATCH: a float target', 'PATCH', () => `/v1/goals/${goal.id}`, () => ({ target: money(1.5) }), ['target.amount']],
    [
      'PATCH: another currency',
      'PATCH',
      () => `/v1/goals/${goal.id}`,
      () => ({ target: money(100, 'USD') }),
      ['target.currency'],
    ],
    [
      'PATCH: the funding',
      'PATCH',
      () => `/v1/goals/${goal.id}`,
      () => ({ funding: { kind: 'contributions' } }),
      ['funding'],
    ],
    ['PATCH: the saved amount', 'PATCH', () => `/v1/goals/${goal.id}`, () => ({ saved: money(50_000) }), ['saved']],
    ['PATCH: a malformed id', 'PATCH', () => '/v1/goals/not.an.id', () => ({ name: 'x' }), ['id']],
    ['GET: a malformed id', 'GET', () => '/v1/goals/not.an.id', none, ['id']],
    ['DELETE: a malformed id', 'DELETE', () => '/v1/goals/not.an.id', none, ['id']],
    ['list: an unknown query parameter', 'GET', () => '/v1/goals?status=achieved', none, ['status']],
    ['list: a tampered cursor', 'GET', () => '/v1/goals?cursor=bm90LWEtY3Vyc29y', none, ['cursor']],
    ['contribution: a float', 'POST', contributions, () => ({ money: money(10.5) }), ['money.amount']],
    ['contribution: a string', 'POST', contributions, () => ({ money: money('10') }), ['money.amount']],
    ['contribution: out of range', 'POST', contributions, () => ({ money: money(-1e16) }), ['money.amount']],
    ['contribution: zero', 'POST', contributions, () => ({ money: money(0) }), ['money.amount']],
    [
      'contribution: an unknown currency',
      'POST',
      contributions,
      () => ({ money: money(100, 'ABC') }),
      ['money.currency'],
    ],
    [
      'contribution: dated in the future',
      'POST',
      contributions,
      () => ({ money: money(100), date: tomorrow }),
      ['date'],
    ],
    ['contribution: an unknown field', 'POST', contributions, () => ({ money: money(100), goalId: 'x' }), ['goalId']],
    ['contributions: an unknown query parameter', 'GET', () => `${contributions()}?from=2026-01-01`, none, ['from']],
    ['notifications: an unknown query parameter', 'GET', () => '/v1/notifications?kind=welcome', none, ['kind']],
    ['notifications: a limit of 0', 'GET', () => '/v1/notifications?limit=0', none, ['limit']],
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
    const current = await call('GET', `/v1/goals/${goal.id}`, { token: user.token });
    expect(current.json).toMatchObject({ name: 'Existing', target: money(50_000), saved: money(1_000), version: 1 });
  });
});
