/** The events categories' items become (see shared/kit/events/domain-events.ts). */
import { created, deleted, type ItemEvents, updated } from '../kit/events/domain-events';
import * as z from '../kit/schema';
import { CategoryEntity, categoryItem } from './items';

export const categoriesItemEvents = {
  [CategoryEntity.type]: {
    idAttribute: 'categoryId',
    INSERT: 'CategoryCreated',
    MODIFY: 'CategoryUpdated',
    REMOVE: 'CategoryDeleted',
    counters: { attributes: ['transactionCount'] },
  },
} as const satisfies Record<string, ItemEvents>;

export const categoriesEvents = {
  CategoryCreated: z.lazily(() => created(categoryItem())),
  CategoryUpdated: z.lazily(() => updated(categoryItem())),
  CategoryDeleted: z.lazily(() => deleted(categoryItem())),
};
