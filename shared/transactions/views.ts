/**
 * What the API returns for a transaction: the stored item minus bookkeeping, money as
 * `{ amount, currency }`. Used by every route that returns one.
 */

import { type Conversion, type ConversionView, daysBetween } from '../rates/public';
import type { TransactionItem } from './items';

/** Conversions recorded before the daily feed say neither: they are final, and their age follows from the dates. */
function conversionView(conversion: Conversion | null, date: string): ConversionView | null {
  if (!conversion) return null;
  return {
    ...conversion,
    provisional: conversion.provisional ?? false,
    rateAgeDays: conversion.rateAgeDays ?? Math.max(0, daysBetween(conversion.rateDate, date)),
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
    conversions: {
      account: conversionView(item.accountConversion, item.date),
      home: conversionView(item.homeConversion, item.date),
    },
    categoryId: item.categoryId,
    payee: item.payee,
    note: item.note,
    tags: item.tags,
    externalId: item.externalId,
    transferId: item.transferId,
    counterpartAccountId: item.counterpartAccountId,
    invoiceId: item.invoiceId ?? null,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}
