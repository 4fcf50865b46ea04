/**
 * Multi-currency, to the minor unit. Every expected figure below was computed by hand from the
 * bundled ECB file (shared/rates/data/eurofxref-hist.csv), whose rows read:
 *
 *   2026-04-10 (Friday)  USD 1.1711  JPY 186.43
 *   2026-04-13 (Monday)  USD 1.1684  JPY 186.75
 *   (no rows for Saturday 04-11 and Sunday 04-12: those days use Friday's, with fallback: true)
 *
 * Cross rates go through EUR: the amount is multiplied by the exact quotient of the two EUR rates and
 * rounded half-even once to the target's minor unit; the readable rate (12 decimals) is shown here:
 *   USD→EUR on 04-10: 1 / 1.1711        = 0.853898044573   → USD 100.00 (10000) = 8538.98… → €85.39 (8539)
 *   JPY→EUR on 04-10: 1 / 186.43        = 0.005363943571   → ¥10000 = 53.6394… € → 5364 cents
 *   JPY→USD on 04-10: 1.1711 / 186.43   = 0.006281714316   → ¥12345 = 77.5477… $ → 7755 cents
 *                                                              ¥12345 in EUR = 66.2179… € → 6622 cents
 *   EUR→USD on 04-13: 1.1684                               → €50.00 (5000) = $58.42 (5842) exactly
 *   USD per 1 EUR on 04-10 seen from USD: JPY 186.43 / 1.1711 = 159.192212449833
 */
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
  type TransactionView,
} from './support/ledger';

jest.setTimeout(60_000);

const FRIDAY = '2026-04-10';
const SATURDAY = '2026-04-11';
const SUNDAY = '2026-04-12';
const MONDAY = '2026-04-13';

const ecb = (rate: string, rateDate: string, fallback: boolean) => ({ rate, source: 'ECB', rateDate, fallback });

let user: LedgerUser;
let eur: AccountView;
let usd: AccountView;

beforeAll(async () => {
  user = await ledgerUser({ homeCurrency: 'EUR' });
  [eur, usd] = await Promise.all([
    createAccount(user, { name: 'Everyday', currency: 'EUR' }),
    createAccount(user, { name: 'Dollars', kind: 'savings', currency: 'USD' }),
  ]);
});

describe('expenses in foreign currencies, converted at the ECB rate of their date', () => {
  test('a USD expense on a Friday into the EUR account: €85.39 at 0.853898044573', async () => {
    const t = await createTransaction(user, {
      accountId: eur.id,
      money: { amount: 10000, currency: 'USD' },
      date: FRIDAY,
    });
    expect(t).toMatchObject({
      kind: 'expense',
      accountId: eur.id,
      date: FRIDAY,
      money: { amount: 10000, currency: 'USD' },
      accountAmount: { amount: -8539, currency: 'EUR' },
      homeAmount: { amount: -8539, currency: 'EUR' },
      conversions: { account: ecb('0.853898044573', FRIDAY, false), home: ecb('0.853898044573', FRIDAY, false) },
    });
    // What was recorded is what is read back.
    expect(expectOk(await api.get(`/v1/transactions/${t.id}`, { token: user.token }), 200, 'get').json).toEqual(t);
  });

  test("a JPY expense on a Saturday: Friday's rate, fallback true", async () => {
    const t = await createTransaction(user, {
      accountId: eur.id,
      money: { amount: 10000, currency: 'JPY' },
      date: SATURDAY,
    });
    expect(t).toMatchObject({
      date: SATURDAY,
      money: { amount: 10000, currency: 'JPY' },
      accountAmount: { amount: -5364, currency: 'EUR' },
      homeAmount: { amount: -5364, currency: 'EUR' },
      conversions: { account: ecb('0.005363943571', FRIDAY, true), home: ecb('0.005363943571', FRIDAY, true) },
    });
  });

  test('a JPY expense on a Sunday into the USD account: a cross rate for the account, another for home', async () => {
    const t = await createTransaction(user, {
      accountId: usd.id,
      money: { amount: 12345, currency: 'JPY' },
      date: SUNDAY,
    });
    expect(t).toMatchObject({
      accountAmount: { amount: -7755, currency: 'USD' },
      homeAmount: { amount: -6622, currency: 'EUR' },
      conversions: { account: ecb('0.006281714316', FRIDAY, true), home: ecb('0.005363943571', FRIDAY, true) },
    });
  });

  test("the bank's own figure wins over the reference rate, recorded as the user's rate", async () => {
    const t = await createTransaction(user, {
      accountId: eur.id,
      money: { amount: 10000, currency: 'USD' },
      accountAmount: 9000,
      date: FRIDAY,
    });
    expect(t).toMatchObject({
      accountAmount: { amount: -9000, currency: 'EUR' },
      homeAmount: { amount: -9000, currency: 'EUR' },
      conversions: {
        account: { rate: '0.9', source: 'user', rateDate: FRIDAY, fallback: false },
        home: { rate: '0.9', source: 'user', rateDate: FRIDAY, fallback: false },
      },
    });
  });
});

describe('a transfer from EUR to USD on a Monday', () => {
  let transfer: { transferId: string; from: TransactionView; to: TransactionView };

  beforeAll(async () => {
    const result = await api.post(
      '/v1/transfers',
      { fromAccountId: eur.id, toAccountId: usd.id, money: { amount: 5000, currency: 'EUR' }, date: MONDAY },
      { token: user.token },
    );
    transfer = expectOk(result, 201, 'transfer').json;
  });

  test('€50.00 leaves the EUR account and $58.42 arrives at 1.1684; home totals do not move', () => {
    expect(transfer.from).toMatchObject({
      kind: 'transfer',
      accountId: eur.id,
      counterpartAccountId: usd.id,
      transferId: transfer.transferId,
      accountAmount: { amount: -5000, currency: 'EUR' },
      homeAmount: { amount: -5000, currency: 'EUR' },
      conversions: { account: null, home: null },
    });
    expect(transfer.to).toMatchObject({
      kind: 'transfer',
      accountId: usd.id,
      counterpartAccountId: eur.id,
      transferId: transfer.transferId,
      accountAmount: { amount: 5842, currency: 'USD' },
      homeAmount: { amount: 5000, currency: 'EUR' },
      conversions: { account: ecb('1.1684', MONDAY, false), home: null },
    });
  });
});

describe('balances', () => {
  test('each balance is exact and equals the sum of its transactions', async () => {
    // EUR: −8539 (USD) −5364 (JPY) −9000 (bank figure) −5000 (transfer out)
    // USD: −7755 (JPY) +5842 (transfer in)
    const [eurNow, usdNow] = await Promise.all([balanceCheck(user, eur.id), balanceCheck(user, usd.id)]);
    expect(eurNow).toEqual({ balance: -27903, count: 4, sum: -27903, listed: 4 });
    expect(usdNow).toEqual({ balance: -1913, count: 2, sum: -1913, listed: 2 });
    expect((await getAccount(user, usd.id)).balance).toEqual({ amount: -1913, currency: 'USD' });
  });
});

describe('reference data', () => {
  test("GET /v1/rates on a Saturday answers Friday's rates with fallback, as cross rates from the base", async () => {
    const result = await api.get(`/v1/rates?base=USD&date=${SATURDAY}`, { token: user.token });
    expectStatus(result, 200);
    expect(result.json).toMatchObject({
      base: 'USD',
      requestedDate: SATURDAY,
      date: FRIDAY,
      fallback: true,
      source: 'ECB',
      rates: { USD: '1', EUR: '0.853898044573', JPY: '159.192212449833' },
    });
  });

  test('GET /v1/rates before the first ECB publication: 404 no-rates', async () => {
    expectProblem(await api.get('/v1/rates?date=1998-12-31', { token: user.token }), 404);
  });

  test('GET /v1/currencies lists each currency with its minor-unit exponent', async () => {
    const result = await api.get('/v1/currencies', { token: user.token });
    expectStatus(result, 200);
    const byCode = new Map((result.json.items as { code: string; exponent: number }[]).map((c) => [c.code, c]));
    expect(byCode.get('EUR')).toMatchObject({ exponent: 2 });
    expect(byCode.get('JPY')).toMatchObject({ exponent: 0 });
    expect(byCode.get('BHD')).toMatchObject({ exponent: 3 });
    expect(byCode.has('XYZ')).toBe(false);
  });

  test('GET /v1/openapi.json is public and documents the ledger routes', async () => {
    const result = await api.get('/v1/openapi.json');
    expectStatus(result, 200);
    expect(result.json.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(result.json.paths)).toEqual(
      expect.arrayContaining(['/v1/accounts', '/v1/transactions', '/v1/transactions/{id}', '/v1/transfers']),
    );
  });
});
