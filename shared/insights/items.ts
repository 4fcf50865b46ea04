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

/**
 * The restatement job after a change of home currency: one per user (`RESTATE#HOME`), replaced by
 * the next change. It is also the job's state machine (./restate.ts): each chunk advances `step`,
 * and each change of the item is published, which runs the next chunk.
 */
export const RestatementEntity = entity('RESTATEMENT', 'RESTATE', () => 'HOME');

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

export const restatementStatuses = ['running', 'done'] as const;

export const restatementItem = z.lazily(() =>
  z.object({
    type: z.literal(RestatementEntity.type),
    /** The job's id: its profileVersion, as text. */
    restatementId: z.string(),
    /**
     * The profile version that set `homeCurrency`: identifies the job. A newer change replaces the
     * item, so a chunk of an older job finds another id and stops.
     */
    profileVersion: z.int().check(z.positive()),
    /** The home currency before the change. */
    fromCurrency: currencyCode(),
    /** The home currency every transaction is restated in. */
    homeCurrency: currencyCode(),
    status: z.enum(restatementStatuses),
    /** The chunk the next event asks for; every chunk's write is conditioned on it. */
    step: z.int().check(z.nonnegative()),
    /** Where reading continues (a JSON LastEvaluatedKey of the date index); null before the first chunk. */
    cursor: z.nullable(z.string()),
    progress: z.object({
      /** Transactions looked at so far (restated, or already in the new currency). */
      restated: z.int().check(z.nonnegative()),
      /** The user's transactions when the job started (the accounts' counts); null when unknown. */
      total: z.nullable(z.int().check(z.nonnegative())),
      /** Left in their recorded currency: no rate to convert them. */
      unpriceable: z.int().check(z.nonnegative()),
    }),
    startedAt: z.string(),
    updatedAt: z.string(),
    completedAt: z.nullable(z.string()),
    version: z.int().check(z.positive()),
  }),
);
export type RestatementItem = z.infer<ReturnType<typeof restatementItem>>;

/** A month item as read: its month, home currency and counters. */
export type MonthTotals = { month: string; currency: string; lines: Lines };
