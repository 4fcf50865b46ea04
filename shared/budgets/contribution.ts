/**
 * What one transaction contributes to one budget, with no I/O beyond the category lookup the
 * caller supplies (one GetItem per category, cached per invocation).
 *
 * - Only expenses and incomes count, never transfers (a transfer moves money, it does not spend it).
 * - A covered transaction counts −homeAmount: an expense positive, an income in an expense category
 *   (a refund) negative.
 * - `categoryIds: null` covers spending: every transaction in an expense category (expenses and
 *   refunds) and every uncategorized expense. Nothing in an income category is spending — an
 *   expense there reverses income (salary paid back) — and neither is an uncategorized income.
 * - With categories (expense categories only: shared/budgets/rules.ts), a transaction is covered
 *   when its category, or that category's parent, is listed.
 * - Amounts are the home-currency amounts recorded on the transaction; a transaction recorded in
 *   another home currency than the budget's counts 0 (the user changed home currency since).
 * - A transaction dated before the budget's startDate counts 0, and so does a void one (pending,
 *   cleared and reconciled all count: what is spent is spent before the bank shows it).
 */

import type { CategoryItem } from '../categories/public';
import { countsInTotals, type TransactionItem } from '../transactions/public';
import type { BudgetItem } from './items';
import { periodIdOf } from './periods';

/** A covered transaction counts `amount` in `periodId`; an uncovered one has periodId null, amount 0. */
export type Contribution = { periodId: string | null; amount: number };

export const NOTHING: Contribution = { periodId: null, amount: 0 };

/** What coverage needs to know of a category: its parent (null: top level) and its kind. */
type CategoryFacts = Pick<CategoryItem, 'parentId' | 'kind'>;

/** A category's facts; undefined when it no longer exists. */
export type CategoryOf = (categoryId: string) => Promise<CategoryFacts | undefined>;

type CoverageBudget = Pick<BudgetItem, 'categoryIds' | 'currency' | 'period' | 'startDate'>;

type ContributionResult = Contribution & {
  /** Set when a transaction the budget would cover counts 0 because of its home currency. */
  currencyMismatch?: true;
};

export async function contributionOf(
  budget: CoverageBudget,
  txn: Pick<TransactionItem, 'kind' | 'date' | 'categoryId' | 'homeAmount' | 'homeCurrency' | 'status'>,
  categoryOf: CategoryOf,
): Promise<ContributionResult> {
  if (txn.kind === 'transfer' || !countsInTotals(txn) || txn.date < budget.startDate) return NOTHING;
  if (!(await covers(budget, txn, categoryOf))) return NOTHING;
  if (txn.homeCurrency !== budget.currency) return { ...NOTHING, currencyMismatch: true };
  // `0 - x` rather than `-x`: a zero home amount must be stored as 0, never as -0.
  return { periodId: periodIdOf(budget.period, txn.date), amount: 0 - txn.homeAmount };
}

async function covers(
  budget: CoverageBudget,
  txn: Pick<TransactionItem, 'kind' | 'categoryId'>,
  categoryOf: CategoryOf,
): Promise<boolean> {
  if (budget.categoryIds === null) return isSpending(txn, categoryOf);
  if (txn.categoryId === null) return false;
  if (budget.categoryIds.includes(txn.categoryId)) return true;
  const parent = (await categoryOf(txn.categoryId))?.parentId ?? null;
  return parent !== null && budget.categoryIds.includes(parent);
}

/**
 * Spending is what an expense category holds, either way, and an uncategorized expense. A category
 * that no longer exists is named only by an older version of a transaction that has since moved
 * (a category in use cannot be deleted), and the newer version's apply corrects whatever it counts:
 * there the transaction's own kind decides.
 */
async function isSpending(txn: Pick<TransactionItem, 'kind' | 'categoryId'>, categoryOf: CategoryOf) {
  if (txn.categoryId === null) return txn.kind === 'expense';
  const category = await categoryOf(txn.categoryId);
  return (category?.kind ?? txn.kind) === 'expense';
}

/** A CategoryOf that reads each category at most once per invocation. */
export function cachedCategoryOf(read: (categoryId: string) => Promise<CategoryFacts | undefined>): CategoryOf {
  const cache = new Map<string, Promise<CategoryFacts | undefined>>();
  return (categoryId) => {
    let facts = cache.get(categoryId);
    if (!facts) {
      facts = read(categoryId).then((category) => category && { parentId: category.parentId, kind: category.kind });
      cache.set(categoryId, facts);
    }
    return facts;
  };
}
