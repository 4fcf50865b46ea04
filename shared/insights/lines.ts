/**
 * The counters of a month item, named `<dimension>:<key>` (an amount) and `#<dimension>:<key>` (how
 * many transactions it sums). One name per fact, so writing and reading agree:
 *
 * | dimension | key | amount |
 * |---|---|---|
 * | `T` | `in`, `ex`, `tr` | income, expense, transfer volume (positive, home currency) |
 * | `c` | category id, `-` uncategorized | spending (home currency) |
 * | `p` | normalized payee, `-` none | spending |
 * | `t` | tag | spending |
 * | `a` | account id | spending |
 * | `f` | account id | signed flow in the account's currency (what its balance moved by) |
 * | `h` | account id | the same flow in the home currency, as recorded |
 *
 * Flows carry no count: net worth needs sums only.
 */
import type { Lines } from './items';

export const spendingDimensions = { category: 'c', payee: 'p', tag: 't', account: 'a' } as const;
export type SpendingGroupBy = keyof typeof spendingDimensions;
type Dimension = 'T' | 'c' | 'p' | 't' | 'a' | 'f' | 'h';

/** Key of an absent category or payee. */
export const NONE = '-';

export const amountLine = (dimension: Dimension, key: string) => `${dimension}:${key}`;
export const countLine = (dimension: Dimension, key: string) => `#${dimension}:${key}`;

/** Adds `amount` (and one to the count, when counted) under a line; repeats sum. */
export function addLine(target: Lines, dimension: Dimension, key: string, amount: number, counted = true): void {
  const name = amountLine(dimension, key);
  target[name] = (target[name] ?? 0) + amount;
  if (counted) target[countLine(dimension, key)] = (target[countLine(dimension, key)] ?? 0) + 1;
}

/** The keys of one dimension with their amount and count, from a month's (or a sum of months') lines. */
export function entriesOf(totals: Lines, dimension: Dimension): Map<string, { amount: number; count: number }> {
  const prefix = `${dimension}:`;
  const found = new Map<string, { amount: number; count: number }>();
  for (const [name, amount] of Object.entries(totals)) {
    if (!name.startsWith(prefix)) continue;
    const key = name.slice(prefix.length);
    found.set(key, { amount, count: totals[`#${name}`] ?? 0 });
  }
  return found;
}

export const lineValue = (totals: Lines, dimension: Dimension, key: string) => totals[amountLine(dimension, key)] ?? 0;
export const lineCount = (totals: Lines, dimension: Dimension, key: string) => totals[countLine(dimension, key)] ?? 0;

/** `a + sign × b`, line by line, without the lines that end at 0. */
export function combine(a: Lines, b: Lines, sign: 1 | -1 = 1): Lines {
  const sum: Lines = { ...a };
  for (const [name, value] of Object.entries(b)) {
    // `0 +` keeps a zero a zero, never -0.
    const next = 0 + (sum[name] ?? 0) + sign * value;
    if (next === 0) delete sum[name];
    else sum[name] = next;
  }
  return sum;
}
