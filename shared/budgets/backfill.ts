/**
 * Computes a budget's periods from the transactions already recorded (a new budget, or a coverage
 * change): one gsi1 Query for the date range, paged, and per page the very same apply as an event,
 * batched — a page of 96 applied Puts with one ADD per touched counter and the two checks in one
 * TransactWriteItems. A chunk cancelled because someone applied one of its transactions meanwhile
 * falls back to applying its transactions one by one (each re-reads and re-plans).
 */

import { AppliedStateMoved } from '../kit/dynamodb/exactly-once';
import { MAX_TRANSACT_ITEMS } from '../kit/dynamodb/transact';
import { type ApplyContext, applyItems, applyTransaction, mergeDeltas, plan, type TransactionState } from './apply';
import type { BudgetItem } from './items';
import type { AppliedWrite, CounterDelta } from './store';

type Planned = { state: TransactionState; write: AppliedWrite; deltas: CounterDelta[] };

/** The budget and user checks every apply carries. */
const CHECKS = 2;

type BackfillOutcome = { applied: number; periods: Set<string> };

/** Applies every transaction dated on or after `from` to the budget; resolves with the periods it touched. */
export async function backfill(ctx: ApplyContext, budget: BudgetItem, from: string): Promise<BackfillOutcome> {
  const outcome: BackfillOutcome = { applied: 0, periods: new Set() };
  for await (const page of ctx.store.transactionsFrom(ctx.userId, from)) {
    const states: TransactionState[] = page
      .filter((txn) => txn.kind !== 'transfer')
      .map((item) => ({ transactionId: item.transactionId, version: item.version, deleted: false, item }));
    if (states.length === 0) continue;
    const existing = await ctx.store.getAppliedMany(
      ctx.userId,
      budget.budgetId,
      states.map((state) => state.transactionId),
    );
    const planned: Planned[] = [];
    for (const state of states) {
      const result = await plan(ctx, budget, state, existing.get(state.transactionId));
      if (result.kind === 'write') planned.push({ state, write: result.write, deltas: result.deltas });
    }
    for (const chunk of chunks(planned)) {
      await applyChunk(ctx, budget, chunk, outcome);
    }
  }
  return outcome;
}

/** Packs plans so that Puts + counter ADDs + checks fit one transaction. */
function chunks(planned: readonly Planned[]): Planned[][] {
  const result: Planned[][] = [];
  let current: Planned[] = [];
  for (const item of planned) {
    const candidate = [...current, item];
    const size = candidate.length + mergeDeltas(candidate.flatMap((p) => p.deltas)).length + CHECKS;
    if (size > MAX_TRANSACT_ITEMS && current.length > 0) {
      result.push(current);
      current = [item];
    } else {
      current = candidate;
    }
  }
  if (current.length > 0) result.push(current);
  return result;
}

async function applyChunk(ctx: ApplyContext, budget: BudgetItem, chunk: Planned[], outcome: BackfillOutcome) {
  const deltas = mergeDeltas(chunk.flatMap((p) => p.deltas));
  try {
    await ctx.store.commit(
      applyItems(
        ctx,
        budget,
        chunk.map((p) => p.write),
        deltas,
      ),
    );
    outcome.applied += chunk.length;
    for (const p of chunk) if (p.write.next.periodId) outcome.periods.add(p.write.next.periodId);
  } catch (error) {
    if (!(error instanceof AppliedStateMoved)) throw error;
    // An event applied one of these meanwhile: the pins are stale, so re-plan each on its own.
    for (const p of chunk) {
      const result = await applyTransaction(ctx, budget, p.state);
      if (result.applied) outcome.applied += 1;
      for (const periodId of result.periods) outcome.periods.add(periodId);
    }
  }
}
