/**
 * Keeps a counter that an `ADD` moves within ±(2^53 − 1): the condition that the counter, before the
 * ADD, leaves room for `delta`. DynamoDB would store a larger number exactly, but no client could
 * read it back as a JSON number, so the write that would cross the line is the one refused.
 */
import { MAX_SAFE_AMOUNT } from '../money/money';

type RangeGuard = { expression: string; values: Record<string, number> };

/** The condition for `ADD <name> :delta`, or undefined when `delta` is 0. `name` is a `#placeholder`. */
export function roomFor(name: string, delta: number, valueName = ':roomLimit'): RangeGuard | undefined {
  if (delta > 0) return { expression: `${name} <= ${valueName}`, values: { [valueName]: MAX_SAFE_AMOUNT - delta } };
  if (delta < 0) return { expression: `${name} >= ${valueName}`, values: { [valueName]: -MAX_SAFE_AMOUNT - delta } };
  return undefined;
}

/** True when `current + delta` leaves the range: the reason a guarded ADD's condition failed. */
export function leavesRange(current: unknown, delta: number): boolean {
  if (typeof current !== 'number') return false;
  const total = BigInt(current) + BigInt(delta);
  return total > BigInt(MAX_SAFE_AMOUNT) || total < -BigInt(MAX_SAFE_AMOUNT);
}
