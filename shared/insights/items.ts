/**
 * What the insights feature stores: one aggregate item per user, calendar month and home currency,
 * and one applied state per transaction (what that transaction currently contributes).
 *
 * A month item holds its counters as top-level attributes named by ./lines.ts (`c:<categoryId>`,
 * `#c:<categoryId>` …), so an ADD creates a counter on first use without a parent map to prepare,
 * and one UpdateItem moves every counter a transaction touches.
 */
import { byId, entity } from '../kit/dynamodb/keys';
import { currencyCode } from '../kit/money/money';
import * as z from '../kit/schema';

/** `INSIGHTS#<YYYY-MM>#<currency>`: a range of months is one Query, newest last. */
export const InsightMonthEntity = entity(
  'INSIGHT_MONTH',
  'INSIGHTS',
  (month: string, currency: string) => `${month}#${currency}`,
);
export const InsightAppliedEntity = entity('INSIGHT_APPLIED', 'IAPPLIED', byId);
/** A fact: one category's spending this month ran well above its usual level (./unusual.ts). Written once. */
export const UnusualSpendingEntity = entity(
  'UNUSUAL_SPENDING',
  'UNUSUAL',
  (month: string, categoryId: string) => `${month}#${categoryId}`,
);

/** The month item's own attributes; every other attribute is a counter line. */
export const MONTH_ITEM_ATTRIBUTES = ['pk', 'sk', 'type', 'month', 'currency', 'updatedAt'] as const;

export const yearMonth = z.lazily(() => z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/)));

/** Counter line → value: amounts in minor units, counts as integers. */
export const lines = z.lazily(() => z.record(z.string(), z.int()));
export type Lines = Record<string, number>;

export const insightAppliedItem = z.lazily(() =>
  z.object({
    type: z.literal(InsightAppliedEntity.type),
    transactionId: z.string(),
    version: z.int().check(z.positive()),
    deleted: z.boolean(),
    /** Where `lines` were added: the month item of this month and home currency. */
    month: yearMonth(),
    currency: currencyCode(),
    lines: lines(),
    updatedAt: z.string(),
    expiresAt: z.optional(z.int()),
  }),
);
export type InsightAppliedItem = z.infer<ReturnType<typeof insightAppliedItem>>;

export const unusualSpendingItem = z.lazily(() =>
  z.object({
    type: z.literal(UnusualSpendingEntity.type),
    /** `<month>#<categoryId>`: one per category and month. */
    factId: z.string(),
    month: yearMonth(),
    categoryId: z.string(),
    /** The category's name when judged; null when it was deleted since. */
    categoryName: z.nullable(z.string()),
    /** The day of the month it was judged on (the user's calendar). */
    asOf: z.iso.date(),
    currency: currencyCode(),
    /** Month-to-date spending, minor units of `currency`. */
    spent: z.int(),
    /** The prorated mean of the previous 6 months, and the mean + 3σ that `spent` exceeded. */
    usual: z.int(),
    threshold: z.int(),
    createdAt: z.string(),
    version: z.literal(1),
  }),
);
export type UnusualSpendingItem = z.infer<ReturnType<typeof unusualSpendingItem>>;

/** A month item as read: its month, home currency and counters. */
export type MonthTotals = { month: string; currency: string; lines: Lines };
