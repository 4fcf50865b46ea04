/**
 * Writing the ledger as a client with a flaky network would: retries with an Idempotency-Key,
 * a bank import delivered twice, stale If-Match versions, and edits and deletions whose balance
 * changes must be exact. After every write the account's balance is compared with the sum of its
 * transactions, read back through the API.
 */
import { randomUUID } from 'node:crypto';
import { api } from './support/api-client';
import { expectProblem, expectStatus } from './support/expectations';
import {
  type AccountView,
  balanceCheck,
  createAccount,
  createTransaction,
  expectOk,
  getAccount,
  type LedgerUser,
  ledgerUser,
  listAll,
  listTransactions,
  type TransactionView,
} from './support/ledger';
import { eventually } from './support/poll';

jest.setTimeout(60_000);

let user: LedgerUser;
beforeAll(async () => {
  user = await ledgerUser();
});

const withKey = (key: string) => ({ token: user.token, headers: { 'idempotency-key': key } });

describe('Idempotency-Key', () => {
  test('POST /v1/transactions twice with one key: the same answer, one transaction, one balance change', async () => {
    const account = await createAccount(user, { currency: 'EUR' });
    const key = randomUUID();
    const body = {
      kind: 'expense',
      accountId: account.id,
      money: { amount: 1999, currency: 'EUR' },
      date: '2026-04-10',
    };
    const first = await api.post('/v1/transactions', body, withKey(key));
    const second = await api.post('/v1/transactions', body, withKey(key));
    expectStatus(first, 201);
    expectStatus(second, 201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.json).toEqual(first.json);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(await balanceCheck(user, account.id)).toEqual({ balance: -1999, count: 1, sum: -1999, listed: 1 });

    // Same key, another request: refused, and still one transaction.
    const reused = await api.post(
      '/v1/transactions',
      { ...body, money: { amount: 2999, currency: 'EUR' } },
      withKey(key),
    );
    expectProblem(reused, 422);
    expect(reused.json.type).toBe('urn:moneta:problem:idempotency-key-reused');
    expect(await balanceCheck(user, account.id)).toEqual({ balance: -1999, count: 1, sum: -1999, listed: 1 });
  });

  test('five simultaneous retries with one key create one transaction', async () => {
    const account = await createAccount(user, { currency: 'EUR' });
    const key = randomUUID();
    const body = { kind: 'income', accountId: account.id, money: { amount: 700, currency: 'EUR' }, date: '2026-04-10' };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => api.post('/v1/transactions', body, withKey(key))),
    );
    for (const result of results) expectStatus(result, 201);
    expect(new Set(results.map((result) => result.json.id)).size).toBe(1);
    expect(await balanceCheck(user, account.id)).toEqual({ balance: 700, count: 1, sum: 700, listed: 1 });
  });

  test('POST /v1/transfers twice with one key: both legs once; another body with the key is a 422', async () => {
    const [from, to] = await Promise.all([
      createAccount(user, { currency: 'EUR' }),
      createAccount(user, { currency: 'EUR' }),
    ]);
    const key = randomUUID();
    const body = { fromAccountId: from.id, toAccountId: to.id, money: { amount: 2500, currency: 'EUR' } };
    const first = await api.post('/v1/transfers', body, withKey(key));
    const second = await api.post('/v1/transfers', body, withKey(key));
    expectStatus(first, 201);
    expectStatus(second, 201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.json).toEqual(first.json);
    expectProblem(await api.post('/v1/transfers', { ...body, toAmount: 2500 }, withKey(key)), 422);
    expect(await balanceCheck(user, from.id)).toEqual({ balance: -2500, count: 1, sum: -2500, listed: 1 });
    expect(await balanceCheck(user, to.id)).toEqual({ balance: 2500, count: 1, sum: 2500, listed: 1 });
  });

  test('POST /v1/accounts twice with one key: one account; another body with the key is a 422', async () => {
    const key = randomUUID();
    const name = `Idempotent ${key.slice(0, 8)}`;
    const first = await api.post('/v1/accounts', { name, kind: 'cash', currency: 'JPY' }, withKey(key));
    const second = await api.post('/v1/accounts', { name, kind: 'cash', currency: 'JPY' }, withKey(key));
    expectStatus(first, 201);
    expectStatus(second, 201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.json).toEqual(first.json);
    expectProblem(await api.post('/v1/accounts', { name, kind: 'cash', currency: 'USD' }, withKey(key)), 422);
    const { items } = await listAll<AccountView>(user, '/v1/accounts');
    expect(items.filter((account) => account.name === name).map((account) => account.id)).toEqual([first.json.id]);
  });

  test('a malformed Idempotency-Key is a 400 naming the header, and creates nothing', async () => {
    const account = await createAccount(user, { currency: 'EUR' });
    const body = { kind: 'expense', accountId: account.id, money: { amount: 100, currency: 'EUR' } };
    expectProblem(await api.post('/v1/transactions', body, withKey('not allowed: spaces')), 400, ['Idempotency-Key']);
    expect(await balanceCheck(user, account.id)).toEqual({ balance: 0, count: 0, sum: 0, listed: 0 });
  });
});

describe('externalId (bank imports)', () => {
  test('a second import of the same externalId: 409 naming the existing transaction, nothing written', async () => {
    const account = await createAccount(user, { currency: 'EUR' });
    const externalId = `bank-line-${randomUUID()}`;
    const first = await createTransaction(user, {
      accountId: account.id,
      money: { amount: 4200, currency: 'EUR' },
      externalId,
    });
    const again = await api.post(
      '/v1/transactions',
      { kind: 'expense', accountId: account.id, money: { amount: 4200, currency: 'EUR' }, externalId },
      { token: user.token },
    );
    expectProblem(again, 409);
    expect(again.json.existingTransactionId).toBe(first.id);
    expect(await balanceCheck(user, account.id)).toEqual({ balance: -4200, count: 1, sum: -4200, listed: 1 });

    // The claim goes with the transaction: once it is deleted the line can be imported again.
    expectStatus(await api.delete(`/v1/transactions/${first.id}`, { token: user.token }), 204);
    const reimported = await createTransaction(user, {
      accountId: account.id,
      money: { amount: 4200, currency: 'EUR' },
      externalId,
    });
    expect(reimported.externalId).toBe(externalId);
    expect(await balanceCheck(user, account.id)).toEqual({ balance: -4200, count: 1, sum: -4200, listed: 1 });
  });
});

describe('If-Match', () => {
  test('PATCH /v1/transactions/{id} with a stale version: 412 and nothing changes', async () => {
    const account = await createAccount(user, { currency: 'EUR' });
    const t = await createTransaction(user, { accountId: account.id, money: { amount: 1000, currency: 'EUR' } });
    const path = `/v1/transactions/${t.id}`;
    const v1 = (await api.get(path, { token: user.token })).headers.get('etag');
    expect(v1).toBe('"1"');
    const updated = await api.patch(path, { note: 'first edit' }, { token: user.token, headers: { 'if-match': v1! } });
    expectStatus(updated, 200);
    expect(updated.headers.get('etag')).toBe('"2"');
    const before = await api.get(path, { token: user.token });

    const stale = await api.patch(
      path,
      { money: { amount: 99999, currency: 'EUR' } },
      { token: user.token, headers: { 'if-match': v1! } },
    );
    expectProblem(stale, 412);
    expect((await api.get(path, { token: user.token })).json).toEqual(before.json);
    expect(await balanceCheck(user, account.id)).toEqual({ balance: -1000, count: 1, sum: -1000, listed: 1 });
    // A stale DELETE is refused the same way.
    expectProblem(await api.delete(path, { token: user.token, headers: { 'if-match': v1! } }), 412);
    expectStatus(await api.get(path, { token: user.token }), 200);
  });

  test('PATCH /v1/accounts/{id} with a stale version: 412 and nothing changes', async () => {
    const account = await createAccount(user, { name: 'Original', currency: 'EUR' });
    const path = `/v1/accounts/${account.id}`;
    const renamed = await api.patch(path, { name: 'Renamed' }, { token: user.token, headers: { 'if-match': '"1"' } });
    expectStatus(renamed, 200);
    const stale = await api.patch(
      path,
      { name: 'Lost update', archived: true },
      { token: user.token, headers: { 'if-match': '"1"' } },
    );
    expectProblem(stale, 412);
    const after = await getAccount(user, account.id);
    expect(after).toMatchObject({ name: 'Renamed', archived: false, version: renamed.json.version });
  });
});

describe('edits and deletions move balances exactly', () => {
  let eur: AccountView;
  let usd: AccountView;
  let t: TransactionView;

  beforeAll(async () => {
    [eur, usd] = await Promise.all([
      createAccount(user, { name: 'EUR', currency: 'EUR' }),
      createAccount(user, { name: 'USD', currency: 'USD' }),
    ]);
    // €20.00 on the Friday.
    t = await createTransaction(user, {
      accountId: eur.id,
      money: { amount: 2000, currency: 'EUR' },
      date: '2026-04-10',
      categoryId: 'groceries',
    });
  });

  const patch = async (body: Record<string, unknown>) =>
    expectOk(await api.patch(`/v1/transactions/${t.id}`, body, { token: user.token }), 200, 'patch').json;

  test('a new amount', async () => {
    t = await patch({ money: { amount: 3500, currency: 'EUR' } });
    expect(t.accountAmount).toEqual({ amount: -3500, currency: 'EUR' });
    expect(await balanceCheck(user, eur.id)).toEqual({ balance: -3500, count: 1, sum: -3500, listed: 1 });
  });

  test('a new currency (USD 100.00 on 2026-04-10 at 0.853898044573 is €85.39)', async () => {
    t = await patch({ money: { amount: 10000, currency: 'USD' } });
    expect(t.accountAmount).toEqual({ amount: -8539, currency: 'EUR' });
    expect(await balanceCheck(user, eur.id)).toEqual({ balance: -8539, count: 1, sum: -8539, listed: 1 });
  });

  test('a new date re-prices at that day (2026-04-09: USD 1.1685, so 1/1.1685 = 0.855798031665 → €85.58)', async () => {
    t = await patch({ date: '2026-04-09' });
    expect(t.conversions.account).toEqual({
      rate: '0.855798031665',
      exactRate: '2000/2337',
      source: 'ECB',
      rateDate: '2026-04-09',
      fallback: false,
      provisional: false,
      rateAgeDays: 0,
    });
    expect(t.accountAmount).toEqual({ amount: -8558, currency: 'EUR' });
    expect(await balanceCheck(user, eur.id)).toEqual({ balance: -8558, count: 1, sum: -8558, listed: 1 });
  });

  test('a new account: the old one is back to zero, the new one moves by the USD amount as entered', async () => {
    t = await patch({ accountId: usd.id });
    expect(t.accountAmount).toEqual({ amount: -10000, currency: 'USD' });
    expect(t.homeAmount).toEqual({ amount: -8558, currency: 'EUR' });
    expect(await balanceCheck(user, eur.id)).toEqual({ balance: 0, count: 0, sum: 0, listed: 0 });
    expect(await balanceCheck(user, usd.id)).toEqual({ balance: -10000, count: 1, sum: -10000, listed: 1 });
  });

  test('expense to income flips the sign', async () => {
    t = await patch({ kind: 'income', categoryId: 'refunds' });
    expect(t.accountAmount).toEqual({ amount: 10000, currency: 'USD' });
    expect(await balanceCheck(user, usd.id)).toEqual({ balance: 10000, count: 1, sum: 10000, listed: 1 });
  });

  test('deleting it restores both accounts to where they started', async () => {
    expectStatus(await api.delete(`/v1/transactions/${t.id}`, { token: user.token }), 204);
    expectProblem(await api.get(`/v1/transactions/${t.id}`, { token: user.token }), 404);
    expect(await balanceCheck(user, eur.id)).toEqual({ balance: 0, count: 0, sum: 0, listed: 0 });
    expect(await balanceCheck(user, usd.id)).toEqual({ balance: 0, count: 0, sum: 0, listed: 0 });
  });

  test('deleting one leg of a transfer removes both legs and both balance changes', async () => {
    const transfer = expectOk(
      await api.post(
        '/v1/transfers',
        { fromAccountId: eur.id, toAccountId: usd.id, money: { amount: 5000, currency: 'EUR' }, date: '2026-04-13' },
        { token: user.token },
      ),
      201,
      'transfer',
    ).json;
    expect(await balanceCheck(user, usd.id)).toMatchObject({ balance: 5842, sum: 5842 });
    // Only note and tags of a leg may change alone.
    expectProblem(
      await api.patch(
        `/v1/transactions/${transfer.to.id}`,
        { money: { amount: 1, currency: 'EUR' } },
        { token: user.token },
      ),
      409,
    );
    expectStatus(await api.delete(`/v1/transactions/${transfer.to.id}`, { token: user.token }), 204);
    expectProblem(await api.get(`/v1/transactions/${transfer.from.id}`, { token: user.token }), 404);
    expect(await balanceCheck(user, eur.id)).toEqual({ balance: 0, count: 0, sum: 0, listed: 0 });
    expect(await balanceCheck(user, usd.id)).toEqual({ balance: 0, count: 0, sum: 0, listed: 0 });
  });
});

describe('deleting an account', () => {
  test('409 while it has transactions; archived, it is deleted and its transactions follow', async () => {
    const [doomed, kept] = await Promise.all([
      createAccount(user, { name: 'Doomed', currency: 'EUR' }),
      createAccount(user, { name: 'Kept', currency: 'EUR' }),
    ]);
    const doomedIds = await Promise.all(
      [100, 200, 300].map(
        async (amount) =>
          (await createTransaction(user, { accountId: doomed.id, money: { amount, currency: 'EUR' } })).id,
      ),
    );
    const keptTransaction = await createTransaction(user, {
      accountId: kept.id,
      money: { amount: 50, currency: 'EUR' },
    });

    const refused = await api.delete(`/v1/accounts/${doomed.id}`, { token: user.token });
    expectProblem(refused, 409);
    expect(refused.json.type).toBe('urn:moneta:problem:account-has-transactions');
    expect(await balanceCheck(user, doomed.id)).toMatchObject({ balance: -600, count: 3 });

    // Archived: it takes no new entries, and can then be deleted.
    expectStatus(await api.patch(`/v1/accounts/${doomed.id}`, { archived: true }, { token: user.token }), 200);
    expectProblem(
      await api.post(
        '/v1/transactions',
        { kind: 'expense', accountId: doomed.id, money: { amount: 1, currency: 'EUR' } },
        { token: user.token },
      ),
      409,
    );
    expectStatus(await api.delete(`/v1/accounts/${doomed.id}`, { token: user.token }), 204);
    expectProblem(await api.get(`/v1/accounts/${doomed.id}`, { token: user.token }), 404);

    // The ledger-cleaner removes the transactions asynchronously.
    await eventually('the deleted account’s transactions to disappear', async () => {
      const statuses = await Promise.all(
        doomedIds.map(async (id) => (await api.get(`/v1/transactions/${id}`, { token: user.token })).status),
      );
      return statuses.every((status) => status === 404) ? true : undefined;
    });
    const remaining = await listTransactions(user);
    expect(remaining.filter((item) => doomedIds.includes(item.id))).toEqual([]);
    expect(remaining.map((item) => item.id)).toContain(keptTransaction.id);
    expect(await balanceCheck(user, kept.id)).toEqual({ balance: -50, count: 1, sum: -50, listed: 1 });
  });
});
