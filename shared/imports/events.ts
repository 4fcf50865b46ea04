/** The events import jobs become (see shared/kit/events/domain-events.ts). Report items are not events. */
import { created, type ItemEvents, updated } from '../kit/events/domain-events';
import * as z from '../kit/schema';
import { ImportEntity, importItem } from './items';

export const importsItemEvents = {
  // No REMOVE: a job is deleted only with its user's partition, which is not news.
  [ImportEntity.type]: { idAttribute: 'importId', INSERT: 'ImportRequested', MODIFY: 'ImportUpdated' },
} as const satisfies Record<string, ItemEvents>;

export const importsEvents = {
  ImportRequested: z.lazily(() => created(importItem())),
  ImportUpdated: z.lazily(() => updated(importItem())),
};
