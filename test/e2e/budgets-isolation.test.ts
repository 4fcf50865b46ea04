/**
 * Isolation on every budget route: user B, holding user A's budget ids, category ids and cursors,
 * gets 404 (400 for a cursor or a category that is not B's) and changes nothing; B's own spending
 * never counts in A's budgets. A's budgets, as the API shows them and as the table holds them, are
 * compared before and after B's attempts, and a last test checks every budget route was attempted.
 */
import { routes } from '../../lib/catalog/routes';
import { type BudgetView, createBudget, getBudget, spentByPeriod } from './support/alerts';
import { type ApiResult, api, call } from './support/api-client';
import { expectProblem, expectStatus } from './support/expectations';
import { createAccount, createTransaction, expectOk, type LedgerUser, ledgerUser, listAll } from './support/ledger';
import { routeKey } from './support/route-bodies';
import { settle } from './support/settle';
import { closeTable, userDataSortKeys } from './support/table';
import { describeWithMailbox } from './support/targets';

jest.setTimeout(90_000);

afterAll(() => closeTable());

const budgetRoutes = routes.filter((route) => route.path.startsWith('/v1/budgets'));
const attempted = new Set<string>();

describeWithMailbox("B using A's budget ids", () => {
  let a: LedgerUser;
  let b: LedgerUser;
  let budget: BudgetView;
  let other: BudgetView;
  let aCategoryId: string;
  const today = new Date().toISOString().slice(0, 10);

  const byB = (method: string, routePath: string, path: string, body?: unknown, headers = {}) => {
    attempted.add(`${method} ${routePath}`);
    return call(method, path, { token: b.token, headers, ...(body === undefined ? {} : { body }) });
  };
  const notFound = (result: ApiResult) => expectProblem(result, 404);

  /** Everything of A's budgets the API shows (with ETags) and the table holds. */
  async function snapshotOfA() {
    const get = async (path: string) => {
      const result = await api.get(path, { token: a.token });
      return { status: result.status, etag: result.headers.get('etag'), body: result.json };
    };
    return {
      list: (await listAll(a, '/v1/budgets')).items,
      budget: await get(`/v1/budgets/${budget.id}`),
      other: await get(`/v1/budgets/${other.id}`),
      periods: await spentByPeriod(a, budget.id, budget.startDate, today),
      sortKeys: (await userDataSortKeys(a.userId)).filter((sk) => !sk.startsWith('NOTIFY')).sort(),
    };
  }
  let before: Awaited<ReturnType<typeof snapshotOfA>>;

  beforeAll(async () => {
    [a, b] = await Promise.all([ledgerUser(), ledgerUser()]);
    const [aAccount, bAccount] = await Promise.all([
      createAccount(a, { name: 'A main', currency: 'EUR' }),
      createAccount(b, { name: 'B main', currency: 'EUR' }),
    ]);
    aCategoryId = expectOk(
      await api.post('/v1/categories', { name: 'A snacks', kind: 'expense', parentId: 'food' }, { token: a.token }),
      201,
      'category of A',
    ).json.id;
    budget = await createBudget(a, {
      name: 'A groceries',
      limit: { amount: 10_000, currency: 'EUR' },
      categoryIds: ['groceries', aCategoryId],
      thresholds: [50],
    });
    other = await createBudget(a, { name: 'A enforced', limit: { amount: 50_000, currency: 'EUR' }, enforce: true });
    await settle();
    await createTransaction(a, {
      accountId: aAccount.id,
      money: { amount: 6_000, currency: 'EUR' },
      categoryId: 'groceries',
    });
    // B spends in the same category, a lot: it must never count in A's budgets.
    await createTransaction(b, {
      accountId: bAccount.id,
      money: { amount: 90_000, currency: 'EUR' },
      categoryId: 'groceries',
    });
    await settle();
    before = await snapshotOfA();
    expect(before.periods[before.budget.body.current.periodId]).toBe(6_000);
  });

  test('GET, PATCH, DELETE and the periods of A’s budgets are 404', async () => {
    for (const id of [budget.id, other.id]) {
      notFound(await byB('GET', '/v1/budgets/{id}', `/v1/budgets/${id}`));
      notFound(await byB('GET', '/v1/budgets/{id}/periods', `/v1/budgets/${id}/periods`));
      notFound(await byB('PATCH', '/v1/budgets/{id}', `/v1/budgets/${id}`, { name: 'Mallory' }));
      notFound(await byB('PATCH', '/v1/budgets/{id}', `/v1/budgets/${id}`, { enforce: false }, { 'if-match': '*' }));
      notFound(await byB('PATCH', '/v1/budgets/{id}', `/v1/budgets/${id}`, { limit: { amount: 1, currency: 'EUR' } }));
      notFound(await byB('DELETE', '/v1/budgets/{id}', `/v1/budgets/${id}`));
      notFound(await byB('DELETE', '/v1/budgets/{id}', `/v1/budgets/${id}`, undefined, { 'if-match': '*' }));
    }
  });

  test('B cannot budget A’s category, nor page with A’s cursor', async () => {
    expectProblem(
      await byB('POST', '/v1/budgets', '/v1/budgets', {
        name: 'Snoop',
        limit: { amount: 100, currency: 'EUR' },
        categoryIds: [aCategoryId],
      }),
      400,
      ['categoryIds'],
    );
    const first = expectOk(await api.get('/v1/budgets?limit=1', { token: a.token }), 200, 'A page 1');
    expect(first.json.nextCursor).toEqual(expect.any(String));
    expectProblem(
      await byB('GET', '/v1/budgets', `/v1/budgets?cursor=${encodeURIComponent(first.json.nextCursor)}`),
      400,
      ['cursor'],
    );
  });

  test('B’s own budgets are B’s: none of A’s listed, and B’s spending counts only there', async () => {
    expect((await byB('GET', '/v1/budgets', '/v1/budgets')).json.items).toEqual([]);
    const mine = await byB('POST', '/v1/budgets', '/v1/budgets', {
      name: 'B groceries',
      limit: { amount: 100_000, currency: 'EUR' },
      categoryIds: ['groceries'],
    });
    expectStatus(mine, 201);
    await settle();
    expect((await getBudget(b, mine.json.id)).current.spent.amount).toBe(90_000);
    expect((await listAll<{ id: string }>(b, '/v1/budgets')).items.map((x) => x.id)).toEqual([mine.json.id]);
  });

  test('after all of it, A’s budgets are exactly as they were (API and table)', async () => {
    await settle();
    expect(await snapshotOfA()).toEqual(before);
  });

  test('every budget route of the route table was attempted by B above', () => {
    expect(budgetRoutes.length).toBeGreaterThanOrEqual(6);
    expect(budgetRoutes.map(routeKey).filter((key) => !attempted.has(key))).toEqual([]);
  });
});
