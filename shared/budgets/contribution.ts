/**
 * What one transaction contributes to one budget, with no I/O beyond the category-parent lookup
 * the caller supplies (one GetItem per category, cached per invocation).
 *
 * - Only expenses and incomes count, never transfers (a transfer moves money, it does not spend it).
 * - `categoryIds: null` covers every expense; incomes are ignored.
 * - With categories, a transaction is covered when its category, or that category's parent, is
 *   listed; then expenses count positive and incomes (refunds) negative: contribution = −homeAmount.
 * - Amounts are the home-currency amounts recorded on the transaction; a transaction recorded in
 *   another home currency than the budget's counts 0 (the user changed home currency since).
 * - A transaction dated before the budget's startDate counts 0.
 */
import type { TransactionItem } from '../ledger/items';
import type { BudgetItem } from './items';
import { periodIdOf } from './periods';

/** A covered transaction counts `amount` in `periodId`; an uncovered one has periodId null, amount 0. */
export type Contribution = { periodId: string | null; amount: number };

export const NOTHING: Contribution = { periodId: null, amount: 0 };

/** The parent of a category (null: top level, or the category no longer exists). */
export type ParentOf = (categoryId: string) => Promise<string | null>;

export type CoverageBudget = Pick<BudgetItem, 'categoryIds' | 'currency' | 'period' | 'startDate'>;

export type ContributionResult = Contribution & {
  /** Set when a transaction the budget would cover counts 0 because of its home currency. */
  currencyMismatch?: true;
};

export async function contributionOf(
  budget: CoverageBudget,
  txn: Pick<TransactionItem, 'kind' | 'date' | 'categoryId' | 'homeAmount' | 'homeCurrency'>,
  parentOf: ParentOf,
): Promise<ContributionResult> {
  if (txn.kind === 'transfer' || txn.date < budget.startDate) return NOTHING;
  if (!(await covers(budget, txn, parentOf))) return NOTHING;
  if (txn.homeCurrency !== budget.currency) return { ...NOTHING, currencyMismatch: true };
  // `0 - x` rather than `-x`: a zero home amount must be stored as 0, never as -0.
  return { periodId: periodIdOf(budget.period, txn.date), amount: 0 - txn.homeAmount };
}

async function covers(
  budget: CoverageBudget,
  txn: Pick<TransactionItem, 'kind' | 'categoryId'>,
  parentOf: ParentOf,
): Promise<boolean> {
  if (budget.categoryIds === null) return txn.kind === 'expense';
  if (txn.categoryId === null) return false;
  if (budget.categoryIds.includes(txn.categoryId)) return true;
  const parent = await parentOf(txn.categoryId);
  return parent !== null && budget.categoryIds.includes(parent);
}

/** A ParentOf that reads each category at most once per invocation. */
export function cachedParentOf(read: (categoryId: string) => Promise<{ parentId: string | null } | undefined>) {
  const cache = new Map<string, Promise<string | null>>();
  return (categoryId: string): Promise<string | null> => {
    let parent = cache.get(categoryId);
    if (!parent) {
      parent = read(categoryId).then((category) => category?.parentId ?? null);
      cache.set(categoryId, parent);
    }
    return parent;
  };
}
