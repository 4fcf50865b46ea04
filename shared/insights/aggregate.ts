/**
 * The insights aggregator's work for one event (functions/events/insights-aggregator.ts is its thin
 * handler): apply the transaction's state (./apply.ts). A user who is gone is skipped: erasing a
 * partition deletes its transactions, and the deletions' events must not write counters back into
 * it. The profile is read strongly consistent first (a read costs a fraction of a conditional
 * write); an apply that raced the erasure and committed is found by the eraser's next pass, which
 * ends only with an empty one.
 */
import type { ProfileStore } from '../identity/public';
import type { ConsumedEvent } from '../kit/events/consumer';
import type { transactionsEvents } from '../transactions/public';
import { type ApplyContext, applyTransaction, type TransactionState } from './apply';
import type { insightsAggregator } from './consumers';
import { type CategoryFacts, cachedCategoryOf } from './contribution';
import type { InsightStore } from './store';

export type AggregatedEvent = ConsumedEvent<typeof transactionsEvents, (typeof insightsAggregator.events)[number]>;

export type AggregatorDeps = {
  store: InsightStore;
  profiles: Pick<ProfileStore, 'get'>;
  category: (userId: string, categoryId: string) => Promise<CategoryFacts | undefined>;
  now: () => Date;
};

export type AggregateOutcome = 'applied' | 'already-applied' | 'user-gone';

export async function aggregateEvent(deps: AggregatorDeps, event: AggregatedEvent): Promise<AggregateOutcome> {
  const { userId } = event.detail;
  if (!(await deps.profiles.get(userId))) return 'user-gone';
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
  return (await applyTransaction(ctx, state.item.transactionId, state)) ? 'applied' : 'already-applied';
}
