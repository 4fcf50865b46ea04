/**
 * The insights aggregator's work for one event (functions/events/insights-aggregator.ts is its thin
 * handler): apply the transaction's state (./apply.ts), then, for spending in the current month,
 * judge whether its category now runs unusually high (./unusual.ts) and write that fact once.
 *
 * A user who is gone is skipped: erasing a partition deletes its transactions, and the deletions'
 * events must not write counters back into it. The profile is read strongly consistent first (a
 * read costs a fraction of a conditional write); an apply that raced the erasure and committed is
 * found by the eraser's next pass, which ends only with an empty one.
 *
 * The judgement also runs when the state was already applied, so a crash between the apply and the
 * fact is healed by the retry; the fact's conditional Put keeps it single.
 */
import type { CategoryItem } from '../categories/public';
import type { Profile, ProfileStore } from '../identity/public';
import type { ConsumedEvent } from '../kit/events/consumer';
import { logger } from '../kit/observability';
import { type TransactionItem, todayIn, type transactionsEvents } from '../transactions/public';
import { type ApplyContext, applyTransaction, type TransactionState } from './apply';
import type { insightsAggregator } from './consumers';
import { type CategoryOf, cachedCategoryOf, contributionOf } from './contribution';
import { UnusualSpendingEntity } from './items';
import { lineValue } from './lines';
import { addMonths, lastDayOf } from './months';
import type { InsightStore } from './store';
import { HISTORY_MONTHS, judgeSpending } from './unusual';

export type AggregatedEvent = ConsumedEvent<typeof transactionsEvents, (typeof insightsAggregator.events)[number]>;

export type AggregatorDeps = {
  store: InsightStore;
  profiles: Pick<ProfileStore, 'get'>;
  category: (userId: string, categoryId: string) => Promise<Pick<CategoryItem, 'kind' | 'name'> | undefined>;
  now: () => Date;
};

export type AggregateOutcome = {
  result: 'applied' | 'already-applied' | 'user-gone';
  unusual?: 'written' | 'exists';
};

export async function aggregateEvent(deps: AggregatorDeps, event: AggregatedEvent): Promise<AggregateOutcome> {
  const { userId } = event.detail;
  const profile = await deps.profiles.get(userId);
  if (!profile) return { result: 'user-gone' };
  const ctx: ApplyContext = {
    store: deps.store,
    userId,
    now: deps.now,
    categoryOf: cachedCategoryOf((categoryId) => deps.category(userId, categoryId)),
  };
  const state: TransactionState =
    event.detailType === 'TransactionDeleted'
      ? { version: event.detail.previous.version, deleted: true, item: event.detail.previous }
      : { version: event.detail.data.version, deleted: false, item: event.detail.data };
  const applied = await applyTransaction(ctx, state.item.transactionId, state);
  const outcome: AggregateOutcome = { result: applied ? 'applied' : 'already-applied' };
  if (!state.deleted) {
    const unusual = await judgeUnusual(deps, ctx.categoryOf, profile, state.item);
    if (unusual) outcome.unusual = unusual;
  }
  return outcome;
}

async function judgeUnusual(deps: AggregatorDeps, categoryOf: CategoryOf, profile: Profile, txn: TransactionItem) {
  const today = todayIn(profile.timezone, deps.now());
  const month = today.slice(0, 7);
  const categoryId = txn.categoryId;
  if (categoryId === null || txn.date.slice(0, 7) !== month || txn.homeCurrency !== profile.homeCurrency) return;
  // Only spending can make spending unusual: an income or a refund lowers it.
  const own = await contributionOf(txn, categoryOf);
  if (lineValue(own.lines, 'c', categoryId) <= 0) return;
  const months = (
    await deps.store.months(profile.userId, { from: addMonths(month, -HISTORY_MONTHS), to: month })
  ).filter((item) => item.currency === profile.homeCurrency);
  const spentIn = (m: string) =>
    months.filter((item) => item.month === m).reduce((sum, item) => sum + lineValue(item.lines, 'c', categoryId), 0);
  const judgement = judgeSpending({
    monthToDate: spentIn(month),
    history: Array.from({ length: HISTORY_MONTHS }, (_, i) => spentIn(addMonths(month, i - HISTORY_MONTHS))),
    day: Number(today.slice(8, 10)),
    daysInMonth: Number(lastDayOf(month).slice(8, 10)),
    currency: profile.homeCurrency,
  });
  if (!judgement) return;
  const category = await deps.category(profile.userId, categoryId);
  const result = await deps.store.putUnusual(profile.userId, {
    type: UnusualSpendingEntity.type,
    factId: `${month}#${categoryId}`,
    month,
    categoryId,
    categoryName: category?.name ?? null,
    asOf: today,
    currency: profile.homeCurrency,
    spent: spentIn(month),
    usual: judgement.usual,
    threshold: judgement.threshold,
    createdAt: deps.now().toISOString(),
    version: 1,
  });
  if (result === 'written') logger.info('Unusual spending', { userId: profile.userId, categoryId, month });
  return result;
}
