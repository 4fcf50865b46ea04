/**
 * Isolation on every ledger route: user B, holding user A's ids and cursors, gets 404 (or 400 for a
 * cursor) and changes nothing. A's whole ledger, as the API shows it and as the table holds it, is
 * compared before and after B's attempts. A test at the end checks that every ledger route of the
 * route table was attempted here, so a new route cannot skip isolation.
 */
import { randomUUID } from 'node:crypto';
import { routes } from '../../lib/catalog/routes';
import { type ApiResult, api, call } from './support/api-client';
import { expectProblem, expectStatus } from './support/expectations';
import {
  type AccountView,
  createAccount,
  createTransaction,
  expectOk,
  type LedgerUser,
  ledgerSortKeys,
  ledgerUser,
  listAll,
  type TransactionView,
} from './support/ledger';
import { routeKey } from './support/route-bodies';
import { closeTable } from './support/table';

jest.setTimeout(60_000);

afterAll(() => closeTable());

const LEDGER_PREFIXES = [
  '/v1/accounts',
  '/v1/categories',
  '/v1/payees',
  '/v1/transactions',
  '/v1/transfers',
  '/v1/currencies',
  '/v1/rates',
  '/v1/openapi.json',
];
const ledgerRoutes = routes.filter((route) => LEDGER_PREFIXES.some((prefix) => route.path.startsWith(prefix)));
/** Route keys B has attempted, filled by `as`. */
const attempted = new Set<string>();

let a: LedgerUser;
let b: LedgerUser;
let aAccount: AccountView;
let aEmptyAccount: AccountView;
let aSavings: AccountView;
let aCategoryId: string;
let aTransaction: TransactionView;
let aTransfer: { from: TransactionView; to: TransactionView };
let bAccount: AccountView;
let bTransaction: TransactionView;
let idempotencyKey: string;

/** Everything of A's the API shows (lists and single reads with their ETags) and the table holds. */
async function snapshotOfA() {
  const get = async (path: string) => {
    const result = await api.get(path, { token: a.token });
    return { status: result.status, etag: result.headers.get('etag'), body: result.json };
  };
  return {
    accounts: (await listAll(a, '/v1/accounts', { includeArchived: 'true' })).items,
    categories: (await listAll(a, '/v1/categories', { includeArchived: 'true' })).items,
    payees: (await listAll(a, '/v1/payees')).items,
    transactions: (await listAll(a, '/v1/transactions')).items,
    account: await get(`/v1/accounts/${aAccount.id}`),
    emptyAccount: await get(`/v1/accounts/${aEmptyAccount.id}`),
    transaction: await get(`/v1/transactions/${aTransaction.id}`),
    transferLeg: await get(`/v1/transactions/${aTransfer.to.id}`),
    sortKeys: await ledgerSortKeys(a),
  };
}
let before: Awaited<ReturnType<typeof snapshotOfA>>;

/** B calls a route; the route key is recorded so the coverage test can tell what was tried. */
async function as(user: LedgerUser, method: string, routePath: string, path: string, body?: unknown, headers = {}) {
  attempted.add(`${method} ${routePath}`);
  const options = { token: user.token, headers, ...(body === undefined ? {} : { body }) };
  return call(method, path, options);
}
const byB = (method: string, routePath: string, path: string, body?: unknown, headers = {}) =>
  as(b, method, routePath, path, body, headers);

/** A cursor A received for the second page of `path`. */
async function cursorOfA(path: string): Promise<string> {
  const result = expectOk(await api.get(`${path}?limit=1`, { token: a.token }), 200, `first page of ${path}`);
  expect(result.json.nextCursor).toEqual(expect.any(String));
  return result.json.nextCursor;
}

beforeAll(async () => {
  [a, b] = await Promise.all([ledgerUser(), ledgerUser()]);
  [aAccount, aSavings, aEmptyAccount, bAccount] = await Promise.all([
    createAccount(a, { name: 'A main', currency: 'EUR' }),
    createAccount(a, { name: 'A savings', kind: 'savings', currency: 'USD' }),
    // Empty, so a DELETE by its owner would succeed: B's DELETE must still be a 404.
    createAccount(a, { name: 'A empty', currency: 'USD' }),
    createAccount(b, { name: 'B main', currency: 'EUR' }),
  ]);
  const category = expectOk(
    await api.post('/v1/categories', { name: 'A private', kind: 'expense', parentId: 'food' }, { token: a.token }),
    201,
    'category of A',
  );
  aCategoryId = category.json.id;
  aTransaction = await createTransaction(a, {
    accountId: aAccount.id,
    money: { amount: 1234, currency: 'EUR' },
    categoryId: aCategoryId,
    payee: 'Alpha Market',
    tags: ['private'],
  });
  await createTransaction(a, { accountId: aAccount.id, money: { amount: 99, currency: 'USD' }, payee: 'Beta Shop' });
  aTransfer = expectOk(
    await api.post(
      '/v1/transfers',
      { fromAccountId: aAccount.id, toAccountId: aSavings.id, money: { amount: 500, currency: 'EUR' } },
      { token: a.token },
    ),
    201,
    'transfer of A',
  ).json;
  idempotencyKey = randomUUID();
  expectStatus(
    await api.post(
      '/v1/accounts',
      { name: 'A keyed', kind: 'cash', currency: 'EUR' },
      {
        token: a.token,
        headers: { 'idempotency-key': idempotencyKey },
      },
    ),
    201,
  );
  bTransaction = await createTransaction(b, { accountId: bAccount.id, money: { amount: 100, currency: 'EUR' } });
  before = await snapshotOfA();
});

describe("B using A's ids", () => {
  const notFound = (result: ApiResult) => expectProblem(result, 404);

  test('accounts: GET, PATCH, DELETE of A’s account are 404', async () => {
    notFound(await byB('GET', '/v1/accounts/{id}', `/v1/accounts/${aAccount.id}`));
    notFound(await byB('PATCH', '/v1/accounts/{id}', `/v1/accounts/${aAccount.id}`, { name: 'Mallory' }));
    notFound(
      await byB('POST', '/v1/accounts/{id}/reconcile', `/v1/accounts/${aAccount.id}/reconcile`, {
        statementDate: '2026-04-30',
        statementBalance: 0,
      }),
    );
    notFound(
      await byB(
        'PATCH',
        '/v1/accounts/{id}',
        `/v1/accounts/${aEmptyAccount.id}`,
        { archived: true },
        {
          'if-match': '*',
        },
      ),
    );
    notFound(await byB('DELETE', '/v1/accounts/{id}', `/v1/accounts/${aEmptyAccount.id}`));
    notFound(await byB('DELETE', '/v1/accounts/{id}', `/v1/accounts/${aAccount.id}`));
    notFound(await byB('DELETE', '/v1/accounts/{id}', `/v1/accounts/${aSavings.id}`));
  });

  test('categories: GET, PATCH and DELETE of A’s category are 404; it cannot be a parent of B’s', async () => {
    notFound(await byB('GET', '/v1/categories/{id}', `/v1/categories/${aCategoryId}`));
    notFound(await byB('PATCH', '/v1/categories/{id}', `/v1/categories/${aCategoryId}`, { name: 'Mallory' }));
    notFound(await byB('DELETE', '/v1/categories/{id}', `/v1/categories/${aCategoryId}`));
    // Creating under A's category: for B that category does not exist (400 naming parentId).
    expectProblem(
      await byB('POST', '/v1/categories', '/v1/categories', { name: 'x', kind: 'expense', parentId: aCategoryId }),
      400,
      ['parentId'],
    );
  });

  test('transactions: GET, PATCH, DELETE of A’s transaction and transfer leg are 404', async () => {
    for (const id of [aTransaction.id, aTransfer.from.id, aTransfer.to.id]) {
      notFound(await byB('GET', '/v1/transactions/{id}', `/v1/transactions/${id}`));
      notFound(await byB('PATCH', '/v1/transactions/{id}', `/v1/transactions/${id}`, { note: 'Mallory was here' }));
      notFound(await byB('DELETE', '/v1/transactions/{id}', `/v1/transactions/${id}`));
    }
  });

  test('payees: GET, PATCH, DELETE, merge and jobs of A’s payee are 404; B cannot record with it', async () => {
    const payeeId = aTransaction.payeeId as string;
    // Nothing of B's is created here (B's payee list stays empty for the list test below).
    expectProblem(await byB('POST', '/v1/payees', '/v1/payees', { name: '', defaultCategoryId: aCategoryId }), 400);
    const bPayee = { id: bTransaction.id };
    notFound(await byB('GET', '/v1/payees/{id}', `/v1/payees/${payeeId}`));
    notFound(await byB('PATCH', '/v1/payees/{id}', `/v1/payees/${payeeId}`, { name: 'Mallory' }));
    notFound(await byB('DELETE', '/v1/payees/{id}', `/v1/payees/${payeeId}`));
    notFound(await byB('POST', '/v1/payees/{id}/merge', `/v1/payees/${payeeId}/merge`, { intoId: bPayee.id }));
    notFound(await byB('POST', '/v1/payees/{id}/merge', `/v1/payees/${bPayee.id}/merge`, { intoId: payeeId }));
    notFound(await byB('GET', '/v1/payees/{id}/jobs/{jobId}', `/v1/payees/${payeeId}/jobs/${payeeId}`));
    // Saved payment methods: B can neither start a setup for A's payee, nor list or remove its methods.
    notFound(await byB('POST', '/v1/payees/{id}/payment-methods', `/v1/payees/${payeeId}/payment-methods`, {}));
    notFound(await byB('GET', '/v1/payees/{id}/payment-methods', `/v1/payees/${payeeId}/payment-methods`));
    notFound(
      await byB(
        'DELETE',
        '/v1/payees/{id}/payment-methods/{methodId}',
        `/v1/payees/${payeeId}/payment-methods/pm_${payeeId}`,
      ),
    );
    notFound(
      await byB('POST', '/v1/transactions', '/v1/transactions', {
        kind: 'expense',
        accountId: bAccount.id,
        money: { amount: 100, currency: 'EUR' },
        payeeId,
      }),
    );
  });

  test('writes that name A’s account or category are 404, and write nothing for B either', async () => {
    const money = { amount: 100, currency: 'EUR' };
    notFound(
      await byB('POST', '/v1/transactions', '/v1/transactions', { kind: 'expense', accountId: aAccount.id, money }),
    );
    notFound(
      await byB('POST', '/v1/transactions', '/v1/transactions', {
        kind: 'expense',
        accountId: bAccount.id,
        money,
        categoryId: aCategoryId,
      }),
    );
    notFound(
      await byB('PATCH', '/v1/transactions/{id}', `/v1/transactions/${bTransaction.id}`, { accountId: aAccount.id }),
    );
    notFound(
      await byB('PATCH', '/v1/transactions/{id}', `/v1/transactions/${bTransaction.id}`, { categoryId: aCategoryId }),
    );
    notFound(
      await byB('POST', '/v1/transfers', '/v1/transfers', {
        fromAccountId: bAccount.id,
        toAccountId: aAccount.id,
        money,
      }),
    );
    notFound(
      await byB('POST', '/v1/transfers', '/v1/transfers', {
        fromAccountId: aAccount.id,
        toAccountId: bAccount.id,
        money,
      }),
    );
    const bNow = expectOk(await api.get(`/v1/accounts/${bAccount.id}`, { token: b.token }), 200, 'B account').json;
    expect(bNow).toMatchObject({ balance: { amount: -100, currency: 'EUR' }, transactionCount: 1 });
    expect(
      expectOk(await api.get(`/v1/transactions/${bTransaction.id}`, { token: b.token }), 200, 'B txn').json,
    ).toEqual(bTransaction);
  });

  test('listing filtered by A’s account or category is 404', async () => {
    notFound(await byB('GET', '/v1/transactions', `/v1/transactions?accountId=${aAccount.id}`));
    notFound(await byB('GET', '/v1/transactions', `/v1/transactions?categoryId=${aCategoryId}`));
  });

  test('B’s own lists never show A’s items', async () => {
    const ids = (result: ApiResult) =>
      (result.json.items as { id?: string; name: string }[]).map((x) => x.id ?? x.name);
    const accounts = await byB('GET', '/v1/accounts', '/v1/accounts?includeArchived=true');
    expect(ids(accounts)).toEqual([bAccount.id]);
    const categories = await byB('GET', '/v1/categories', '/v1/categories?includeArchived=true&limit=200');
    expect(ids(categories)).not.toContain(aCategoryId);
    const payees = await byB('GET', '/v1/payees', '/v1/payees');
    expect(payees.json.items).toEqual([]);
    const transactions = await byB('GET', '/v1/transactions', '/v1/transactions?tag=private');
    expect(transactions.json.items).toEqual([]);
    expect(ids(await byB('GET', '/v1/transactions', '/v1/transactions'))).toEqual([bTransaction.id]);
  });

  test('A’s Idempotency-Key is B’s own key: B gets a new account, not A’s replayed response', async () => {
    const result = await byB(
      'POST',
      '/v1/accounts',
      '/v1/accounts',
      { name: 'B keyed', kind: 'cash', currency: 'EUR' },
      { 'idempotency-key': idempotencyKey },
    );
    expectStatus(result, 201);
    expect(result.headers.get('idempotent-replayed')).toBeNull();
    expect(result.json.name).toBe('B keyed');
    expectStatus(await api.delete(`/v1/accounts/${result.json.id}`, { token: b.token }), 204);
  });

  test('A’s cursors are refused for B: 400 naming cursor, on every list', async () => {
    for (const path of ['/v1/accounts', '/v1/categories', '/v1/payees', '/v1/transactions']) {
      const cursor = await cursorOfA(path);
      expectProblem(await byB('GET', path, `${path}?cursor=${encodeURIComponent(cursor)}`), 400, ['cursor']);
    }
  });

  test('reference data is the same for both: currencies, rates, OpenAPI', async () => {
    for (const [routePath, path] of [
      ['/v1/currencies', '/v1/currencies'],
      ['/v1/rates', '/v1/rates?date=2026-04-10'],
      ['/v1/openapi.json', '/v1/openapi.json'],
    ] as const) {
      const forB = await byB('GET', routePath, path);
      const forA = await api.get(path, { token: a.token });
      expectStatus(forB, 200);
      expect(forB.json).toEqual(forA.json);
    }
  });
});

test('after all of it, A’s ledger is exactly as it was (API and table)', async () => {
  expect(await snapshotOfA()).toEqual(before);
  expect(before.sortKeys.length).toBeGreaterThan(25);
});

test('every ledger route of the route table was attempted by B above', () => {
  expect(ledgerRoutes.length).toBeGreaterThan(0);
  expect(ledgerRoutes.map(routeKey).filter((key) => !attempted.has(key))).toEqual([]);
});
