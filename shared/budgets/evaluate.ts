/**
 * The budget evaluator's work for one event (functions/events/budget-evaluator.ts is its thin
 * handler):
 *
 * - Transaction{Created,Updated,Deleted}: apply the transaction's state to each of the user's
 *   budgets (shared/budgets/apply.ts), then re-evaluate the thresholds of the periods it touched —
 *   also when the state was already applied, so a crash between the apply and the alert is healed
 *   by the retry.
 * - BudgetCreated: backfill from the budget's startDate. BudgetUpdated: when the coverage
 *   (categoryIds) changed, recompute from the current period on (past periods keep their history);
 *   in every case re-evaluate the current period (the limit or thresholds may have changed).
 *
 * The budget is always re-read (strongly consistent) rather than taken from the event: events
 * arrive out of order, and the applies check the budget version they computed with.
 */

import type { ProfileStore } from '../identity/public';
import { UserGone } from '../kit/dynamodb/exactly-once';
import type { ConsumedEvent } from '../kit/events/consumer';
import { logger } from '../kit/observability';
import type { transactionsEvents } from '../transactions/public';
import { todayIn } from '../transactions/public';
import { type ApplyContext, applyTransaction, type TransactionState } from './apply';
import { backfill } from './backfill';
import type { budgetEvaluator } from './consumers';
import { cachedCategoryOf } from './contribution';
import type { budgetsEvents } from './events';
import type { BudgetItem } from './items';
import { periodOf, spanOf } from './periods';
import { figuresFor } from './rollover';
import { BudgetChanged, type BudgetStore } from './store';
import { alertFact, crossedThresholds } from './thresholds';

type EvaluatedSchemas = typeof transactionsEvents & typeof budgetsEvents;
export type EvaluatedEvent = ConsumedEvent<EvaluatedSchemas, (typeof budgetEvaluator.events)[number]>;

export type EvaluatorDeps = {
  store: BudgetStore;
  profiles: Pick<ProfileStore, 'get'>;
  now: () => Date;
};

type EvaluationOutcome = { budgets: number; applied: number; alerts: number; userGone?: true };

/** Re-reads of a budget that changed under an apply before giving up (the event is then retried). */
const MAX_BUDGET_REREADS = 5;

export async function evaluateEvent(deps: EvaluatorDeps, event: EvaluatedEvent): Promise<EvaluationOutcome> {
  const { userId } = event.detail;
  const ctx: ApplyContext = {
    store: deps.store,
    userId,
    now: deps.now,
    categoryOf: cachedCategoryOf((categoryId) => deps.store.getCategory(userId, categoryId)),
  };
  const outcome: EvaluationOutcome = { budgets: 0, applied: 0, alerts: 0 };
  try {
    switch (event.detailType) {
      case 'TransactionCreated':
      case 'TransactionUpdated': {
        const { data } = event.detail;
        await onTransaction(
          ctx,
          { transactionId: data.transactionId, version: data.version, deleted: false, item: data },
          outcome,
        );
        break;
      }
      case 'TransactionDeleted': {
        const { previous } = event.detail;
        const state = {
          transactionId: previous.transactionId,
          version: previous.version,
          deleted: true,
          item: previous,
        } as const;
        await onTransaction(ctx, state, outcome);
        break;
      }
      case 'BudgetCreated':
        await onBudget(deps, ctx, event.detail.id, { from: 'start' }, outcome);
        break;
      case 'BudgetUpdated': {
        const changed = !sameCoverage(event.detail.previous.categoryIds, event.detail.data.categoryIds);
        await onBudget(deps, ctx, event.detail.id, { from: changed ? 'current' : 'none' }, outcome);
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof UserGone)) throw error;
    // The user was deleted meanwhile: their partition is being erased; there is nothing to count.
    outcome.userGone = true;
  }
  return outcome;
}

async function onTransaction(ctx: ApplyContext, state: TransactionState, outcome: EvaluationOutcome) {
  // A transfer leg stays a transfer (its kind cannot change) and never counts: no read, no write.
  if (state.item.kind === 'transfer') return;
  const budgets = await ctx.store.listAll(ctx.userId);
  outcome.budgets = budgets.length;
  for (const budget of budgets) {
    await withFreshBudget(ctx, budget, async (current) => {
      const result = await applyTransaction(ctx, current, state);
      if (result.applied) outcome.applied += 1;
      outcome.alerts += await evaluateThresholds(ctx, current, result.periods);
    });
  }
}

async function onBudget(
  deps: EvaluatorDeps,
  ctx: ApplyContext,
  budgetId: string,
  recompute: { from: 'start' | 'current' | 'none' },
  outcome: EvaluationOutcome,
) {
  const budget = await ctx.store.get(ctx.userId, budgetId);
  const profile = await deps.profiles.get(ctx.userId);
  if (!budget || !profile) return;
  outcome.budgets = 1;
  const today = todayIn(profile.timezone, deps.now());
  const current = periodOf(budget.period, today);
  await withFreshBudget(ctx, budget, async (fresh) => {
    const touched = new Set<string>([current.periodId]);
    if (recompute.from !== 'none') {
      const from = recompute.from === 'start' || fresh.startDate > current.start ? fresh.startDate : current.start;
      const result = await backfill(ctx, fresh, from);
      outcome.applied += result.applied;
      // Past periods are history: alerting about them now would only be noise.
      for (const periodId of result.periods) if (periodId >= current.periodId) touched.add(periodId);
    }
    outcome.alerts += await evaluateThresholds(ctx, fresh, [...touched]);
  });
}

/** Runs `work` with the budget, re-reading it when it changed under an apply; a deleted budget ends it. */
async function withFreshBudget(ctx: ApplyContext, budget: BudgetItem, work: (budget: BudgetItem) => Promise<void>) {
  let current: BudgetItem | undefined = budget;
  for (let attempt = 1; current; attempt++) {
    try {
      await work(current);
      return;
    } catch (error) {
      if (!(error instanceof BudgetChanged) || attempt >= MAX_BUDGET_REREADS) throw error;
      current = await ctx.store.get(ctx.userId, budget.budgetId);
    }
  }
}

/**
 * Puts an alert for every crossed threshold of the given periods that has none yet. With rollover,
 * a change in one period moves the effective limit of every later one, so those are checked too.
 * Resolves with the number of alerts written.
 */
async function evaluateThresholds(ctx: ApplyContext, budget: BudgetItem, periodIds: readonly string[]) {
  if (periodIds.length === 0 || budget.thresholds.length === 0) return 0;
  const ids = new Set(periodIds);
  let spentOf: (periodId: string) => number;
  if (budget.rollover) {
    const spent = await ctx.store.spentByPeriod(ctx.userId, budget.budgetId);
    const earliest = [...ids].sort()[0] as string;
    for (const periodId of spent.keys()) if (periodId > earliest) ids.add(periodId);
    spentOf = (periodId) => spent.get(periodId) ?? 0;
  } else {
    const spent = new Map(
      await Promise.all(
        [...ids].map(async (id) => [id, await ctx.store.spentIn(ctx.userId, budget.budgetId, id)] as const),
      ),
    );
    spentOf = (periodId) => spent.get(periodId) ?? 0;
  }
  const spans = [...ids].map((id) => spanOf(budget.period, id)).filter((span) => span.end >= budget.startDate);
  let written = 0;
  for (const figures of figuresFor(budget, spentOf, spans)) {
    const crossed = crossedThresholds(budget.thresholds, figures.spent, figures.effectiveLimit);
    if (crossed.length === 0) continue;
    const already = await ctx.store.alertedThresholds(ctx.userId, budget.budgetId, figures.periodId);
    const nowIso = ctx.now().toISOString();
    for (const threshold of crossed.filter((t) => !already.has(t))) {
      const result = await ctx.store.putAlert(ctx.userId, alertFact(budget, figures, threshold, nowIso));
      if (result === 'user-gone') throw new UserGone();
      if (result === 'written') {
        written += 1;
        logger.info('Budget threshold crossed', { budgetId: budget.budgetId, periodId: figures.periodId, threshold });
      }
    }
  }
  return written;
}

function sameCoverage(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === null || b === null) return a === b;
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((id) => left.has(id));
}
