/**
 * The ledger's stored items (without key attributes), as zod schemas. They are what the stores
 * write, what the stream publishes as Account*, Category* and Transaction* events, and what the
 * budget and goal consumers read. Views (the HTTP shapes) are derived from them in ./views.ts.
 */
import * as z from 'zod';
import { currencyCode } from '../identity/profile';
import { storedAmount } from '../kit/money/money';

const isoDate = z.iso.date();
const timestamps = { createdAt: z.string(), updatedAt: z.string(), version: z.number().int().positive() };

export const accountKinds = ['checking', 'savings', 'credit_card', 'cash', 'investment', 'loan', 'other'] as const;
export const categoryKinds = ['expense', 'income'] as const;
export const transactionKinds = ['expense', 'income', 'transfer'] as const;

export const accountItem = z.object({
  type: z.literal('ACCOUNT'),
  accountId: z.string().min(1),
  name: z.string(),
  kind: z.enum(accountKinds),
  currency: currencyCode,
  /** Signed minor units of `currency`; always the sum of the account's transactions' accountAmount. */
  balance: storedAmount,
  transactionCount: z.number().int().nonnegative(),
  archived: z.boolean(),
  ...timestamps,
});
export type AccountItem = z.infer<typeof accountItem>;

export const categoryItem = z.object({
  type: z.literal('CATEGORY'),
  categoryId: z.string().min(1),
  name: z.string(),
  kind: z.enum(categoryKinds),
  /** null for a top-level category; one level of subcategories. */
  parentId: z.string().nullable(),
  transactionCount: z.number().int().nonnegative(),
  archived: z.boolean(),
  ...timestamps,
});
export type CategoryItem = z.infer<typeof categoryItem>;

/** How an amount was converted: the recorded rate it was converted at, and where it came from. */
export const conversion = z.object({
  /** Units of the target currency per unit of the source currency, decimal string (readable). */
  rate: z.string(),
  /**
   * The same rate exactly, as `numerator/denominator`: the converted amount is the entered amount
   * times this fraction, rounded half-even once. Absent on conversions recorded before fractions
   * were kept (their `rate` was exact as written).
   */
  exactRate: z.string().optional(),
  source: z.enum(['ECB', 'user']),
  /** The day whose rate was used (ECB), or the transaction date (user). */
  rateDate: isoDate,
  /** True when the transaction date had no published rate and the latest earlier day's was used. */
  fallback: z.boolean(),
});
export type Conversion = z.infer<typeof conversion>;

export const transactionItem = z.object({
  type: z.literal('TRANSACTION'),
  transactionId: z.string().min(1),
  kind: z.enum(transactionKinds),
  accountId: z.string().min(1),
  /** The day it happened, in the user's timezone. */
  date: isoDate,
  /** As entered: positive minor units of any supported currency. */
  amount: storedAmount.positive(),
  currency: currencyCode,
  /** Signed minor units of the account's currency: what the account balance moves by. */
  accountAmount: storedAmount,
  accountCurrency: currencyCode,
  /** Signed minor units of the user's home currency at the time of recording (budgets count this). */
  homeAmount: storedAmount,
  homeCurrency: currencyCode,
  accountConversion: conversion.nullable(),
  homeConversion: conversion.nullable(),
  categoryId: z.string().nullable(),
  payee: z.string().nullable(),
  note: z.string().nullable(),
  tags: z.array(z.string()),
  externalId: z.string().nullable(),
  /** Both legs of a transfer share it; null otherwise. */
  transferId: z.string().nullable(),
  counterpartAccountId: z.string().nullable(),
  ...timestamps,
});
export type TransactionItem = z.infer<typeof transactionItem>;
