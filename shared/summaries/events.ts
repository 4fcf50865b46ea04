/** The events monthly summaries become (see shared/kit/events/domain-events.ts). */
import { created, type ItemEvents } from '../kit/events/domain-events';
import * as z from '../kit/schema';
import { MonthlySummaryEntity, monthlySummaryItem } from './items';

export const summariesItemEvents = {
  [MonthlySummaryEntity.type]: { idAttribute: 'factId', INSERT: 'MonthlySummary' },
} as const satisfies Record<string, ItemEvents>;

export const summariesEvents = {
  MonthlySummary: z.lazily(() => created(monthlySummaryItem())),
};
