/** The events insights' items become (see shared/kit/events/domain-events.ts). */
import { created, type ItemEvents, updated } from '../kit/events/domain-events';
import * as z from '../kit/schema';
import { RestatementEntity, restatementItem, UnusualSpendingEntity, unusualSpendingItem } from './items';

/**
 * Month counters and applied states are bookkeeping: only the facts the aggregator derives are
 * events, and the restatement job, whose own changes drive it chunk by chunk (no REMOVE: it is
 * deleted only with its user's partition).
 */
export const insightsItemEvents = {
  [UnusualSpendingEntity.type]: { idAttribute: 'factId', INSERT: 'UnusualSpending' },
  [RestatementEntity.type]: {
    idAttribute: 'restatementId',
    INSERT: 'RestatementRequested',
    MODIFY: 'RestatementUpdated',
  },
} as const satisfies Record<string, ItemEvents>;

export const insightsEvents = {
  UnusualSpending: z.lazily(() => created(unusualSpendingItem())),
  RestatementRequested: z.lazily(() => created(restatementItem())),
  RestatementUpdated: z.lazily(() => updated(restatementItem())),
};
