/** The events insights' items become (see shared/kit/events/domain-events.ts). */
import { created, type ItemEvents } from '../kit/events/domain-events';
import * as z from '../kit/schema';
import { UnusualSpendingEntity, unusualSpendingItem } from './items';

/** Month counters and applied states are bookkeeping: only the facts the aggregator derives are events. */
export const insightsItemEvents = {
  [UnusualSpendingEntity.type]: { idAttribute: 'factId', INSERT: 'UnusualSpending' },
} as const satisfies Record<string, ItemEvents>;

export const insightsEvents = {
  UnusualSpending: z.lazily(() => created(unusualSpendingItem())),
};
