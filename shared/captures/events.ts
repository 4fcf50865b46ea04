/** The events captures' items become (see shared/kit/events/domain-events.ts). */
import { created, deleted, type ItemEvents, updated } from '../kit/events/domain-events';
import * as z from '../kit/schema';
import { CaptureEntity, captureItem } from './items';

export const capturesItemEvents = {
  // Created when a message is captured, updated when it is accepted or rejected, deleted only with
  // its user's partition. One that recorded nothing expires by TTL: no event (docs/changes.md).
  [CaptureEntity.type]: {
    idAttribute: 'captureId',
    INSERT: 'CaptureCreated',
    MODIFY: 'CaptureUpdated',
    REMOVE: 'CaptureDeleted',
  },
} as const satisfies Record<string, ItemEvents>;

export const capturesEvents = {
  CaptureCreated: z.lazily(() => created(captureItem())),
  CaptureUpdated: z.lazily(() => updated(captureItem())),
  CaptureDeleted: z.lazily(() => deleted(captureItem())),
};
