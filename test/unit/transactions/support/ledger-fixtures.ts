/**
 * Stored ledger items and rates from the bundled ECB snapshot, for the transaction
 * write-path tests. The rates are the real published ones, so expected amounts can be checked by
 * hand against the CSV (e.g. 2026-01-05: 1 EUR = 1.1664 USD = 182.93 JPY).
 */

import type { AccountItem } from '../../../../shared/accounts/items';
import type { CategoryItem } from '../../../../shared/categories/items';
import { businessDayOnOrBefore } from '../../../../shared/rates/business-days';
import snapshot from '../../../../shared/rates/data/eurofxref-hist.csv';
import { parseEcbCsv } from '../../../../shared/rates/ecb-csv';
import type { RatesOnDay } from '../../../../shared/rates/rate-provider';
import type { TransactionItem } from '../../../../shared/transactions/items';

const days = parseEcbCsv(snapshot).sort((a, b) => (a.date < b.date ? -1 : 1));

/** Rates on or before `date`, as the DynamoDB rate store answers them. */
export function snapshotRatesOn(date: string): RatesOnDay | undefined {
  let found: (typeof days)[number] | undefined;
  for (const day of days) {
    if (day.date > date) break;
    found = day;
  }
  const last = days.at(-1);
  // As the store says it: the date's own business day is after the newest day of the snapshot.
  const provisional = found !== undefined && found === last && businessDayOnOrBefore(date) > found.date;
  return found && { ...found, requestedDate: date, fallback: found.date !== date, provisional, source: 'ECB' };
}

/** The snapshot days from `from` to `to` inclusive, to seed a real rate store with. */
export function snapshotDays(from: string, to: string) {
  return days.filter((day) => day.date >= from && day.date <= to);
}

const T0 = '2026-01-01T09:00:00.000Z';

export function accountFixture(overrides: Partial<AccountItem> = {}): AccountItem {
  return {
    type: 'ACCOUNT',
    accountId: 'acc-eur',
    name: 'Checking',
    kind: 'checking',
    currency: 'EUR',
    balance: 0,
    transactionCount: 0,
    archived: false,
    createdAt: T0,
    updatedAt: T0,
    version: 1,
    ...overrides,
  };
}

export function categoryFixture(overrides: Partial<CategoryItem> = {}): CategoryItem {
  return {
    type: 'CATEGORY',
    categoryId: 'groceries',
    name: 'Groceries',
    kind: 'expense',
    parentId: null,
    transactionCount: 0,
    archived: false,
    createdAt: T0,
    updatedAt: T0,
    version: 1,
    ...overrides,
  };
}

export function transactionFixture(overrides: Partial<TransactionItem> = {}): TransactionItem {
  return {
    type: 'TRANSACTION',
    transactionId: '01KE0000000000000000000001',
    kind: 'expense',
    accountId: 'acc-eur',
    date: '2026-01-05',
    amount: 1250,
    currency: 'EUR',
    accountAmount: -1250,
    accountCurrency: 'EUR',
    homeAmount: -1250,
    homeCurrency: 'EUR',
    accountConversion: null,
    homeConversion: null,
    categoryId: 'groceries',
    payee: 'Corner Shop',
    note: null,
    tags: [],
    externalId: null,
    transferId: null,
    counterpartAccountId: null,
    createdAt: T0,
    updatedAt: T0,
    version: 1,
    ...overrides,
  };
}
