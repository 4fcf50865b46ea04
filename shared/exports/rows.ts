/**
 * One exported row: what a chunk stores of a transaction (ids, as read), and the row both writers
 * print (names resolved once, when the file is written). Money stays integer minor units until a
 * writer prints it with its currency's decimals.
 */
import { minorUnitsToDecimal } from '../kit/money/currencies';
import { countsInTotals, statusOf, type TransactionItem, type TransactionStatus } from '../transactions/public';

/** A transaction as a chunk keeps it in its part object. */
export type StoredRow = {
  id: string;
  date: string;
  kind: TransactionItem['kind'];
  accountId: string;
  categoryId: string | null;
  payee: string | null;
  note: string | null;
  tags: string[];
  amount: number;
  currency: string;
  accountAmount: number;
  accountCurrency: string;
  homeAmount: number;
  homeCurrency: string;
  /** The rate from the entered currency to the home currency, and the day it is of; null when none was needed. */
  rate: string | null;
  rateDate: string | null;
  /** Absent on rows of older chunks and on movements that count (only `void` is kept). */
  void?: true;
  /** The movement's lifecycle status; absent on rows of older chunks (read by `statusOfRow`). */
  status?: TransactionStatus;
};

/** A row of a chunk written before rows kept their status: void, or cleared as statusOf reads it. */
const statusOfRow = (row: StoredRow): TransactionStatus => row.status ?? (row.void ? 'void' : 'cleared');

export function storedRowOf(item: TransactionItem): StoredRow {
  return {
    id: item.transactionId,
    date: item.date,
    kind: item.kind,
    accountId: item.accountId,
    categoryId: item.categoryId,
    payee: item.payee,
    note: item.note,
    tags: item.tags,
    amount: item.amount,
    currency: item.currency,
    accountAmount: item.accountAmount,
    accountCurrency: item.accountCurrency,
    homeAmount: item.homeAmount,
    homeCurrency: item.homeCurrency,
    rate: item.homeConversion?.rate ?? null,
    rateDate: item.homeConversion?.rateDate ?? null,
    ...(countsInTotals(item) ? {} : { void: true as const }),
    status: statusOf(item),
  };
}

export type Money = { amount: number; currency: string };

/** A row as printed: account and category by name (a deleted one by its id). */
export type ExportRow = {
  id: string;
  date: string;
  kind: string;
  account: string;
  payee: string;
  /** "Parent / Child", or the top-level name; empty when uncategorised. */
  category: string;
  note: string;
  tags: string;
  entered: Money;
  accountMoney: Money;
  home: Money;
  rate: string | null;
  rateDate: string | null;
  /** pending, cleared, reconciled or void. */
  status: TransactionStatus;
  /** A void movement is listed but counted in no total. */
  void?: true;
};

export type Names = {
  accounts: ReadonlyMap<string, string>;
  /** Category id → "Parent / Child". */
  categories: ReadonlyMap<string, string>;
};

export function exportRowOf(row: StoredRow, names: Names): ExportRow {
  return {
    id: row.id,
    date: row.date,
    kind: row.kind,
    account: names.accounts.get(row.accountId) ?? row.accountId,
    payee: row.payee ?? '',
    category: row.categoryId === null ? '' : (names.categories.get(row.categoryId) ?? row.categoryId),
    note: row.note ?? '',
    tags: row.tags.join(', '),
    entered: { amount: row.amount, currency: row.currency },
    accountMoney: { amount: row.accountAmount, currency: row.accountCurrency },
    home: { amount: row.homeAmount, currency: row.homeCurrency },
    rate: row.rate,
    rateDate: row.rateDate,
    status: statusOfRow(row),
    ...(row.void ? { void: true as const } : {}),
  };
}

/** The header both formats print, in column order. */
export const columnTitles = [
  'Date',
  'Kind',
  'Account',
  'Payee',
  'Category',
  'Note',
  'Tags',
  'Amount',
  'Currency',
  'Account amount',
  'Account currency',
  'Home amount',
  'Home currency',
  'Rate',
  'Rate date',
  'Transaction id',
  // Last, so files read by column position before it existed still read the same.
  'Status',
] as const;

/** Minor units as an exact decimal string: 123456 EUR → "1234.56", -5 KWD → "-0.005", 700 JPY → "700". */
export function decimalString({ amount, currency }: Money): string {
  return minorUnitsToDecimal(amount, currency);
}

/** The same as a number for a spreadsheet cell (the nearest double of the exact decimal). */
export function decimalNumber(money: Money): number {
  return Number(decimalString(money));
}

/** Names of the caller's accounts and category paths, for `exportRowOf`. */
export function namesOf(
  accounts: readonly { accountId: string; name: string }[],
  categories: readonly { categoryId: string; name: string; parentId: string | null }[],
): Names {
  const byId = new Map(categories.map((category) => [category.categoryId, category]));
  const path = (category: { name: string; parentId: string | null }) => {
    const parent = category.parentId === null ? undefined : byId.get(category.parentId);
    return parent ? `${parent.name} / ${category.name}` : category.name;
  };
  return {
    accounts: new Map(accounts.map((account) => [account.accountId, account.name])),
    categories: new Map(categories.map((category) => [category.categoryId, path(category)])),
  };
}
