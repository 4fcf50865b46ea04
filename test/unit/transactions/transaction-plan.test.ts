/**
 * The ledger arithmetic, without I/O: amounts and their signs, conversions at the recorded rate of
 * the transaction date, and the balance/count deltas every write applies. Expected amounts are
 * worked out by hand from the ECB snapshot (2026-01-05: 1 EUR = 1.1664 USD = 182.93 JPY).
 */
import { MAX_AMOUNT } from '../../../shared/kit/money/money';
import {
  counterpartLegId,
  deltasBetween,
  planCreate,
  planDelete,
  planReprice,
  planTransfer,
  planUpdate,
  storedTransaction,
  transferLegIds,
  updateReads,
} from '../../../shared/transactions/plan';
import {
  type CreateTransactionBody,
  createTransactionBody,
  createTransferBody,
  patchTransactionBody,
} from '../../../shared/transactions/schemas';
import { accountFixture, categoryFixture, snapshotRatesOn, transactionFixture } from './support/ledger-fixtures';

const NOW = '2026-01-10T12:00:00.000Z';
const eur = accountFixture();
const usd = accountFixture({ accountId: 'acc-usd', currency: 'USD' });
const jpy = accountFixture({ accountId: 'acc-jpy', currency: 'JPY' });
const groceries = categoryFixture();
const salary = categoryFixture({ categoryId: 'salary', name: 'Salary', kind: 'income' });

const create = (body: Record<string, unknown>, ctx: Partial<Parameters<typeof planCreate>[1]> = {}) => {
  const parsed: CreateTransactionBody = createTransactionBody().parse(body);
  const date = parsed.date ?? '2026-01-05';
  return planCreate(parsed, {
    userId: 'user-1',
    transactionId: 'TX1',
    now: NOW,
    date,
    account: eur,
    category: groceries,
    homeCurrency: 'EUR',
    rates: snapshotRatesOn(date),
    largeFrom: 100_000,
    ...ctx,
  });
};
const patch = (body: Record<string, unknown>) => patchTransactionBody().parse(body);

describe('planCreate', () => {
  test('an expense in the account currency takes its amount off the balance, unconverted', () => {
    const { item, deltas } = create({
      kind: 'expense',
      accountId: 'acc-eur',
      money: { amount: 1250, currency: 'EUR' },
      categoryId: 'groceries',
      payee: ' Corner Shop ',
      tags: ['Food', 'food', 'weekly'],
    });
    expect(item).toMatchObject({
      kind: 'expense',
      amount: 1250,
      currency: 'EUR',
      accountAmount: -1250,
      accountCurrency: 'EUR',
      homeAmount: -1250,
      homeCurrency: 'EUR',
      accountConversion: null,
      homeConversion: null,
      payee: 'Corner Shop',
      tags: ['food', 'weekly'],
      version: 1,
      createdAt: NOW,
    });
    expect(deltas).toEqual({
      accounts: [{ accountId: 'acc-eur', balance: -1250, count: 1, pending: -1250 }],
      categories: [{ categoryId: 'groceries', count: 1 }],
    });
  });

  test('an income adds to the balance', () => {
    const { item, deltas } = create(
      { kind: 'income', accountId: 'acc-eur', money: { amount: 300000, currency: 'EUR' }, categoryId: 'salary' },
      { category: salary },
    );
    expect(item.accountAmount).toBe(300000);
    expect(item.homeAmount).toBe(300000);
    expect(deltas.accounts).toEqual([{ accountId: 'acc-eur', balance: 300000, count: 1, pending: 300000 }]);
  });

  test('a foreign amount is converted at the ECB cross rate of its date, rounded once, half-even', () => {
    const { item } = create({ kind: 'expense', accountId: 'acc-eur', money: { amount: 1000, currency: 'USD' } });
    // 10.00 USD / 1.1664 = 8.5733… EUR → 857 cents.
    expect(item.accountAmount).toBe(-857);
    expect(item.accountConversion).toEqual({
      rate: '0.857338820302',
      exactRate: '625/729', // exactly what was multiplied
      source: 'ECB',
      rateDate: '2026-01-05',
      fallback: false,
      provisional: false,
      rateAgeDays: 0,
    });
    expect(item.homeAmount).toBe(-857);
    expect(item.homeConversion).toEqual(item.accountConversion);
  });

  test('minor-unit exponents are part of the conversion (USD cents into whole yen)', () => {
    const { item } = create(
      { kind: 'expense', accountId: 'acc-jpy', money: { amount: 1000, currency: 'USD' } },
      { account: jpy, category: undefined },
    );
    // 10.00 USD × (182.93 / 1.1664) = 1568.33 JPY → 1568.
    expect(item.accountAmount).toBe(-1568);
    expect(item.accountConversion?.rate).toBe('156.832990397805');
    // Home (EUR) is converted from the amount as entered, not from the yen.
    expect(item.homeAmount).toBe(-857);
  });

  test('a day without rates uses the latest earlier day and records the fallback', () => {
    const { item } = create({
      kind: 'expense',
      accountId: 'acc-eur',
      money: { amount: 1000, currency: 'USD' },
      date: '2026-01-04',
    });
    expect(item.date).toBe('2026-01-04');
    expect(item.accountAmount).toBe(-853);
    expect(item.accountConversion).toEqual({
      rate: '0.853169524785',
      exactRate: '10000/11721', // exactly what was multiplied
      source: 'ECB',
      rateDate: '2026-01-02',
      fallback: true,
      provisional: false,
      rateAgeDays: 2,
    });
  });

  test('home amounts are in the home currency, independent of the account currency', () => {
    const { item } = create(
      { kind: 'expense', accountId: 'acc-eur', money: { amount: 5000, currency: 'JPY' } },
      { homeCurrency: 'USD' },
    );
    // 5000 JPY / 182.93 = 27.33 EUR; 5000 JPY × 1.1664 / 182.93 = 31.88 USD.
    expect(item.accountAmount).toBe(-2733);
    expect(item.homeCurrency).toBe('USD');
    expect(item.homeAmount).toBe(-3188);
  });

  test('a currency without a reference rate needs the amount the bank charged: 422 naming money.currency', () => {
    expect(() => create({ kind: 'expense', accountId: 'acc-eur', money: { amount: 150000, currency: 'ARS' } })).toThrow(
      expect.objectContaining({
        status: 422,
        slug: 'no-exchange-rate',
        errors: [expect.objectContaining({ field: 'money.currency' })],
      }),
    );
  });

  test("with the bank's amount, that amount moves the balance and its rate is recorded as the user's", () => {
    const { item } = create({
      kind: 'expense',
      accountId: 'acc-eur',
      money: { amount: 150000, currency: 'ARS' },
      accountAmount: 105,
    });
    expect(item.accountAmount).toBe(-105);
    // 1.05 EUR for 1500.00 ARS: 0.0007 EUR per peso.
    expect(item.accountConversion).toEqual({
      rate: '0.0007',
      exactRate: '7/10000',
      source: 'user',
      rateDate: '2026-01-05',
      fallback: false,
      provisional: false,
      rateAgeDays: 0,
    });
    expect(item.homeAmount).toBe(-105);
  });

  test("the bank's figure reaches a third home currency through the account currency's reference rate", () => {
    const { item } = create(
      { kind: 'expense', accountId: 'acc-eur', money: { amount: 150000, currency: 'ARS' }, accountAmount: 105 },
      { homeCurrency: 'USD' },
    );
    // 0.0007 EUR/ARS × 1.1664 USD/EUR = 0.00081648 USD/ARS; 1500 ARS → 1.22 USD.
    expect(item.homeConversion).toEqual({
      rate: '0.00081648',
      exactRate: '5103/6250000', // exactly what was multiplied
      source: 'user',
      rateDate: '2026-01-05',
      fallback: false,
      provisional: false,
      rateAgeDays: 0,
    });
    expect(item.homeAmount).toBe(-122);
  });

  test('accountAmount that contradicts an amount already in the account currency is a 400 naming it', () => {
    expect(() =>
      create({ kind: 'expense', accountId: 'acc-eur', money: { amount: 1000, currency: 'EUR' }, accountAmount: 999 }),
    ).toThrow(expect.objectContaining({ status: 400, errors: [expect.objectContaining({ field: 'accountAmount' })] }));
  });

  test('an income in an expense category is a refund: it raises the balance and keeps the category', () => {
    const { item, deltas } = create(
      { kind: 'income', accountId: 'acc-eur', money: { amount: 1000, currency: 'EUR' }, categoryId: 'groceries' },
      { category: groceries },
    );
    expect(item).toMatchObject({ kind: 'income', categoryId: 'groceries', accountAmount: 1000, homeAmount: 1000 });
    expect(deltas).toEqual({
      accounts: [{ accountId: 'acc-eur', balance: 1000, count: 1, pending: 1000 }],
      categories: [{ categoryId: 'groceries', count: 1 }],
    });
  });

  test('an expense in an income category reverses income (salary paid back): it lowers the balance', () => {
    const { item, deltas } = create(
      { kind: 'expense', accountId: 'acc-eur', money: { amount: 40000, currency: 'EUR' }, categoryId: 'salary' },
      { category: salary },
    );
    expect(item).toMatchObject({ kind: 'expense', categoryId: 'salary', accountAmount: -40000, homeAmount: -40000 });
    expect(deltas).toEqual({
      accounts: [{ accountId: 'acc-eur', balance: -40000, count: 1, pending: -40000 }],
      categories: [{ categoryId: 'salary', count: 1 }],
    });
  });

  test('refuses a missing account (404), an archived one (409), a missing category (404) and an archived one (409)', () => {
    const body = {
      kind: 'expense',
      accountId: 'acc-eur',
      money: { amount: 100, currency: 'EUR' },
      categoryId: 'salary',
    };
    expect(() => create(body, { account: undefined })).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => create(body, { account: accountFixture({ archived: true }) })).toThrow(
      expect.objectContaining({ status: 409, slug: 'account-archived' }),
    );
    expect(() => create(body, { category: undefined })).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => create(body, { category: categoryFixture({ categoryId: 'salary', archived: true }) })).toThrow(
      expect.objectContaining({ status: 409, slug: 'category-archived' }),
    );
  });

  test("it is large from the user's large-transaction amount on, in the home currency, either direction", () => {
    const entry = (kind: string, amount: number, currency = 'EUR') =>
      create(
        { kind, accountId: 'acc-eur', money: { amount, currency }, categoryId: 'groceries' },
        { largeFrom: 50_000 },
      ).item.large;
    expect(entry('expense', 49_999)).toBe(false);
    expect(entry('expense', 50_000)).toBe(true);
    expect(entry('income', 50_000)).toBe(true);
    // A USD amount is judged by its value in euros (USD is worth less), not by the digits entered.
    expect(entry('expense', 52_000, 'USD')).toBe(false);
    expect(entry('expense', 60_000, 'USD')).toBe(true);
  });

  test('the stored item carries the three index keys; without a category, no gsi3', () => {
    const { item } = create({ kind: 'expense', accountId: 'acc-eur', money: { amount: 100, currency: 'EUR' } });
    expect(storedTransaction('user-1', item)).toMatchObject({
      pk: 'USER#user-1',
      sk: 'TXN#TX1',
      gsi1pk: 'USER#user-1#TXN',
      gsi1sk: '2026-01-05#TX1',
      gsi2pk: 'USER#user-1#ACCOUNT#acc-eur',
      gsi2sk: '2026-01-05#TX1',
    });
    expect(storedTransaction('user-1', item)).not.toHaveProperty('gsi3pk');
    expect(storedTransaction('user-1', { ...item, categoryId: 'groceries' })).toMatchObject({
      gsi3pk: 'USER#user-1#CATEGORY#groceries',
      gsi3sk: '2026-01-05#TX1',
    });
  });
});

describe('the range every amount keeps', () => {
  const idr = accountFixture({ accountId: 'acc-idr', currency: 'IDR' });
  const outOfRange = (run: () => unknown, field: string) => {
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({ status: 422, slug: 'amount-out-of-range', errors: [{ in: 'body', field }] });
      return;
    }
    throw new Error('expected a 422');
  };

  test('EUR 90 billion into an IDR account would be ~1.8 × 10^18 IDR units: 422 naming money.amount', () => {
    outOfRange(
      () =>
        create(
          { kind: 'income', accountId: 'acc-idr', money: { amount: 9_000_000_000_000, currency: 'EUR' } },
          { account: idr, category: undefined },
        ),
      'money.amount',
    );
  });

  test('the largest transaction amount converts when its value fits', () => {
    const { item } = create(
      { kind: 'income', accountId: 'acc-eur', money: { amount: MAX_AMOUNT, currency: 'EUR' } },
      { category: undefined },
    );
    expect(item.accountAmount).toBe(MAX_AMOUNT);
  });
});

describe('planUpdate', () => {
  const old = transactionFixture();

  test('an amount change in the same account is one net delta', () => {
    const { item, deltas } = planUpdate(old, patch({ money: { amount: 2000, currency: 'EUR' } }), { now: NOW });
    expect(item).toMatchObject({ amount: 2000, accountAmount: -2000, homeAmount: -2000, version: 2, updatedAt: NOW });
    expect(item.createdAt).toBe(old.createdAt);
    expect(deltas).toEqual({ accounts: [{ accountId: 'acc-eur', balance: -750, count: 0 }], categories: [] });
  });

  test('moving to another account takes it off the old one and adds it, converted, to the new one', () => {
    const reads = updateReads(old, patch({ accountId: 'acc-usd' }));
    expect(reads.accountId).toBe('acc-usd');
    const { item, deltas } = planUpdate(old, patch({ accountId: 'acc-usd' }), {
      now: NOW,
      account: usd,
      rates: snapshotRatesOn('2026-01-05'),
    });
    // 12.50 EUR × 1.1664 = 14.58 USD.
    expect(item).toMatchObject({
      accountId: 'acc-usd',
      accountCurrency: 'USD',
      accountAmount: -1458,
      homeAmount: -1250,
    });
    expect(deltas.accounts).toEqual([
      { accountId: 'acc-eur', balance: 1250, count: -1 },
      { accountId: 'acc-usd', balance: -1458, count: 1 },
    ]);
  });

  test('moving into an archived account is refused', () => {
    expect(() =>
      planUpdate(old, patch({ accountId: 'acc-usd' }), { now: NOW, account: accountFixture({ archived: true }) }),
    ).toThrow(expect.objectContaining({ status: 409 }));
  });

  test('a category change moves the count; clearing it removes the count', () => {
    const other = categoryFixture({ categoryId: 'dining' });
    expect(planUpdate(old, patch({ categoryId: 'dining' }), { now: NOW, category: other }).deltas).toEqual({
      accounts: [],
      categories: [
        { categoryId: 'groceries', count: -1 },
        { categoryId: 'dining', count: 1 },
      ],
    });
    const cleared = planUpdate(old, patch({ categoryId: null }), { now: NOW });
    expect(cleared.item.categoryId).toBeNull();
    expect(cleared.deltas.categories).toEqual([{ categoryId: 'groceries', count: -1 }]);
  });

  test('flipping the kind flips the sign (twice the amount on the balance), with or without a new category', () => {
    const flipped = planUpdate(old, patch({ kind: 'income', categoryId: 'salary' }), { now: NOW, category: salary });
    expect(flipped.item.accountAmount).toBe(1250);
    expect(flipped.item.homeAmount).toBe(1250);
    expect(flipped.deltas.accounts).toEqual([{ accountId: 'acc-eur', balance: 2500, count: 0 }]);
  });

  test('an expense edited into an income keeps its expense category: it becomes a refund', () => {
    // The category stays what it was, so there is nothing to read or check.
    expect(updateReads(old, patch({ kind: 'income' })).categoryId).toBeUndefined();
    const refund = planUpdate(old, patch({ kind: 'income' }), { now: NOW });
    expect(refund.item).toMatchObject({
      kind: 'income',
      categoryId: 'groceries',
      accountAmount: 1250,
      homeAmount: 1250,
    });
    expect(refund.deltas).toEqual({ accounts: [{ accountId: 'acc-eur', balance: 2500, count: 0 }], categories: [] });
  });

  test('a category change still needs a category that exists and is not archived', () => {
    expect(() => planUpdate(old, patch({ categoryId: 'salary' }), { now: NOW, category: undefined })).toThrow(
      expect.objectContaining({ status: 404 }),
    );
    expect(() =>
      planUpdate(old, patch({ kind: 'income', categoryId: 'salary' }), {
        now: NOW,
        category: categoryFixture({ categoryId: 'salary', kind: 'income', archived: true }),
      }),
    ).toThrow(expect.objectContaining({ status: 409, slug: 'category-archived' }));
    // An expense moved into an income category: a reversal of income, accepted.
    expect(planUpdate(old, patch({ categoryId: 'salary' }), { now: NOW, category: salary }).item).toMatchObject({
      kind: 'expense',
      categoryId: 'salary',
      accountAmount: -1250,
    });
  });

  test('a note or tag edit moves nothing', () => {
    const { item, deltas } = planUpdate(old, patch({ note: 'birthday', tags: ['Party'] }), { now: NOW });
    expect(item).toMatchObject({ note: 'birthday', tags: ['party'], accountAmount: -1250 });
    expect(deltas).toEqual({ accounts: [], categories: [] });
    expect(updateReads(old, patch({ note: 'x' })).reprice).toBeUndefined();
  });

  test("a date change re-prices at that day's rate", () => {
    const foreign = transactionFixture({ amount: 1000, currency: 'USD', accountAmount: -857, homeAmount: -857 });
    const { item, deltas } = planUpdate(foreign, patch({ date: '2026-01-02' }), {
      now: NOW,
      rates: snapshotRatesOn('2026-01-02'),
    });
    expect(item.accountAmount).toBe(-853);
    expect(item.accountConversion?.rateDate).toBe('2026-01-02');
    expect(deltas.accounts).toEqual([{ accountId: 'acc-eur', balance: 4, count: 0 }]);
  });

  test("the bank's figure survives a date change, but not a new amount", () => {
    const userPriced = transactionFixture({
      amount: 150000,
      currency: 'ARS',
      accountAmount: -105,
      homeAmount: -105,
      accountConversion: { rate: '0.0007', source: 'user', rateDate: '2026-01-05', fallback: false },
      homeConversion: { rate: '0.0007', source: 'user', rateDate: '2026-01-05', fallback: false },
    });
    const moved = planUpdate(userPriced, patch({ date: '2026-01-06' }), {
      now: NOW,
      rates: snapshotRatesOn('2026-01-06'),
    });
    expect(moved.item.accountAmount).toBe(-105);
    expect(moved.item.accountConversion?.rateDate).toBe('2026-01-06');
    expect(() =>
      planUpdate(userPriced, patch({ money: { amount: 200000, currency: 'ARS' } }), {
        now: NOW,
        rates: snapshotRatesOn('2026-01-05'),
      }),
    ).toThrow(expect.objectContaining({ status: 422 }));
  });

  test('a transfer leg accepts only note and tags (409 transfer-leg otherwise)', () => {
    const leg = transactionFixture({
      kind: 'transfer',
      transferId: 'T',
      categoryId: null,
      counterpartAccountId: 'acc-usd',
    });
    expect(() => planUpdate(leg, patch({ money: { amount: 1, currency: 'EUR' } }), { now: NOW })).toThrow(
      expect.objectContaining({ status: 409, slug: 'transfer-leg' }),
    );
    const noted = planUpdate(leg, patch({ note: 'rent share' }), { now: NOW });
    expect(noted.item).toMatchObject({ kind: 'transfer', note: 'rent share', accountAmount: -1250 });
    expect(noted.deltas).toEqual({ accounts: [], categories: [] });
  });
});

describe('planDelete and deltasBetween', () => {
  test('deleting takes back exactly what the transaction added', () => {
    const old = transactionFixture();
    expect(planDelete([old]).deltas).toEqual({
      accounts: [{ accountId: 'acc-eur', balance: 1250, count: -1 }],
      categories: [{ categoryId: 'groceries', count: -1 }],
    });
  });

  test('an unchanged transaction makes no delta at all', () => {
    const old = transactionFixture();
    expect(deltasBetween([old], [{ ...old, note: 'x' }])).toEqual({ accounts: [], categories: [] });
  });
});

describe('planTransfer', () => {
  const ids = transferLegIds('01KE0000000000000000000000');
  const base = {
    transferId: '01KE0000000000000000000000',
    ...ids,
    now: NOW,
    date: '2026-01-05',
    from: eur,
    to: usd,
    homeCurrency: 'EUR',
    rates: snapshotRatesOn('2026-01-05'),
  };

  test('two legs with opposite signs; the destination gets the converted amount', () => {
    const { outLeg, inLeg, deltas } = planTransfer(
      createTransferBody().parse({
        fromAccountId: 'acc-eur',
        toAccountId: 'acc-usd',
        money: { amount: 10000, currency: 'EUR' },
      }),
      base,
    );
    expect(outLeg).toMatchObject({
      kind: 'transfer',
      accountId: 'acc-eur',
      accountAmount: -10000,
      counterpartAccountId: 'acc-usd',
    });
    // 100.00 EUR × 1.1664 = 116.64 USD.
    expect(inLeg).toMatchObject({
      kind: 'transfer',
      accountId: 'acc-usd',
      accountAmount: 11664,
      counterpartAccountId: 'acc-eur',
    });
    expect(outLeg.homeAmount + inLeg.homeAmount).toBe(0);
    expect(outLeg.transferId).toBe(inLeg.transferId);
    expect(deltas.accounts).toEqual([
      { accountId: 'acc-eur', balance: -10000, count: 1, pending: -10000 },
      { accountId: 'acc-usd', balance: 11664, count: 1, pending: 11664 },
    ]);
  });

  test('toAmount, when given, is what arrives', () => {
    const { inLeg } = planTransfer(
      createTransferBody().parse({
        fromAccountId: 'acc-eur',
        toAccountId: 'acc-usd',
        money: { amount: 10000, currency: 'EUR' },
        toAmount: 11500,
      }),
      base,
    );
    expect(inLeg.accountAmount).toBe(11500);
    expect(inLeg.accountConversion).toMatchObject({ rate: '1.15', source: 'user' });
  });

  describe('one home value for both legs', () => {
    const gbp = accountFixture({ accountId: 'acc-gbp', currency: 'GBP' });
    const home = { ...base, from: usd, to: gbp, homeCurrency: 'GBP' };
    const usdToGbp = (extra: object = {}) =>
      createTransferBody().parse({
        fromAccountId: 'acc-usd',
        toAccountId: 'acc-gbp',
        money: { amount: 10000, currency: 'USD' },
        ...extra,
      });

    test('into the home-currency account: the bank figure that arrived is the home value of both legs', () => {
      const { outLeg, inLeg } = planTransfer(usdToGbp({ toAmount: 7000 }), home);
      expect(inLeg).toMatchObject({ accountAmount: 7000, homeAmount: 7000 });
      expect(outLeg).toMatchObject({ accountAmount: -10000, homeAmount: -7000 });
      expect(outLeg.homeConversion).toEqual(inLeg.accountConversion);
      // The same GBP 70.00 recorded as an income into that account counts the same at home.
      const income = create(
        { kind: 'income', accountId: 'acc-gbp', money: { amount: 7000, currency: 'GBP' } },
        { account: gbp, category: undefined, homeCurrency: 'GBP' },
      );
      expect(income.item.homeAmount).toBe(inLeg.homeAmount);
    });

    test('out of the home-currency account: what left it is the home value', () => {
      const { outLeg, inLeg } = planTransfer(
        createTransferBody().parse({
          fromAccountId: 'acc-gbp',
          toAccountId: 'acc-usd',
          money: { amount: 7000, currency: 'GBP' },
          toAmount: 9100,
        }),
        { ...home, from: gbp, to: usd },
      );
      expect(outLeg).toMatchObject({ accountAmount: -7000, homeAmount: -7000, homeConversion: null });
      expect(inLeg).toMatchObject({ accountAmount: 9100, homeAmount: 7000 });
    });

    test('between two foreign accounts: the money converted once', () => {
      const eurAccount = accountFixture({ accountId: 'acc-eur', currency: 'EUR' });
      const { outLeg, inLeg } = planTransfer(usdToGbp({ toAccountId: 'acc-eur', toAmount: 8600 }), {
        ...home,
        to: eurAccount,
      });
      // 100.00 USD × 0.8676 / 1.1664 (2026-01-05) = £74.3827… → 7438.
      expect(inLeg.homeAmount).toBe(7438);
      expect(outLeg.homeAmount).toBe(-7438);
    });
  });

  test('each leg finds the other by id', () => {
    expect(ids).toEqual({ outLegId: '01KE0000000000000000000000', inLegId: '01KE0000000000000000000001' });
    expect(transferLegIds('01KE000000000000000000000Z').inLegId).toBe('01KE0000000000000000000010');
    expect(counterpartLegId({ transactionId: ids.outLegId, transferId: base.transferId })).toBe(ids.inLegId);
    expect(counterpartLegId({ transactionId: ids.inLegId, transferId: base.transferId })).toBe(ids.outLegId);
    expect(counterpartLegId({ transactionId: 'X', transferId: null })).toBeUndefined();
  });

  test('the same account on both sides is a 400 naming toAccountId', () => {
    const result = createTransferBody().safeParse({
      fromAccountId: 'a',
      toAccountId: 'a',
      money: { amount: 1, currency: 'EUR' },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['toAccountId']);
  });
});

describe('planReprice', () => {
  // 2026-04-14 is after the snapshot's newest day (04-13): converted then, provisional.
  const DAY = '2026-04-14';
  const published = {
    date: DAY,
    requestedDate: DAY,
    fallback: false,
    provisional: false,
    source: 'ECB' as const,
    rates: { USD: '1.25', JPY: '186.5' },
  };

  test("a provisional expense takes its day's rate once published: amounts, conversion and balance move, the version goes up", () => {
    const { item } = create({
      kind: 'expense',
      accountId: 'acc-eur',
      money: { amount: 10000, currency: 'USD' },
      date: DAY,
    });
    expect(item.accountConversion).toMatchObject({ rateDate: '2026-04-13', provisional: true, rateAgeDays: 1 });
    expect(storedTransaction('user-1', item)).toMatchObject({ gsi4pk: 'PROVISIONAL#ECB', gsi4sk: `${DAY}#user-1#TX1` });

    const { items, deltas } = planReprice([item], published, NOW);
    const [repriced] = items;
    expect(repriced).toMatchObject({
      accountAmount: -8000,
      homeAmount: -8000,
      accountConversion: { rate: '0.8', rateDate: DAY, fallback: false, provisional: false, rateAgeDays: 0 },
      version: item.version + 1,
      updatedAt: NOW,
    });
    expect(storedTransaction('user-1', repriced!)).not.toHaveProperty('gsi4pk');
    expect(deltas.accounts).toEqual([
      {
        accountId: 'acc-eur',
        balance: item.accountAmount * -1 - 8000,
        count: 0,
        pending: item.accountAmount * -1 - 8000,
      },
    ]);
  });

  test('a transfer is re-priced as a pair and keeps one home value', () => {
    const { outLeg, inLeg } = planTransfer(
      createTransferBody().parse({
        fromAccountId: 'acc-eur',
        toAccountId: 'acc-usd',
        money: { amount: 10000, currency: 'EUR' },
        date: DAY,
      }),
      {
        ...transferLegIds('01KE0000000000000000000000'),
        transferId: '01KE0000000000000000000000',
        now: NOW,
        date: DAY,
        from: eur,
        to: usd,
        homeCurrency: 'EUR',
        rates: snapshotRatesOn(DAY),
      },
    );
    expect(inLeg.accountConversion?.provisional).toBe(true);
    const { items, deltas } = planReprice([outLeg, inLeg], published, NOW);
    expect(items.map((leg) => [leg.accountAmount, leg.homeAmount])).toEqual([
      [-10000, -10000],
      [12500, 10000],
    ]);
    expect(deltas.accounts).toEqual([
      { accountId: 'acc-usd', balance: 12500 - inLeg.accountAmount, count: 0, pending: 12500 - inLeg.accountAmount },
    ]);
  });
});
