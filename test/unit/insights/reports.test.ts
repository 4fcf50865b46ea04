/**
 * The insight reports from month counters: subcategories roll up into their parents, shares and
 * changes are exact to one decimal, months of another home currency are named and left out, and
 * net worth walks balances back to a day and values them at that day's rate (or at the recorded
 * home amounts for a currency the ECB does not publish).
 */
import type { MonthTotals } from '../../../shared/insights/items';
import { netWorthOn } from '../../../shared/insights/net-worth';
import { cashFlowReport, otherCurrencies, percent, spendingReport } from '../../../shared/insights/reports';
import type { RatesOnDay } from '../../../shared/rates/public';

const month = (m: string, lines: Record<string, number>, currency = 'EUR'): MonthTotals => ({
  month: m,
  currency,
  lines,
});

const names = {
  category: (id: string) =>
    ({
      food: { name: 'Food', parentId: null },
      groceries: { name: 'Groceries', parentId: 'food' },
      dining: { name: 'Dining out', parentId: 'food' },
      rent: { name: 'Rent', parentId: null },
    })[id],
  payee: (key: string) => ({ acme: 'ACME' })[key],
  account: (id: string) => ({ a1: 'Checking' })[id],
};

test('percent rounds half away from zero to one decimal and is null against 0', () => {
  expect(percent(1, 3)).toBe(33.3);
  expect(percent(2, 3)).toBe(66.7);
  expect(percent(-1, 8)).toBe(-12.5);
  expect(percent(5, 0)).toBeNull();
});

test('a month of another currency whose counters all went back to 0 (restated) is not named', () => {
  const months = [
    month('2026-01', { 'T:ex': 0, '#T:ex': 0, 'c:food': 0, '#c:food': 0 }, 'EUR'),
    month('2026-01', { 'T:ex': 1200, '#T:ex': 1, 'c:food': 1200, '#c:food': 1 }, 'USD'),
    month('2026-02', { 'T:in': 500, '#T:in': 1 }, 'GBP'),
  ];
  expect(otherCurrencies(months, 'USD')).toEqual(['GBP']);
  expect(otherCurrencies(months.slice(0, 2), 'USD')).toEqual([]);
});

test('spending by category rolls subcategories into their parent, with shares and the change against the previous period', () => {
  const months = [
    month('2026-01', { 'c:groceries': 2000, '#c:groceries': 2, 'c:rent': 8000, '#c:rent': 1 }),
    month('2026-02', {
      'c:groceries': 3000,
      '#c:groceries': 3,
      'c:dining': 1000,
      '#c:dining': 1,
      'c:food': 500,
      '#c:food': 1,
      'c:rent': 8000,
      '#c:rent': 1,
      'c:-': 500,
      '#c:-': 1,
    }),
    month('2026-02', { 'c:rent': 99_999, '#c:rent': 1 }, 'USD'),
  ];
  const report = spendingReport({
    months,
    currency: 'EUR',
    from: '2026-02',
    to: '2026-02',
    groupBy: 'category',
    names,
  });
  expect(report.total).toEqual({ amount: 13_000, currency: 'EUR' });
  expect(report.count).toBe(7);
  expect(report.previousPeriod).toEqual({
    from: '2026-01',
    to: '2026-01',
    total: { amount: 10_000, currency: 'EUR' },
    count: 3,
  });
  expect(report.change).toEqual({ amount: { amount: 3000, currency: 'EUR' }, percent: 30 });
  expect(report.otherCurrencies).toEqual(['USD']);
  expect(report.groups.map((g) => [g.key, g.name, g.amount.amount, g.count, g.share])).toEqual([
    ['rent', 'Rent', 8000, 1, 61.5],
    ['food', 'Food', 4500, 5, 34.6],
    [null, 'Uncategorized', 500, 1, 3.8],
  ]);
  const food = report.groups[1];
  expect(food?.previous.amount).toBe(2000);
  expect(food?.change).toEqual({ amount: { amount: 2500, currency: 'EUR' }, percent: 125 });
  expect(food?.children?.map((c) => [c.key, c.amount.amount])).toEqual([
    ['groceries', 3000],
    ['dining', 1000],
  ]);
});

test('spending by payee shows display names and the groups of the previous period that went quiet', () => {
  const months = [
    month('2026-01', { 'p:acme': 700, '#p:acme': 1, 'c:food': 700, '#c:food': 1 }),
    month('2026-02', { 'p:-': 300, '#p:-': 1, 'c:food': 300, '#c:food': 1 }),
  ];
  const report = spendingReport({ months, currency: 'EUR', from: '2026-02', to: '2026-02', groupBy: 'payee', names });
  expect(report.groups.map((g) => [g.key, g.name, g.amount.amount, g.previous.amount, g.change.percent])).toEqual([
    [null, null, 300, 0, null],
    ['acme', 'ACME', 0, 700, -100],
  ]);
});

test('cash flow: income, expense, net, transfers apart and the savings rate per month', () => {
  const months = [
    month('2026-01', { 'T:in': 300_000, '#T:in': 1, 'T:ex': 240_000, '#T:ex': 30, 'T:tr': 50_000, '#T:tr': 1 }),
  ];
  const report = cashFlowReport({ months, currency: 'EUR', from: '2025-12', to: '2026-01' });
  expect(report.months[0]).toMatchObject({ month: '2025-12', income: { amount: 0 }, savingsRate: null });
  expect(report.months[1]).toMatchObject({
    month: '2026-01',
    income: { amount: 300_000, currency: 'EUR' },
    expense: { amount: 240_000 },
    net: { amount: 60_000 },
    transfers: { amount: 50_000 },
    savingsRate: 20,
    counts: { income: 1, expense: 30, transfers: 1 },
  });
  expect(report.total.net.amount).toBe(60_000);
});

test('net worth on a day: balances walked back past later months and later days, converted at that day’s rate', async () => {
  const accounts = [
    { accountId: 'eur', name: 'Checking', kind: 'checking', currency: 'EUR', balance: 100_000, archived: false },
    { accountId: 'usd', name: 'Dollars', kind: 'savings', currency: 'USD', balance: 20_000, archived: false },
    { accountId: 'card', name: 'Card', kind: 'credit_card', currency: 'EUR', balance: -30_000, archived: false },
    { accountId: 'ars', name: 'Pesos', kind: 'cash', currency: 'ARS', balance: 500_000, archived: false },
  ] as const;
  const months = [
    month('2026-01', { 'h:ars': 1_000, 'f:ars': 400_000 }),
    month('2026-02', { 'f:eur': 5_000, 'h:ars': 200, 'f:ars': 100_000 }),
    month('2026-03', { 'f:eur': 10_000, 'f:card': -10_000, 'f:usd': 4_000 }),
  ];
  const day: RatesOnDay = {
    date: '2026-02-13',
    requestedDate: '2026-02-15',
    rates: { USD: '1.25' },
    fallback: true,
    provisional: false,
    source: 'ECB',
  };
  const point = await netWorthOn({
    date: '2026-02-15',
    currency: 'EUR',
    accounts: accounts.map((a) => ({ ...a })),
    months,
    // 2026-02-20: +2,000 on checking and 100 EUR worth of pesos after the 15th.
    laterInMonth: new Map([
      ['eur', { account: 2_000, home: 2_000 }],
      ['ars', { account: 100_000, home: 200 }],
    ]),
    rates: { ratesOn: async () => day },
  });
  const byId = Object.fromEntries(point.accounts.map((a) => [a.id, a]));
  expect(byId.eur?.balance.amount).toBe(100_000 - 10_000 - 2_000);
  expect(byId.card?.balance.amount).toBe(-20_000);
  expect(byId.usd?.balance).toEqual({ amount: 16_000, currency: 'USD' });
  expect(byId.usd?.value).toEqual({ amount: 12_800, currency: 'EUR' });
  expect(byId.usd?.valuation).toEqual({ source: 'ECB', rateDate: '2026-02-13', rateAgeDays: 2, provisional: false });
  expect(byId.ars?.balance.amount).toBe(400_000);
  expect(byId.ars?.value.amount).toBe(1_000);
  expect(byId.ars?.valuation).toEqual({ source: 'recorded' });
  expect(point.total.amount).toBe(88_000 - 20_000 + 12_800 + 1_000);
  expect(point.liabilities.amount).toBe(-20_000);
});
