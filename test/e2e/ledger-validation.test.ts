/**
 * Bad input on every ledger route: money that is not integer minor units (a float, a string, out of
 * range, a fraction of a yen), an unknown currency, unknown fields and query parameters, malformed
 * ids, and tampered cursors. Each is a 400 problem+json naming the field at fault, never a 5xx, and
 * nothing is written: the user's partition is compared item by item before and after.
 */
import { type ApiResult, call } from './support/api-client';
import { expectProblem } from './support/expectations';
import {
  type AccountView,
  createAccount,
  createTransaction,
  expectOk,
  type LedgerUser,
  ledgerSortKeys,
  ledgerUser,
  type TransactionView,
} from './support/ledger';
import { closeTable } from './support/table';

jest.setTimeout(60_000);

afterAll(() => closeTable());

let user: LedgerUser;
let eur: AccountView;
let jpy: AccountView;
let transaction: TransactionView;
let cursors: Record<'accounts' | 'categories' | 'payees' | 'transactions', string>;
let sortKeysBefore: string[];
let accountsBefore: unknown;

const send = (method: string, path: string, body?: unknown): Promise<ApiResult> =>
  call(method, path, { token: user.token, ...(body === undefined ? {} : { body }) });

async function firstCursor(path: string): Promise<string> {
  const result = expectOk(await send('GET', `${path}${path.includes('?') ? '&' : '?'}limit=1`), 200, path);
  expect(result.json.nextCursor).toEqual(expect.any(String));
  return result.json.nextCursor;
}

/** A cursor whose payload was edited: same user fingerprint, a position that we never issued. */
function tampered(cursor: string, after: string): string {
  const payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  return Buffer.from(JSON.stringify({ ...payload, after }), 'utf8').toString('base64url');
}

beforeAll(async () => {
  user = await ledgerUser();
  [eur, jpy] = await Promise.all([
    createAccount(user, { name: 'Euro', currency: 'EUR' }),
    createAccount(user, { name: 'Yen', kind: 'cash', currency: 'JPY' }),
  ]);
  transaction = await createTransaction(user, {
    accountId: eur.id,
    money: { amount: 1500, currency: 'EUR' },
    payee: 'Alpha',
    date: '2026-04-10',
  });
  await createTransaction(user, { accountId: jpy.id, money: { amount: 800, currency: 'JPY' }, payee: 'Beta' });
  cursors = {
    accounts: await firstCursor('/v1/accounts'),
    categories: await firstCursor('/v1/categories'),
    payees: await firstCursor('/v1/payees'),
    transactions: await firstCursor('/v1/transactions'),
  };
  sortKeysBefore = await ledgerSortKeys(user);
  accountsBefore = (await send('GET', '/v1/accounts')).json;
});

type Case = [name: string, method: string, path: () => string, body: () => unknown, fields: string[]];

const expense = (money: unknown, extra: Record<string, unknown> = {}) => ({
  kind: 'expense',
  accountId: eur.id,
  money,
  ...extra,
});
const transfer = (money: unknown, extra: Record<string, unknown> = {}) => ({
  fromAccountId: eur.id,
  toAccountId: jpy.id,
  money,
  ...extra,
});

const moneyCases = (route: string, method: string, path: () => string, wrap: (money: unknown) => unknown): Case[] => [
  [`${route}: amount as a float (12.5)`, method, path, () => wrap({ amount: 12.5, currency: 'EUR' }), ['money.amount']],
  [
    `${route}: amount as a string ("100")`,
    method,
    path,
    () => wrap({ amount: '100', currency: 'EUR' }),
    ['money.amount'],
  ],
  [
    `${route}: amount out of range (1e16)`,
    method,
    path,
    () => wrap({ amount: 1e16, currency: 'EUR' }),
    ['money.amount'],
  ],
  [
    `${route}: a fraction of a yen (10.5 JPY; JPY has no minor unit)`,
    method,
    path,
    () => wrap({ amount: 10.5, currency: 'JPY' }),
    ['money.amount'],
  ],
  [`${route}: zero`, method, path, () => wrap({ amount: 0, currency: 'EUR' }), ['money.amount']],
  [`${route}: negative`, method, path, () => wrap({ amount: -100, currency: 'EUR' }), ['money.amount']],
  [`${route}: unknown currency XYZ`, method, path, () => wrap({ amount: 100, currency: 'XYZ' }), ['money.currency']],
  [`${route}: lower-case currency`, method, path, () => wrap({ amount: 100, currency: 'eur' }), ['money.currency']],
  [
    `${route}: an unknown field inside money`,
    method,
    path,
    () => wrap({ amount: 100, currency: 'EUR', decimals: 2 }),
    ['money.decimals'],
  ],
];

const none = () => undefined;

const cases: Case[] = [
  // POST /v1/transactions
  ...moneyCases(
    'POST /v1/transactions',
    'POST',
    () => '/v1/transactions',
    (money) => expense(money),
  ),
  [
    'POST /v1/transactions: accountAmount as a float',
    'POST',
    () => '/v1/transactions',
    () => expense({ amount: 100, currency: 'USD' }, { accountAmount: 85.5 }),
    ['accountAmount'],
  ],
  [
    'POST /v1/transactions: accountAmount as a string',
    'POST',
    () => '/v1/transactions',
    () => expense({ amount: 100, currency: 'USD' }, { accountAmount: '85' }),
    ['accountAmount'],
  ],
  [
    'POST /v1/transactions: accountAmount out of range',
    'POST',
    () => '/v1/transactions',
    () => expense({ amount: 100, currency: 'USD' }, { accountAmount: 1e16 }),
    ['accountAmount'],
  ],
  [
    'POST /v1/transactions: accountAmount that contradicts money in the account currency',
    'POST',
    () => '/v1/transactions',
    () => expense({ amount: 100, currency: 'EUR' }, { accountAmount: 101 }),
    ['accountAmount'],
  ],
  [
    'POST /v1/transactions: an impossible date',
    'POST',
    () => '/v1/transactions',
    () => expense({ amount: 100, currency: 'EUR' }, { date: '2026-02-30' }),
    ['date'],
  ],
  [
    'POST /v1/transactions: a date more than a year ahead',
    'POST',
    () => '/v1/transactions',
    () => expense({ amount: 100, currency: 'EUR' }, { date: '2099-01-01' }),
    ['date'],
  ],
  [
    'POST /v1/transactions: an unknown field',
    'POST',
    () => '/v1/transactions',
    () => expense({ amount: 100, currency: 'EUR' }, { userId: 'someone-else' }),
    ['userId'],
  ],
  [
    'POST /v1/transactions: an id with the key separator',
    'POST',
    () => '/v1/transactions',
    () => expense({ amount: 100, currency: 'EUR' }, { accountId: `${eur.id}#x` }),
    ['accountId'],
  ],
  // PATCH /v1/transactions/{id}
  ...moneyCases(
    'PATCH /v1/transactions/{id}',
    'PATCH',
    () => `/v1/transactions/${transaction.id}`,
    (money) => ({ money }),
  ),
  [
    'PATCH /v1/transactions/{id}: an immutable field (externalId)',
    'PATCH',
    () => `/v1/transactions/${transaction.id}`,
    () => ({ externalId: 'x' }),
    ['externalId'],
  ],
  [
    'PATCH /v1/transactions/{id}: accountAmount as a float',
    'PATCH',
    () => `/v1/transactions/${transaction.id}`,
    () => ({ accountAmount: 1.5 }),
    ['accountAmount'],
  ],
  // POST /v1/transfers
  ...moneyCases(
    'POST /v1/transfers',
    'POST',
    () => '/v1/transfers',
    (money) => transfer(money),
  ),
  [
    'POST /v1/transfers: toAmount as a float',
    'POST',
    () => '/v1/transfers',
    () => transfer({ amount: 100, currency: 'EUR' }, { toAmount: 150.5 }),
    ['toAmount'],
  ],
  [
    'POST /v1/transfers: toAmount as a string',
    'POST',
    () => '/v1/transfers',
    () => transfer({ amount: 100, currency: 'EUR' }, { toAmount: '150' }),
    ['toAmount'],
  ],
  [
    'POST /v1/transfers: toAmount out of range',
    'POST',
    () => '/v1/transfers',
    () => transfer({ amount: 100, currency: 'EUR' }, { toAmount: 1e16 }),
    ['toAmount'],
  ],
  [
    'POST /v1/transfers: to the same account',
    'POST',
    () => '/v1/transfers',
    () => ({ fromAccountId: eur.id, toAccountId: eur.id, money: { amount: 100, currency: 'EUR' } }),
    ['toAccountId'],
  ],
  [
    'POST /v1/transfers: an unknown field',
    'POST',
    () => '/v1/transfers',
    () => transfer({ amount: 100, currency: 'EUR' }, { fee: 1 }),
    ['fee'],
  ],
  // Accounts
  [
    'POST /v1/accounts: unknown currency',
    'POST',
    () => '/v1/accounts',
    () => ({ name: 'x', kind: 'cash', currency: 'XYZ' }),
    ['currency'],
  ],
  [
    'POST /v1/accounts: an opening balance is not a field',
    'POST',
    () => '/v1/accounts',
    () => ({ name: 'x', kind: 'cash', currency: 'EUR', balance: 100 }),
    ['balance'],
  ],
  [
    'POST /v1/accounts: unknown kind',
    'POST',
    () => '/v1/accounts',
    () => ({ name: 'x', kind: 'piggy', currency: 'EUR' }),
    ['kind'],
  ],
  [
    'PATCH /v1/accounts/{id}: the currency never changes',
    'PATCH',
    () => `/v1/accounts/${eur.id}`,
    () => ({ currency: 'USD' }),
    ['currency'],
  ],
  [
    'PATCH /v1/accounts/{id}: the balance is not writable',
    'PATCH',
    () => `/v1/accounts/${eur.id}`,
    () => ({ name: 'Rich', balance: { amount: 1e9, currency: 'EUR' } }),
    ['balance'],
  ],
  ['GET /v1/accounts/{id}: a malformed id', 'GET', () => '/v1/accounts/not.an.id', none, ['id']],
  ['DELETE /v1/accounts/{id}: a malformed id', 'DELETE', () => '/v1/accounts/not.an.id', none, ['id']],
  ['GET /v1/accounts: an unknown parameter', 'GET', () => '/v1/accounts?owner=me', none, ['owner']],
  ['GET /v1/accounts: includeArchived=yes', 'GET', () => '/v1/accounts?includeArchived=yes', none, ['includeArchived']],
  // Categories
  [
    'POST /v1/categories: transfer is not a category kind',
    'POST',
    () => '/v1/categories',
    () => ({ name: 'x', kind: 'transfer' }),
    ['kind'],
  ],
  [
    'POST /v1/categories: an unknown field',
    'POST',
    () => '/v1/categories',
    () => ({ name: 'x', kind: 'expense', color: 'red' }),
    ['color'],
  ],
  [
    'PATCH /v1/categories/{id}: the kind never changes',
    'PATCH',
    () => '/v1/categories/groceries',
    () => ({ kind: 'income' }),
    ['kind'],
  ],
  ['DELETE /v1/categories/{id}: a malformed id', 'DELETE', () => '/v1/categories/a.b', none, ['id']],
  ['GET /v1/categories: limit=0', 'GET', () => '/v1/categories?limit=0', none, ['limit']],
  // Payees
  ['GET /v1/payees: limit=201', 'GET', () => '/v1/payees?limit=201', none, ['limit']],
  ['GET /v1/payees: an unknown parameter', 'GET', () => '/v1/payees?name=alpha', none, ['name']],
  // Transactions: reads
  ['GET /v1/transactions/{id}: a malformed id', 'GET', () => '/v1/transactions/not.an.id', none, ['id']],
  ['DELETE /v1/transactions/{id}: a malformed id', 'DELETE', () => '/v1/transactions/not.an.id', none, ['id']],
  ['GET /v1/transactions: limit=abc', 'GET', () => '/v1/transactions?limit=abc', none, ['limit']],
  ['GET /v1/transactions: an unknown parameter', 'GET', () => '/v1/transactions?amount=100', none, ['amount']],
  ['GET /v1/transactions: kind=refund', 'GET', () => '/v1/transactions?kind=refund', none, ['kind']],
  ['GET /v1/transactions: an impossible from', 'GET', () => '/v1/transactions?from=2026-13-01', none, ['from']],
  ['GET /v1/transactions: to before from', 'GET', () => '/v1/transactions?from=2026-04-10&to=2026-04-01', none, ['to']],
  // Reference data
  ['GET /v1/rates: unknown base XYZ', 'GET', () => '/v1/rates?base=XYZ', none, ['base']],
  ['GET /v1/rates: an impossible date', 'GET', () => '/v1/rates?date=2026-02-30', none, ['date']],
  ['GET /v1/currencies: an unknown parameter', 'GET', () => '/v1/currencies?code=EUR', none, ['code']],
  ['GET /v1/openapi.json: an unknown parameter', 'GET', () => '/v1/openapi.json?format=yaml', none, ['format']],
  // Tampered cursors
  ...(['accounts', 'categories', 'payees', 'transactions'] as const).flatMap((list): Case[] => [
    [
      `GET /v1/${list}: a cursor that is not base64 JSON`,
      'GET',
      () => `/v1/${list}?cursor=garbage!!`,
      none,
      ['cursor'],
    ],
    [
      `GET /v1/${list}: a cursor truncated in transit`,
      'GET',
      () => `/v1/${list}?cursor=${cursors[list].slice(0, -6)}`,
      none,
      ['cursor'],
    ],
    [
      `GET /v1/${list}: a cursor edited to point at another kind of item`,
      'GET',
      () => `/v1/${list}?cursor=${tampered(cursors[list], 'PROFILE')}`,
      none,
      ['cursor'],
    ],
  ]),
  [
    'GET /v1/transactions: a cursor of another list',
    'GET',
    () => `/v1/transactions?cursor=${cursors.accounts}`,
    none,
    ['cursor'],
  ],
  [
    'GET /v1/accounts: a cursor of another list',
    'GET',
    () => `/v1/accounts?cursor=${cursors.payees}`,
    none,
    ['cursor'],
  ],
];

test.each(cases)('%s → 400 naming the field', async (_name, method, path, body, fields) => {
  expectProblem(await send(method, path(), body()), 400, fields);
});

test('a JPY amount in whole yen is accepted where 10.5 was not (the control)', async () => {
  const result = await send('POST', '/v1/transactions', {
    kind: 'expense',
    accountId: jpy.id,
    money: { amount: 10, currency: 'JPY' },
  });
  expectOk(result, 201, 'whole yen');
  expectOk(await send('DELETE', `/v1/transactions/${result.json.id}`), 204, 'delete it again');
});

test('none of the refused requests wrote anything', async () => {
  expect(await ledgerSortKeys(user)).toEqual(sortKeysBefore);
  expect((await send('GET', '/v1/accounts')).json).toEqual(accountsBefore);
});
