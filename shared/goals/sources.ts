/**
 * What feeds a goal's `saved`, and how much each source adds. Sources are named by id in the
 * versioned applied state (`GAPPLIED#<goalId>#<sourceId>`):
 * - `txn:<transactionId>` — a transaction tagged `goal:<goalId>` (contributions-funded goals);
 * - `contribution:<contributionId>` — POST /v1/goals/{id}/contributions;
 * - `account:<accountId>` — the funding account's balance (account-funded goals).
 */
import type { Money } from '../kit/money/money';
import { countsInTotals, type TransactionItem } from '../transactions/public';

export const sourceId = {
  transaction: (transactionId: string) => `txn:${transactionId}`,
  contribution: (contributionId: string) => `contribution:${contributionId}`,
  account: (accountId: string) => `account:${accountId}`,
} as const;

export const GOAL_TAG_PREFIX = 'goal:';
/** Goal ids are ULIDs: Crockford base-32, upper case. */
const GOAL_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * The goals a transaction's tags name. Tags are stored trimmed and lower-cased
 * (shared/transactions/schemas.ts), so `goal:01jq…` names goal `01JQ…`: the tag is
 * case-insensitive. A tag that cannot be a goal id names nothing.
 */
export function goalIdsFromTags(tags: readonly string[]): string[] {
  const ids = tags
    .filter((tag) => tag.startsWith(GOAL_TAG_PREFIX))
    .map((tag) => tag.slice(GOAL_TAG_PREFIX.length).toUpperCase())
    .filter((id) => GOAL_ID.test(id));
  return [...new Set(ids)];
}

/** The tag that makes a transaction count towards a goal. */
export function goalTag(goalId: string): string {
  return `${GOAL_TAG_PREFIX}${goalId.toLowerCase()}`;
}

/**
 * Which way a tagged transaction moves a goal: an income adds, an expense takes away, and a
 * transfer counts once, by its in-leg (money arriving). Both legs of a transfer carry the same tags;
 * counting the out-leg as well would cancel the transfer out.
 */
export function goalDirection(txn: Pick<TransactionItem, 'kind' | 'accountAmount'>): 1 | -1 | 0 {
  if (txn.kind === 'income') return 1;
  if (txn.kind === 'expense') return -1;
  return txn.accountAmount > 0 ? 1 : 0;
}

type TransactionValue =
  /** Minor units of the goal currency, taken from a figure the ledger already recorded. */
  | { kind: 'exact'; amount: number }
  /** No recorded figure is in the goal currency: convert this at the ECB rate of `date`. */
  | { kind: 'convert'; money: Money; date: string };

/**
 * What a tagged transaction adds to a goal in the goal currency, signed. Recorded figures are
 * preferred (no new rounding, and the number the user already sees): the home amount, else the
 * account amount, else the amount as entered; only when none is in the goal currency is the entered
 * amount converted at the reference rate of the transaction's date.
 */
export function transactionValue(txn: TransactionItem, goalCurrency: string): TransactionValue {
  const sign = goalDirection(txn);
  // A void movement counts nowhere, goals included.
  if (sign === 0 || !countsInTotals(txn)) return { kind: 'exact', amount: 0 };
  if (txn.homeCurrency === goalCurrency) return { kind: 'exact', amount: sign * Math.abs(txn.homeAmount) };
  if (txn.accountCurrency === goalCurrency) return { kind: 'exact', amount: sign * Math.abs(txn.accountAmount) };
  if (txn.currency === goalCurrency) return { kind: 'exact', amount: sign * txn.amount };
  return { kind: 'convert', money: { amount: sign * txn.amount, currency: txn.currency }, date: txn.date };
}
