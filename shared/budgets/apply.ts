/**
 * Exactly-once counting by versioned applied state. For each (budget, transaction) the table keeps
 * what that transaction currently contributes (`BAPPLIED#<budgetId>#<transactionId>`: version,
 * budgetVersion, deleted, periodId, amount). Applying a transaction state:
 *
 * 1. read the applied state (strongly consistent); if it is as new as ours, there is nothing to do
 *    (a duplicate, or an older event arriving late);
 * 2. otherwise, in ONE TransactWriteItems: Put the new applied state *pinned to the state read*,
 *    ADD the difference to the period counters (−old in the old period, +new in the new one),
 *    and check that the budget is still the version we computed with (and so still exists).
 *    A cancelled pin means someone applied meanwhile: read again and re-plan.
 *
 * Counters are therefore exact under duplicates and any delivery order, and the cost of one event
 * does not grow with the number of transactions in the period. A backfill uses the same operation,
 * many transactions to one transaction write.
 */

import { untilSettled } from '../kit/dynamodb/exactly-once';
import type { GuardedItem } from '../kit/dynamodb/transact';
import { logger } from '../kit/observability';
import type { TransactionItem } from '../transactions/public';
import { type CategoryOf, type Contribution, contributionOf, NOTHING } from './contribution';
import type { BudgetItem } from './items';
import type { AppliedState, AppliedWrite, BudgetStore, CounterDelta } from './store';

/** A transaction as an event (or the index) tells it: a version, or its deletion (final). */
export type TransactionState =
  | { transactionId: string; version: number; deleted: false; item: TransactionItem }
  | { transactionId: string; version: number; deleted: true; item: TransactionItem };

export type ApplyContext = {
  store: BudgetStore;
  userId: string;
  categoryOf: CategoryOf;
  now: () => Date;
};

/** A state the applied item may move to: target supersedes existing. */
export function supersedes(
  target: { version: number; budgetVersion: number; deleted: boolean },
  existing: AppliedState | undefined,
): boolean {
  if (!existing) return true;
  // A deletion is final: nothing replaces it, and it replaces any live state.
  if (existing.deleted) return false;
  if (target.deleted) return true;
  if (existing.budgetVersion > target.budgetVersion) return false;
  if (existing.budgetVersion === target.budgetVersion) return existing.version < target.version;
  // A newer budget version (its coverage may differ) recomputes the same transaction version.
  return existing.version <= target.version;
}

/** How the period counters move when `existing` becomes `next`; entries that do not move are left out. */
export function counterDeltas(existing: Contribution | undefined, next: Contribution): CounterDelta[] {
  const deltas = new Map<string, CounterDelta>();
  const add = (periodId: string | null, spent: number, count: number) => {
    if (periodId === null) return;
    const delta = deltas.get(periodId) ?? { periodId, spent: 0, count: 0 };
    delta.spent += spent;
    delta.count += count;
    deltas.set(periodId, delta);
  };
  if (existing) add(existing.periodId, 0 - existing.amount, -1);
  add(next.periodId, next.amount, 1);
  return [...deltas.values()].filter((delta) => delta.spent !== 0 || delta.count !== 0);
}

/** Sums deltas per period (a backfill chunk touches each counter once). */
export function mergeDeltas(all: readonly CounterDelta[]): CounterDelta[] {
  const byPeriod = new Map<string, CounterDelta>();
  for (const delta of all) {
    const sum = byPeriod.get(delta.periodId) ?? { periodId: delta.periodId, spent: 0, count: 0 };
    sum.spent += delta.spent;
    sum.count += delta.count;
    byPeriod.set(delta.periodId, sum);
  }
  return [...byPeriod.values()].filter((delta) => delta.spent !== 0 || delta.count !== 0);
}

type Plan =
  | { kind: 'skip'; periods: string[] }
  | { kind: 'write'; write: AppliedWrite; deltas: CounterDelta[]; periods: string[] };

/**
 * What applying `txn` to `budget` means given the applied state read: nothing (with the period
 * whose thresholds to re-check), or the applied write and its counter deltas.
 */
export async function plan(
  ctx: Pick<ApplyContext, 'categoryOf'>,
  budget: BudgetItem,
  txn: TransactionState,
  existing: AppliedState | undefined,
): Promise<Plan> {
  const target = { version: txn.version, budgetVersion: budget.version, deleted: txn.deleted };
  if (!supersedes(target, existing)) return { kind: 'skip', periods: existing?.periodId ? [existing.periodId] : [] };
  // What this version contributes; for a deletion, what the last version did (`previous`).
  const own = await contributionOf(budget, txn.item, ctx.categoryOf);
  if ('currencyMismatch' in own) {
    logger.info('Transaction in another home currency counts 0', {
      budgetId: budget.budgetId,
      transactionId: txn.transactionId,
    });
  }
  // A first version that the budget does not cover needs no state: no older event can exist.
  // Later versions do: an older, covered version may still be on its way and must find this one
  // applied. So does every deletion: a late duplicate of the creation, judged after a coverage
  // change, must find the transaction gone (the tombstone expires after a month).
  if (!existing && !txn.deleted && txn.version === 1 && own.periodId === null) return { kind: 'skip', periods: [] };
  const next = txn.deleted ? NOTHING : own;
  const deltas = counterDeltas(existing, next);
  return {
    kind: 'write',
    write: {
      transactionId: txn.transactionId,
      existing,
      next: { ...target, periodId: next.periodId, amount: next.amount },
    },
    deltas,
    periods: next.periodId ? [next.periodId] : [],
  };
}

/**
 * The writes of one apply: applied Puts, counter ADDs, and the check that the budget is still the
 * version computed with. That check also keeps an erased user's partition erased: erasing deletes
 * the budget, so no apply can commit after it, and one that committed before is found by the
 * eraser's next pass (it ends only with an empty one). A second check on the profile would cost
 * two more write units per transaction and guarantee nothing more.
 */
export function applyItems(
  ctx: ApplyContext,
  budget: BudgetItem,
  writes: readonly AppliedWrite[],
  deltas: readonly CounterDelta[],
): GuardedItem[] {
  const now = ctx.now();
  return [
    ...writes.map((write) => ctx.store.appliedPut(ctx.userId, budget.budgetId, write, now)),
    ...deltas.map((delta) => ctx.store.counterAdd(ctx.userId, budget.budgetId, delta, now)),
    ctx.store.budgetUnchanged(ctx.userId, budget),
  ];
}

/**
 * Applies one transaction state to one budget; resolves with the periods whose thresholds must be
 * (re-)evaluated. Throws BudgetChanged (re-read the budget) and UserGone (stop).
 */
export async function applyTransaction(ctx: ApplyContext, budget: BudgetItem, txn: TransactionState) {
  return untilSettled(async () => {
    const existing = await ctx.store.getApplied(ctx.userId, budget.budgetId, txn.transactionId);
    const planned = await plan(ctx, budget, txn, existing);
    if (planned.kind === 'skip') return { applied: false, periods: planned.periods };
    await ctx.store.commit(applyItems(ctx, budget, [planned.write], planned.deltas));
    return { applied: true, periods: planned.periods };
  });
}
