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

/** A month item as read: its month, home currency and counters. */
export type MonthTotals = { month: string; currency: string; lines: Lines };
