/**
 * What the API returns for a transaction: the stored item minus bookkeeping, money as
 * `{ amount, currency }`. Used by every route that returns one.
 */

import type { TransactionItem } from './items';

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
