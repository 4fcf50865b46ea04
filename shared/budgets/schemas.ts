/**
 * What the budget routes accept. Strict objects (an unknown field is a 400 naming it); money is
 * integer minor units (a float, a string or an out-of-range amount is a 400 naming `limit.amount`).
 * Rules that need the caller's data — the limit is in the home currency, the categories exist and
 * are expense categories, the startDate is near today — are checked by ./rules.ts after reading it.
 */
import * as z from 'zod';
import { pageQuery } from '../kit/http/cursor';
import { entityId, entityName } from '../kit/http/fields';
import { positiveMoneySchema } from '../kit/money/money';
import { budgetPeriods } from './items';

const MAX_THRESHOLDS = 10;
const MAX_BUDGET_CATEGORIES = 50;
export const DEFAULT_THRESHOLDS = [80, 100];

/** Percentages of the effective limit that raise an alert: unique integers 1..1000, stored ascending. */
const thresholdsSchema = z
  .array(
    z
      .number({ error: 'must be a whole percentage' })
      .int('must be a whole percentage')
      .min(1, 'must be at least 1')
      .max(1000, 'must be at most 1000'),
  )
  .max(MAX_THRESHOLDS, `must hold at most ${MAX_THRESHOLDS} thresholds`)
  .refine((thresholds) => new Set(thresholds).size === thresholds.length, 'must not repeat a threshold')
  .transform((thresholds) => [...thresholds].sort((a, b) => a - b));

/** Covered categories (their subcategories included), de-duplicated; null (or absent) = all spending. */
const categoryIdsSchema = z
  .array(entityId)
  .min(1, 'must name at least one category (or be null for all spending)')
  .max(MAX_BUDGET_CATEGORIES, `must name at most ${MAX_BUDGET_CATEGORIES} categories`)
  .transform((ids) => [...new Set(ids)])
  .nullable();

export const createBudgetBody = z.strictObject({
  name: entityName,
  categoryIds: categoryIdsSchema.optional(),
  period: z.enum(budgetPeriods).optional(),
  limit: positiveMoneySchema,
  thresholds: thresholdsSchema.optional(),
  rollover: z.boolean().optional(),
  enforce: z.boolean().optional(),
  /** The first day of the first period; defaults to the first day of the current period. */
  startDate: z.iso.date('must be a real date such as 2026-04-01').optional(),
});

/** PATCH: an allow-list. The period, currency and startDate never change (the counters are kept by them). */
export const patchBudgetBody = z
  .strictObject({
    name: entityName.optional(),
    categoryIds: categoryIdsSchema.optional(),
    limit: positiveMoneySchema.optional(),
    thresholds: thresholdsSchema.optional(),
    rollover: z.boolean().optional(),
    enforce: z.boolean().optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: 'must change at least one field',
  });

export const budgetListQuery = z.strictObject({ ...pageQuery });

const isoDate = z.iso.date('must be a date such as 2026-01-31');

/** History: the periods overlapping [from, to]; from defaults to the budget's startDate, to to today. */
export const budgetPeriodsQuery = z
  .strictObject({
    from: isoDate.optional().describe('First day of interest (YYYY-MM-DD); default: the budget startDate'),
    to: isoDate.optional().describe('Last day of interest (YYYY-MM-DD); default: today'),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ['to'],
    message: 'must not be before from',
  });
