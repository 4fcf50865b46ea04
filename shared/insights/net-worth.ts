/**
 * Net worth on a day: the sum of every account's signed balance on that day (cards and loans are
 * already negative), each converted to the home currency at that day's ECB reference rate.
 *
 * An account's balance on day D is its balance now minus what moved it after D: the `f` lines of
 * every month after D's month, plus the transactions dated after D within D's month (read by date,
 * so a day inside a month costs at most that month's later transactions; a month's last day costs
 * nothing). A currency the ECB does not publish is valued by its transactions' recorded home
 * amounts (the `h` lines up to D), which is what the user paid or got for it.
 */
import type { AccountItem } from '../accounts/public';
import type { Money } from '../kit/money/money';
import { convertOn, daysBetween, type RateProvider } from '../rates/public';
import type { MonthTotals } from './items';
import { lineValue } from './lines';

export type NetWorthAccount = Pick<AccountItem, 'accountId' | 'name' | 'kind' | 'currency' | 'balance' | 'archived'>;

/** Per account: what transactions dated after the day, within its month, moved (account and home currency). */
export type LaterInMonth = Map<string, { account: number; home: number }>;

const money = (amount: number, currency: string): Money => ({ amount, currency });

export async function netWorthOn(input: {
  date: string;
  currency: string;
  accounts: readonly NetWorthAccount[];
  months: readonly MonthTotals[];
  laterInMonth: LaterInMonth;
  rates: RateProvider;
}) {
  const { date, currency, accounts, months, laterInMonth, rates } = input;
  const month = date.slice(0, 7);
  const day = await rates.ratesOn(date);
  const details = [];
  for (const account of accounts) {
    const later = laterInMonth.get(account.accountId) ?? { account: 0, home: 0 };
    let movedAfter = later.account;
    for (const item of months) if (item.month > month) movedAfter += lineValue(item.lines, 'f', account.accountId);
    const balance = account.balance - movedAfter;
    const valued = await inHomeCurrency(account, balance);
    details.push({
      id: account.accountId,
      name: account.name,
      kind: account.kind,
      archived: account.archived,
      balance: money(balance, account.currency),
      value: money(valued.amount, currency),
      valuation: valued.valuation,
    });
  }
  const total = details.reduce((sum, detail) => sum + detail.value.amount, 0);
  const assets = details.reduce((sum, detail) => sum + Math.max(0, detail.value.amount), 0);
  return {
    date,
    total: money(total, currency),
    assets: money(assets, currency),
    liabilities: money(total - assets, currency),
    accounts: details,
  };

  async function inHomeCurrency(account: NetWorthAccount, balance: number) {
    if (account.currency === currency) return { amount: balance, valuation: { source: 'same-currency' as const } };
    const converted = day
      ? await convertOn({ ratesOn: async () => day }, money(balance, account.currency), currency, date)
      : undefined;
    if (converted !== undefined && day) {
      return {
        amount: Number(converted),
        valuation: {
          source: 'ECB' as const,
          rateDate: day.date,
          rateAgeDays: daysBetween(day.date, date),
          provisional: day.provisional,
        },
      };
    }
    let recorded = 0 - (laterInMonth.get(account.accountId)?.home ?? 0);
    for (const item of months) {
      if (item.currency === currency && item.month <= month) recorded += lineValue(item.lines, 'h', account.accountId);
    }
    return { amount: recorded, valuation: { source: 'recorded' as const } };
  }
}
