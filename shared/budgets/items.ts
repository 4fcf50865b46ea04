/**
 * Budgets and what the budget evaluator derives from transactions: per-period counters, the
 * per-transaction applied state that makes counting exactly-once, and threshold alert facts.
 */
import { byId, entity } from '../kit/dynamodb/keys';
import { currencyCode, storedAmount } from '../kit/money/money';
import * as z from '../kit/schema';

export const BudgetEntity = entity('BUDGET', 'BUDGET', byId);
/** Spent per budget and period. Its own prefix, so listing budgets never reads counters. */
export const BudgetPeriodEntity = entity(
  'BUDGET_PERIOD',
  'BPERIOD',
  (budgetId: string, periodId: string) => `${budgetId}#${periodId}`,
);
/** What one transaction currently contributes to one budget (versioned applied state, below). */
export const BudgetAppliedEntity = entity(
  'BUDGET_APPLIED',
  'BAPPLIED',
  (budgetId: string, transactionId: string) => `${budgetId}#${transactionId}`,
);
/** One per budget, period and threshold, ever: its conditional Put is what makes the alert exactly-once. */
export const BudgetAlertEntity = entity(
  'BUDGET_ALERT',
  'ALERT',
  (budgetId: string, periodId: string, threshold: number) => `${budgetId}#${periodId}#${threshold}`,
);

export const budgetPeriods = ['monthly', 'weekly', 'yearly'] as const;
export type BudgetPeriod = (typeof budgetPeriods)[number];

const timestamps = z.lazily(() => ({
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int().check(z.positive()),
}));

export const budgetItem = z.lazily(() =>
  z.object({
    type: z.literal(BudgetEntity.type),
    budgetId: z.string().check(z.minLength(1)),
    name: z.string(),
    /** Covered categories (their subcategories included); null = all spending (every expense). */
    categoryIds: z.nullable(z.array(z.string())),
    period: z.enum(budgetPeriods),
    /** Minor units of `currency`, the user's home currency when the budget was made. */
    limit: z.int().check(z.positive()),
    currency: currencyCode(),
    /** Percentages of the limit that raise an alert, ascending, each 1..1000. */
    thresholds: z.array(z.int().check(z.gte(1), z.lte(1000))),
    rollover: z.boolean(),
    enforce: z.boolean(),
    /** The first day of the first period the budget covers (YYYY-MM-DD). */
    startDate: z.iso.date(),
    ...timestamps(),
  }),
);
export type BudgetItem = z.infer<ReturnType<typeof budgetItem>>;

/**
 * What one transaction currently contributes to one budget (`BAPPLIED#<budgetId>#<transactionId>`).
 * State, not a log: an event applies only if it is newer than `version`, so duplicates and
 * out-of-order deliveries change nothing, and a backfill uses the very same operation.
 */
export const budgetAppliedItem = z.lazily(() =>
  z.object({
    type: z.literal(BudgetAppliedEntity.type),
    budgetId: z.string(),
    transactionId: z.string(),
    /** The transaction version applied; a deleted transaction is final (`deleted: true`). */
    version: z.int().check(z.nonnegative()),
    deleted: z.boolean(),
    periodId: z.nullable(z.string()),
    amount: z.int(),
    /** The budget version this contribution was computed for: a category change recomputes it. */
    budgetVersion: z.int().check(z.nonnegative()),
    /** Tombstones of deleted transactions expire (TTL) after 30 days. */
    expiresAt: z.optional(z.int()),
  }),
);

/** A crossed threshold: one per budget, period and percentage, ever (`ALERT#<budgetId>#<periodId>#<pct>`). */
export const budgetAlertItem = z.lazily(() =>
  z.object({
    type: z.literal(BudgetAlertEntity.type),
    alertId: z.string(),
    budgetId: z.string(),
    budgetName: z.string(),
    periodId: z.string(),
    periodStart: z.iso.date(),
    periodEnd: z.iso.date(),
    threshold: z.int(),
    /** Snapshot when crossed, in the budget currency. */
    spent: storedAmount(),
    limit: z.int(),
    currency: currencyCode(),
    percent: z.number(),
    exceeded: z.boolean(),
    createdAt: z.string(),
    version: z.int().check(z.positive()),
  }),
);
export type BudgetAlertItem = z.infer<ReturnType<typeof budgetAlertItem>>;
