/** The events categories' items become (see shared/kit/events/domain-events.ts). */
import { created, deleted, type ItemEvents, updated } from '../kit/events/domain-events';
import { CategoryEntity, categoryItem } from './items';

export const categoriesItemEvents = {
  [CategoryEntity.type]: {
    idAttribute: 'categoryId',
    INSERT: 'CategoryCreated',
    MODIFY: 'CategoryUpdated',
    REMOVE: 'CategoryDeleted',
  },
} as const satisfies Record<string, ItemEvents>;

export const categoriesEvents = {
  CategoryCreated: created(categoryItem),
  CategoryUpdated: updated(categoryItem),
  CategoryDeleted: deleted(categoryItem),
};
