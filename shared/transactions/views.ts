/**
 * What the API returns for ledger items: stored items minus bookkeeping, money as
 * `{ amount, currency }`. One function per item, used by every route that returns it.
 */

import type { AccountItem } from '../accounts/public';
import type { CategoryItem } from '../categories/public';
import type { TransactionItem } from './items';

export function toAccountView(item: AccountItem) {
  return {
    id: item.accountId,
    name: item.name,
    kind: item.kind,
    currency: item.currency,
    balance: { amount: item.balance, currency: item.currency },
    transactionCount: item.transactionCount,
    archived: item.archived,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}

export function toCategoryView(item: CategoryItem) {
  return {
    id: item.categoryId,
    name: item.name,
    kind: item.kind,
    parentId: item.parentId,
    transactionCount: item.transactionCount,
    archived: item.archived,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}

export function toTransactionView(item: TransactionItem) {
  return {
    id: item.transactionId,
    kind: item.kind,
    accountId: item.accountId,
    date: item.date,
    money: { amount: item.amount, currency: item.currency },
    accountAmount: { amount: item.accountAmount, currency: item.accountCurrency },
    homeAmount: { amount: item.homeAmount, currency: item.homeCurrency },
    conversions: { account: item.accountConversion, home: item.homeConversion },
    categoryId: item.categoryId,
    payee: item.payee,
    note: item.note,
    tags: item.tags,
    externalId: item.externalId,
    transferId: item.transferId,
    counterpartAccountId: item.counterpartAccountId,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}
