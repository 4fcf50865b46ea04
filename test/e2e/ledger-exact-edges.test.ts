/**
 * The ledger's edges, through the HTTP API: a transfer has one home value, cross rates do not lose
 * cents, and amounts stay within the documented range. Figures from the bundled ECB file:
 *
 *   2025-07-15  USD 1.1665  JPY 172.58  GBP 0.8679  ISK 142.4
 *   2026-04-10  USD 1.1711  GBP 0.86693
 */
import { api } from './support/api-client';
import { expectProblem } from './support/expectations';
import {
  type AccountView,
  createAccount,
  createTransaction,
  expectOk,
  getAccount,
  type LedgerUser,
  ledgerUser,
  type TransactionView,
} from './support/ledger';

jest.setTimeout(60_000);

/** The largest amount one transaction may carry, in minor units of any currency: ⌊(2^53 − 1) / 1000⌋. */
const MAX_AMOUNT = 9_007_199_254_740;

describe('a transfer into the home-currency account', () => {
  let user: LedgerUser;
  let usd: AccountView;
  let gbp: AccountView;
  beforeAll(async () => {
    user = await ledgerUser({ homeCurrency: 'GBP' });
    [usd, gbp] = await Promise.all([
      createAccount(user, { name: 'Dollars', currency: 'USD' }),
      createAccount(user, { name: 'Pounds', currency: 'GBP' }),
    ]);
  });

  test('both legs carry the GBP that arrived, as an income of GBP 70.00 would', async () => {
    const transfer = expectOk(
      await api.post(
        '/v1/transfers',
        {
          fromAccountId: usd.id,
          toAccountId: gbp.id,
          money: { amount: 10000, currency: 'USD' },
          toAmount: 7000,
          date: '2026-04-10',
        },
        { token: user.token },
      ),
      201,
      'transfer',
    ).json as { from: TransactionView; to: TransactionView };
    expect(transfer.to).toMatchObject({
      accountAmount: { amount: 7000, currency: 'GBP' },
      homeAmount: { amount: 7000, currency: 'GBP' },
    });
    expect(transfer.from).toMatchObject({
      accountAmount: { amount: -10000, currency: 'USD' },
      homeAmount: { amount: -7000, currency: 'GBP' },
    });
    const income = await createTransaction(user, {
      kind: 'income',
      accountId: gbp.id,
      money: { amount: 7000, currency: 'GBP' },
      date: '2026-04-10',
    });
    expect(income.homeAmount).toEqual(transfer.to.homeAmount);
  });
});

describe('cross rates: the exact value, rounded half-even once', () => {
  let user: LedgerUser;
  let gbp: AccountView;
  let eur: AccountView;
  beforeAll(async () => {
    user = await ledgerUser({ homeCurrency: 'GBP' });
    [gbp, eur] = await Promise.all([
      createAccount(user, { name: 'Pounds', currency: 'GBP' }),
      createAccount(user, { name: 'Euros', currency: 'EUR' }),
    ]);
  });

  test('¥25,887 on 2025-07-15 is exactly £130.185: booked £130.18, and the recorded fraction says why', async () => {
    const t = await createTransaction(user, {
      accountId: gbp.id,
      money: { amount: 25_887, currency: 'JPY' },
      date: '2025-07-15',
    });
    expect(t.accountAmount).toEqual({ amount: -13_018, currency: 'GBP' });
    // 0.8679 / 172.58 in lowest terms.
    expect(t.conversions.account).toMatchObject({ exactRate: '8679/1725800', source: 'ECB', rateDate: '2025-07-15' });
  });

  test('ISK 267 is exactly €1.875: booked €1.88', async () => {
    const t = await createTransaction(user, {
      accountId: eur.id,
      money: { amount: 267, currency: 'ISK' },
      date: '2025-07-15',
    });
    expect(t.accountAmount).toEqual({ amount: -188, currency: 'EUR' });
  });
});

describe('the range of amounts (±(2^53 − 1) for every stored amount and total)', () => {
  let user: LedgerUser;
  beforeAll(async () => {
    user = await ledgerUser({ homeCurrency: 'EUR' });
  });

  /** The largest amount is accepted; one more minor unit is refused, naming money.amount. */
  async function edges(owner: LedgerUser, currency: string) {
    const account = await createAccount(owner, { name: currency, currency });
    await createTransaction(owner, { kind: 'income', accountId: account.id, money: { amount: MAX_AMOUNT, currency } });
    expect((await getAccount(owner, account.id)).balance).toEqual({ amount: MAX_AMOUNT, currency });
    const refused = await api.post(
      '/v1/transactions',
      { kind: 'income', accountId: account.id, money: { amount: MAX_AMOUNT + 1, currency } },
      { token: owner.token },
    );
    expectProblem(refused, 400, ['money.amount']);
    expect((await getAccount(owner, account.id)).balance).toEqual({ amount: MAX_AMOUNT, currency });
  }

  test('JPY (0 decimals): ¥9,007,199,254,740 accepted, one yen more refused', async () => {
    await edges(await ledgerUser({ homeCurrency: 'JPY' }), 'JPY');
  });
  test('EUR (2 decimals): €90,071,992,547.40 accepted, one cent more refused', async () => {
    await edges(user, 'EUR');
  });
  test('BHD (3 decimals): BD 9,007,199,254.740 accepted, one fils more refused', async () => {
    await edges(await ledgerUser({ homeCurrency: 'BHD' }), 'BHD');
  });

  test('EUR 90 billion into an IDR account would be ~1.8 × 10^18 IDR units: 422, nothing written', async () => {
    const idr = await createAccount(user, { name: 'Rupiah', currency: 'IDR' });
    const refused = await api.post(
      '/v1/transactions',
      { kind: 'income', accountId: idr.id, money: { amount: MAX_AMOUNT, currency: 'EUR' }, date: '2026-04-10' },
      { token: user.token },
    );
    expectProblem(refused, 422, ['money.amount']);
    expect(refused.json.type).toBe('urn:moneta:problem:amount-out-of-range');
    expect(await getAccount(user, idr.id)).toMatchObject({ balance: { amount: 0, currency: 'IDR' } });
  });

  test('ten of the largest KRW incomes land exactly, and every account still lists', async () => {
    const krw = await createAccount(user, { name: 'Won', currency: 'KRW' });
    for (let i = 0; i < 10; i++) {
      await createTransaction(user, {
        kind: 'income',
        accountId: krw.id,
        money: { amount: MAX_AMOUNT, currency: 'KRW' },
      });
    }
    expect((await getAccount(user, krw.id)).balance).toEqual({ amount: 10 * MAX_AMOUNT, currency: 'KRW' });
    const list = expectOk(await api.get('/v1/accounts', { token: user.token }), 200, 'list accounts');
    expect((list.json.items as AccountView[]).map((a) => a.id)).toContain(krw.id);
  });
});
