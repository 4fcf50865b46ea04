/**
 * What one transaction adds to its month's insight counters (./lines.ts), with no I/O beyond the
 * category lookup the caller supplies.
 *
 * - Cash flow by kind: an income adds its home amount to `in`, an expense its magnitude to `ex`,
 *   a transfer's outgoing leg its magnitude to `tr` (each transfer counted once). A refund is an
 *   income: cash flow shows money as it moved.
 * - Spending is what budgets count (docs/budgets.md): a transaction in an expense category, either
 *   way (a refund there is negative spending), and an uncategorized expense; never a transfer,
 *   never anything in an income category. It is added by category (the leaf: parents are rolled up
 *   when read, along the current tree), payee, each tag and account.
 * - Every transaction moves its account: `f` in the account's currency, `h` in the home currency.
 * - A void transaction adds nothing anywhere (its month and currency are kept, so voiding it takes
 *   back exactly what it added).
 *
 * The month is the transaction's date's month (dates are days on the user's calendar), and the
 * item is the one of the home currency the transaction was recorded in.
 */
import type { CategoryItem } from '../categories/public';
import { countsInTotals, normalizePayee, type TransactionItem } from '../transactions/public';
import type { Lines } from './items';
import { addLine, NONE } from './lines';

export type CategoryFacts = Pick<CategoryItem, 'kind'>;
/** A category's facts; undefined when it no longer exists. */
export type CategoryOf = (categoryId: string) => Promise<CategoryFacts | undefined>;

export type Contribution = { month: string; currency: string; lines: Lines };

type Counted = Pick<
  TransactionItem,
  | 'kind'
  | 'date'
  | 'categoryId'
  | 'payee'
  | 'tags'
  | 'accountId'
  | 'accountAmount'
  | 'homeAmount'
  | 'homeCurrency'
  | 'status'
>;

export async function contributionOf(txn: Counted, categoryOf: CategoryOf): Promise<Contribution> {
  const lines: Lines = {};
  if (!countsInTotals(txn)) return { month: txn.date.slice(0, 7), currency: txn.homeCurrency, lines };
  const home = txn.homeAmount;
  if (txn.kind === 'income') addLine(lines, 'T', 'in', home);
  if (txn.kind === 'expense') addLine(lines, 'T', 'ex', 0 - home);
  if (txn.kind === 'transfer' && home < 0) addLine(lines, 'T', 'tr', 0 - home);
  if (await isSpending(txn, categoryOf)) {
    const spent = 0 - home;
    addLine(lines, 'c', txn.categoryId ?? NONE, spent);
    addLine(lines, 'p', txn.payee === null ? NONE : normalizePayee(txn.payee), spent);
    for (const tag of new Set(txn.tags)) addLine(lines, 't', tag, spent);
    addLine(lines, 'a', txn.accountId, spent);
  }
  addLine(lines, 'f', txn.accountId, txn.accountAmount, false);
  addLine(lines, 'h', txn.accountId, home, false);
  return { month: txn.date.slice(0, 7), currency: txn.homeCurrency, lines: withoutZeros(lines) };
}

/**
 * The budgets' rule. A category that no longer exists is named only by an older version of a
 * transaction that has since moved (a category in use cannot be deleted), and the newer version's
 * apply corrects whatever it counts: there the transaction's own kind decides.
 */
async function isSpending(txn: Pick<Counted, 'kind' | 'categoryId'>, categoryOf: CategoryOf): Promise<boolean> {
  if (txn.kind === 'transfer') return false;
  if (txn.categoryId === null) return txn.kind === 'expense';
  return ((await categoryOf(txn.categoryId))?.kind ?? txn.kind) === 'expense';
}

/** Amount lines that are 0 are kept only when their count says a transaction is there. */
function withoutZeros(lines: Lines): Lines {
  return Object.fromEntries(
    Object.entries(lines).filter(([name, value]) => value !== 0 || lines[`#${name}`] !== undefined),
  );
}

/** A CategoryOf that reads each category at most once per invocation. */
export function cachedCategoryOf(read: (categoryId: string) => Promise<CategoryFacts | undefined>): CategoryOf {
  const cache = new Map<string, Promise<CategoryFacts | undefined>>();
  return (categoryId) => {
    let facts = cache.get(categoryId);
    if (!facts) {
      facts = read(categoryId).then((category) => category && { kind: category.kind });
      cache.set(categoryId, facts);
    }
    return facts;
  };
}
