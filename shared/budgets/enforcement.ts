/**
 * Enforce mode: a budget with `enforce: true` refuses (409 `budget-exceeded`) a transaction create
 * or update that would push a covered period past its effective limit, and nothing is written.
 *
 * Race-free because the check is part of the write: the transaction route adds, to its own
 * TransactWriteItems, per enforcing budget the applied state at the transaction's new version
 * (pinned to the state read), the counter ADDs — the rising one conditioned on
 * `spent <= effectiveLimit − contribution` — and a check that the budget is the version read. Two
 * concurrent writes cannot both pass the condition; the evaluator later finds that version applied.
 * Changes that can only lower spending add nothing here (the evaluator applies them); deletions are
 * never refused.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AppliedStateMoved } from '../kit/dynamodb/exactly-once';
import type { GuardedItem } from '../kit/dynamodb/transact';
import { ConflictError } from '../kit/errors';
import type { LedgerGuards, TransactionItem } from '../transactions/public';
import { counterDeltas, supersedes } from './apply';
import { type CategoryOf, cachedCategoryOf, contributionOf } from './contribution';
import type { BudgetItem } from './items';
import { spanOf } from './periods';
import { figuresFor, type PeriodFigures } from './rollover';
import { BudgetChanged, type BudgetStore, type CounterDelta, createBudgetStore } from './store';

class BudgetExceeded extends ConflictError {
  constructor(budget: BudgetItem, figures: PeriodFigures, spent: number, contribution: number) {
    const money = (amount: number) => ({ amount, currency: budget.currency });
    super(
      'This transaction would take a budget in enforce mode past its limit for the period; nothing was recorded.',
      'budget-exceeded',
      {
        budgetId: budget.budgetId,
        budgetName: budget.name,
        periodId: figures.periodId,
        limit: money(figures.effectiveLimit),
        spent: money(spent),
        overBy: money(spent + contribution - figures.effectiveLimit),
      },
    );
  }
}

/** How many times a write is re-planned after racing the evaluator or a budget change. */
const MAX_ATTEMPTS = 5;

export function createBudgetEnforcement({
  db,
  tableName,
  store = createBudgetStore({ db, tableName }),
}: {
  db: DynamoDBDocumentClient;
  tableName: string;
  store?: BudgetStore;
}) {
  async function guardsFor(userId: string, budget: BudgetItem, txn: TransactionItem, categoryOf: CategoryOf) {
    const existing = await store.getApplied(userId, budget.budgetId, txn.transactionId);
    const target = { version: txn.version, budgetVersion: budget.version, deleted: false };
    if (!supersedes(target, existing)) return [];
    const next = await contributionOf(budget, txn, categoryOf);
    const deltas = counterDeltas(existing, next);
    const rising = deltas.filter((delta) => delta.spent > 0);
    if (rising.length === 0) return [];

    const spent = budget.rollover
      ? await store.spentByPeriod(userId, budget.budgetId)
      : new Map(
          await Promise.all(
            rising.map(async (d) => [d.periodId, await store.spentIn(userId, budget.budgetId, d.periodId)] as const),
          ),
        );
    const figures = new Map(
      figuresFor(
        budget,
        (periodId) => spent.get(periodId) ?? 0,
        rising.map((delta) => spanOf(budget.period, delta.periodId)),
      ).map((f) => [f.periodId, f]),
    );
    for (const delta of rising) {
      const f = figures.get(delta.periodId) as PeriodFigures;
      if (f.spent + delta.spent > f.effectiveLimit) throw new BudgetExceeded(budget, f, f.spent, delta.spent);
    }
    const now = new Date();
    const guard = (delta: CounterDelta) => {
      const f = figures.get(delta.periodId);
      return f && delta.spent > 0
        ? {
            atMost: f.effectiveLimit - delta.spent,
            refused: (spentNow: number) => new BudgetExceeded(budget, f, spentNow, delta.spent),
          }
        : undefined;
    };
    return [
      store.appliedPut(
        userId,
        budget.budgetId,
        {
          transactionId: txn.transactionId,
          existing,
          next: { ...target, periodId: next.periodId, amount: next.amount },
        },
        now,
      ),
      ...deltas.map((delta) => store.counterAdd(userId, budget.budgetId, delta, now, guard(delta))),
      store.budgetUnchanged(userId, budget),
    ];
  }

  return {
    /**
     * The items to add to the transaction write of `txn` (its new state), or none when no
     * enforcing budget's spending rises. Throws BudgetExceeded when one would be exceeded.
     */
    async guards(userId: string, txn: TransactionItem): Promise<GuardedItem[]> {
      if (txn.kind === 'transfer') return [];
      const enforcing = (await store.listAll(userId)).filter((budget) => budget.enforce);
      if (enforcing.length === 0) return [];
      const categoryOf = cachedCategoryOf((categoryId) => store.getCategory(userId, categoryId));
      const items: GuardedItem[] = [];
      for (const budget of enforcing) items.push(...(await guardsFor(userId, budget, txn, categoryOf)));
      return items;
    },
  };
}

/**
 * Runs a ledger write with the enforcement guards of the moment, re-gathering them when the write
 * raced the evaluator (applied state moved) or a budget change. BudgetExceeded passes through.
 */
export async function withBudgetGuards(
  gather: () => Promise<GuardedItem[]>,
  write: (guards: GuardedItem[]) => Promise<void>,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const guards = await gather();
    try {
      await write(guards);
      return;
    } catch (error) {
      if (!(error instanceof AppliedStateMoved || error instanceof BudgetChanged)) throw error;
      if (attempt >= MAX_ATTEMPTS) {
        throw new ConflictError('A budget changed while this was recorded; nothing was written. Retry.');
      }
    }
  }
}

/** Enforcement as the transaction recorder takes it (shared/transactions/record.ts). */
export function budgetLedgerGuards({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }): LedgerGuards {
  const enforcement = createBudgetEnforcement({ db, tableName });
  return { gather: (userId, item) => enforcement.guards(userId, item), retrying: withBudgetGuards };
}
