/**
 * What the budget routes accept. Strict objects (an unknown field is a 400 naming it); money is
 * integer minor units (a float, a string or an out-of-range amount is a 400 naming `limit.amount`).
 * Rules that need the caller's data — the limit is in the home currency, the categories exist and
 * are expense categories, the startDate is near today — are checked by ./rules.ts after reading it.
 */
import { pageQuery } from '../kit/http/cursor';
import { entityId, entityName } from '../kit/http/fields';
import { positiveMoneySchema } from '../kit/money/money';
import * as z from '../kit/schema';
import { budgetPeriods } from './items';

const MAX_THRESHOLDS = 10;
const MAX_BUDGET_CATEGORIES = 50;
export const DEFAULT_THRESHOLDS = [80, 100];

/** Percentages of the effective limit that raise an alert: unique integers 1..1000, stored ascending. */
const thresholdsSchema = z.lazily(() =>
  z.pipe(
    z
      .array(
        z
          .number({ error: 'must be a whole percentage' })
          .check(
            z.int('must be a whole percentage'),
            z.gte(1, 'must be at least 1'),
            z.lte(1000, 'must be at most 1000'),
          ),
      )
      .check(
        z.maxLength(MAX_THRESHOLDS, `must hold at most ${MAX_THRESHOLDS} thresholds`),
        z.refine((thresholds) => new Set(thresholds).size === thresholds.length, 'must not repeat a threshold'),
      ),
    z.transform((thresholds) => [...thresholds].sort((a, b) => a - b)),
  ),
);

/** Covered categories (their subcategories included), de-duplicated; null (or absent) = all spending. */
const categoryIdsSchema = z.lazily(() =>
  z.nullable(
    z.pipe(
      z
        .array(entityId())
        .check(
          z.minLength(1, 'must name at least one category (or be null for all spending)'),
          z.maxLength(MAX_BUDGET_CATEGORIES, `must name at most ${MAX_BUDGET_CATEGORIES} categories`),
        ),
      z.transform((ids) => [...new Set(ids)]),
    ),
  ),
);

export const createBudgetBody = z.lazily(() =>
  z.strictObject({
    name: entityName(),
    categoryIds: z.optional(categoryIdsSchema()),
    period: z.optional(z.enum(budgetPeriods)),
    limit: positiveMoneySchema(),
    thresholds: z.optional(thresholdsSchema()),
    rollover: z.optional(z.boolean()),
    enforce: z.optional(z.boolean()),
    /** The first day of the first period; defaults to the first day of the current period. */
    startDate: z.optional(z.iso.date('must be a real date such as 2026-04-01')),
  }),
);

/** PATCH: an allow-list. The period, currency and startDate never change (the counters are kept by them). */
export const patchBudgetBody = z.lazily(() =>
  z
    .strictObject({
      name: z.optional(entityName()),
      categoryIds: z.optional(categoryIdsSchema()),
      limit: z.optional(positiveMoneySchema()),
      thresholds: z.optional(thresholdsSchema()),
      rollover: z.optional(z.boolean()),
      enforce: z.optional(z.boolean()),
    })
    .check(
      z.refine((patch) => Object.values(patch).some((value) => value !== undefined), {
        message: 'must change at least one field',
      }),
    ),
);

export const budgetListQuery = z.lazily(() => z.strictObject({ ...pageQuery() }));

const isoDate = z.lazily(() => z.iso.date('must be a date such as 2026-01-31'));

/** History: the periods overlapping [from, to]; from defaults to the budget's startDate, to to today. */
export const budgetPeriodsQuery = z.lazily(() =>
  z
    .strictObject({
      from: z
        .optional(isoDate())
        .check(z.describe('First day of interest (YYYY-MM-DD); default: the budget startDate')),
      to: z.optional(isoDate()).check(z.describe('Last day of interest (YYYY-MM-DD); default: today')),
    })
    .check(
      z.refine((query) => !query.from || !query.to || query.from <= query.to, {
        path: ['to'],
        message: 'must not be before from',
      }),
    ),
);
