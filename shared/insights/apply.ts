/**
 * Exactly-once counting, the budgets' recipe (shared/kit/dynamodb/exactly-once.ts): for each
 * transaction the table keeps what it currently contributes to the insight counters
 * (`IAPPLIED#<transactionId>`: version, deleted, month, currency, lines). Applying a transaction
 * state reads it; a state as new as ours means a duplicate or a late older event, and nothing is
 * written. Otherwise ONE TransactWriteItems puts the new applied state pinned to the one read and
 * ADDs the difference to the month item(s): −old where it was, +new where it is now. An edit that
 * moves a transaction to another month, category, payee or account, a re-pricing, a deletion: each
 * is a difference, so every total stays the sum of what each transaction contributes now.
 */
import { untilSettled } from '../kit/dynamodb/exactly-once';
import type { TransactionItem } from '../transactions/public';
import { type CategoryOf, contributionOf } from './contribution';
import type { InsightAppliedItem, Lines } from './items';
import { combine } from './lines';
import type { InsightStore } from './store';

export type TransactionState = { version: number; deleted: boolean; item: TransactionItem };

export type ApplyContext = { store: InsightStore; userId: string; categoryOf: CategoryOf; now: () => Date };

/** A deletion is final: nothing replaces it, and it replaces any live state. */
export function supersedes(target: { version: number; deleted: boolean }, existing: InsightAppliedItem | undefined) {
  if (!existing) return true;
  if (existing.deleted) return false;
  return target.deleted || existing.version < target.version;
}

/** How each month item moves when `existing` becomes `next`: `<month>#<currency>` → lines to ADD. */
export function monthDeltas(
  existing: Pick<InsightAppliedItem, 'month' | 'currency' | 'lines'> | undefined,
  next: Pick<InsightAppliedItem, 'month' | 'currency' | 'lines'>,
): Map<string, { month: string; currency: string; lines: Lines }> {
  const deltas = new Map<string, { month: string; currency: string; lines: Lines }>();
  const move = (at: Pick<InsightAppliedItem, 'month' | 'currency' | 'lines'>, sign: 1 | -1) => {
    const id = `${at.month}#${at.currency}`;
    const delta = deltas.get(id) ?? { month: at.month, currency: at.currency, lines: {} };
    delta.lines = combine(delta.lines, at.lines, sign);
    deltas.set(id, delta);
  };
  if (existing) move(existing, -1);
  move(next, 1);
  for (const [id, delta] of deltas) if (Object.keys(delta.lines).length === 0) deltas.delete(id);
  return deltas;
}

/** Applies one transaction state; resolves with whether anything was written. */
export async function applyTransaction(ctx: ApplyContext, transactionId: string, txn: TransactionState) {
  return untilSettled(async () => {
    const existing = await ctx.store.getApplied(ctx.userId, transactionId);
    if (!supersedes(txn, existing)) return false;
    const own = await contributionOf(txn.item, ctx.categoryOf);
    // A deletion contributes nothing; its tombstone stays where the last version was counted.
    const next = txn.deleted ? { ...own, lines: {} } : own;
    const now = ctx.now();
    const months = [...monthDeltas(existing, next).values()].map((delta) =>
      ctx.store.monthAdd(ctx.userId, delta.month, delta.currency, delta.lines, now),
    );
    await ctx.store.commit([
      ctx.store.appliedPut(
        ctx.userId,
        { transactionId, existing, next: { ...next, version: txn.version, deleted: txn.deleted } },
        now,
      ),
      ...months,
    ]);
    return true;
  });
}
