/**
 * The monthly summary fact: one item per user and month summarized (`SUMMARY#<yyyy-mm>`), written
 * once by a conditional Put on the 1st of the next month (the user's calendar) with every figure
 * the email shows. The stream publishes it as MonthlySummary, and the notifier emails it once.
 */
import { entity } from '../kit/dynamodb/keys';
import { currencyCode } from '../kit/money/money';
import * as z from '../kit/schema';

export const MonthlySummaryEntity = entity('MONTHLY_SUMMARY', 'SUMMARY', (month: string) => month);

/** The categories a summary names; the rest of the month's spending is one "other" figure. */
export const TOP_CATEGORIES = 5;
/** Budgets and goals named, at most: an email, and an item far below DynamoDB's 400 KB. */
export const MAX_LISTED = 25;

const month = z.lazily(() => z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/)));

export const monthlySummaryItem = z.lazily(() =>
  z.object({
    type: z.literal(MonthlySummaryEntity.type),
    /** The month summarized, `YYYY-MM`: one fact per user and month. */
    factId: month(),
    month: month(),
    /** The user's local day it was written for (the 1st of the next month) and their zone then. */
    asOf: z.iso.date(),
    timezone: z.string(),
    /** The home currency every amount below is in (minor units). */
    currency: currencyCode(),
    spending: z.object({
      total: z.int(),
      count: z.int(),
      /** The previous month's total, for the change. */
      previousTotal: z.int(),
      /** The largest top-level categories, largest first; `categoryId` null is uncategorized. */
      top: z.array(
        z.object({
          categoryId: z.nullable(z.string()),
          name: z.nullable(z.string()),
          amount: z.int(),
          count: z.int(),
          /** Of the month's total, percent with one decimal. */
          share: z.nullable(z.number()),
        }),
      ),
      /** Everything outside the top categories. */
      other: z.int(),
    }),
    /** The budgets whose period ended with the month: how each ended (in its own currency). */
    budgets: z.array(
      z.object({
        budgetId: z.string(),
        name: z.string(),
        period: z.string(),
        start: z.iso.date(),
        end: z.iso.date(),
        currency: currencyCode(),
        spent: z.int(),
        effectiveLimit: z.int(),
        percent: z.number(),
      }),
    ),
    /** Each goal's progress at the end of the month's run (in its own currency). */
    goals: z.array(
      z.object({
        goalId: z.string(),
        name: z.string(),
        currency: currencyCode(),
        saved: z.int(),
        target: z.int(),
        percent: z.number(),
        deadline: z.nullable(z.iso.date()),
      }),
    ),
    /** Net worth at the end of the month before and of the month, and the change. */
    netWorth: z.object({ start: z.int(), end: z.int(), change: z.int() }),
    createdAt: z.string(),
    version: z.literal(1),
  }),
);
export type MonthlySummaryItem = z.infer<ReturnType<typeof monthlySummaryItem>>;
