/**
 * Isolation on every goal route and on the notification log: user B, holding user A's goal ids,
 * account ids and cursors, gets 404 (400 for a cursor) and changes nothing; B's transactions
 * tagged with A's goal never count towards it, and B's transfers never move A's account-funded goal.
 * A's goals, as the API shows them and as the table holds them, are compared before and after.
 */
import { routes } from '../../lib/catalog/routes';
import { contribute, createGoal, type GoalView, notificationLog } from './support/alerts';
import { type ApiResult, api, call } from './support/api-client';
import { expectProblem, expectStatus } from './support/expectations';
import {
  type AccountView,
  createAccount,
  createTransaction,
  expectOk,
  type LedgerUser,
  ledgerUser,
  listAll,
} from './support/ledger';
import { routeKey } from './support/route-bodies';
import { settle } from './support/settle';
import { closeTable, userDataSortKeys } from './support/table';
import { describeWithMailbox } from './support/targets';

jest.setTimeout(90_000);

afterAll(() => closeTable());

const covered = routes.filter((route) => route.path.startsWith('/v1/goals') || route.path === '/v1/notifications');
const attempted = new Set<string>();
const eur = (amount: number) => ({ amount, currency: 'EUR' });

describeWithMailbox("B using A's goal ids", () => {
  let a: LedgerUser;
  let b: LedgerUser;
  let aSavings: AccountView;
  let bAccount: AccountView;
  let saving: GoalView;
  let funded: GoalView;

  const byB = (method: string, routePath: string, path: string, body?: unknown, headers = {}) => {
    attempted.add(`${method} ${routePath}`);
    return call(method, path, { token: b.token, headers, ...(body === undefined ? {} : { body }) });
  };
  const notFound = (result: ApiResult) => expectProblem(result, 404);
  const cursorOfA = async (path: string) => {
    const result = expectOk(await api.get(`${path}?limit=1`, { token: a.token }), 200, `A's first page of ${path}`);
    expect(result.json.nextCursor).toEqual(expect.any(String));
    return encodeURIComponent(result.json.nextCursor);
  };

  async function snapshotOfA() {
    const get = async (path: string) => {
      const result = await api.get(path, { token: a.token });
      return { status: result.status, etag: result.headers.get('etag'), body: result.json };
    };
    return {
      goals: (await listAll(a, '/v1/goals')).items,
      saving: await get(`/v1/goals/${saving.id}`),
      funded: await get(`/v1/goals/${funded.id}`),
      contributions: (await listAll(a, `/v1/goals/${saving.id}/contributions`)).items,
      notifications: await notificationLog(a),
      sortKeys: (await userDataSortKeys(a.userId)).sort(),
    };
  }
  let before: Awaited<ReturnType<typeof snapshotOfA>>;

  beforeAll(async () => {
    [a, b] = await Promise.all([ledgerUser(), ledgerUser()]);
    let aMain: AccountView;
    [aMain, aSavings, bAccount] = await Promise.all([
      createAccount(a, { name: 'A main', currency: 'EUR' }),
      createAccount(a, { name: 'A savings', kind: 'savings', currency: 'EUR' }),
      createAccount(b, { name: 'B main', currency: 'EUR' }),
    ]);
    saving = await createGoal(a, { name: 'A trip', target: eur(10_000), funding: { kind: 'contributions' } });
    funded = await createGoal(a, {
      name: 'A rainy day',
      target: eur(50_000),
      funding: { kind: 'account', accountId: aSavings.id },
    });
    await contribute(a, saving.id, eur(3_000)); // 30 %: a milestone mail, so A has a notification log
    await contribute(a, saving.id, eur(500));
    expectStatus(
      await api.post(
        '/v1/transfers',
        { fromAccountId: aMain.id, toAccountId: aSavings.id, money: eur(1_000) },
        { token: a.token },
      ),
      201,
    );
    await settle();
    before = await snapshotOfA();
    expect(before.saving.body.saved).toEqual(eur(3_500));
    expect(before.notifications.length).toBeGreaterThanOrEqual(2);
  });

  test('GET, PATCH, DELETE of A’s goals and their contributions are 404', async () => {
    for (const id of [saving.id, funded.id]) {
      notFound(await byB('GET', '/v1/goals/{id}', `/v1/goals/${id}`));
      notFound(await byB('PATCH', '/v1/goals/{id}', `/v1/goals/${id}`, { name: 'Mallory' }));
      notFound(await byB('PATCH', '/v1/goals/{id}', `/v1/goals/${id}`, { deadline: null }, { 'if-match': '*' }));
      notFound(await byB('DELETE', '/v1/goals/{id}', `/v1/goals/${id}`));
      notFound(await byB('GET', '/v1/goals/{id}/contributions', `/v1/goals/${id}/contributions`));
      notFound(
        await byB('POST', '/v1/goals/{id}/contributions', `/v1/goals/${id}/contributions`, { money: eur(100_000) }),
      );
    }
  });

  test('a goal funded by A’s account is refused; A’s cursors are refused', async () => {
    const result = await byB('POST', '/v1/goals', '/v1/goals', {
      name: 'Snoop',
      target: eur(1_000),
      funding: { kind: 'account', accountId: aSavings.id },
    });
    expect([400, 404]).toContain(result.status);
    expectProblem(result, result.status);
    expectProblem(await byB('GET', '/v1/goals', `/v1/goals?cursor=${await cursorOfA('/v1/goals')}`), 400, ['cursor']);
    expectProblem(
      await byB('GET', '/v1/notifications', `/v1/notifications?cursor=${await cursorOfA('/v1/notifications')}`),
      400,
      ['cursor'],
    );
    const contributions = `/v1/goals/${saving.id}/contributions`;
    const cursor = await cursorOfA(contributions);
    expectProblem(await byB('GET', '/v1/goals/{id}/contributions', `${contributions}?cursor=${cursor}`), 400, [
      'cursor',
    ]);
  });

  test('B’s income tagged with A’s goal counts for nothing of A’s; B sees only B’s', async () => {
    await createTransaction(b, {
      kind: 'income',
      accountId: bAccount.id,
      // Below the large-transaction amount (100,000), so B's log holds only the welcome mail.
      money: eur(90_000),
      tags: [`goal:${saving.id.toLowerCase()}`],
    });
    const mine = await byB('POST', '/v1/goals', '/v1/goals', {
      name: 'B goal',
      target: eur(1_000),
      funding: { kind: 'contributions' },
    });
    expectStatus(mine, 201);
    await settle();
    expect((await byB('GET', '/v1/goals', '/v1/goals')).json.items.map((g: { id: string }) => g.id)).toEqual([
      mine.json.id,
    ]);
    const log = (await byB('GET', '/v1/notifications', '/v1/notifications')).json.items as { id: string }[];
    expect(log.map((entry) => entry.id)).toEqual(['welcome']);
  });

  test('after all of it, A’s goals are exactly as they were (API and table)', async () => {
    await settle();
    expect(await snapshotOfA()).toEqual(before);
  });

  test('every goal and notification route of the route table was attempted by B above', () => {
    expect(covered.length).toBeGreaterThanOrEqual(8);
    expect(covered.map(routeKey).filter((key) => !attempted.has(key))).toEqual([]);
  });
});
