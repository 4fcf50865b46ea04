/** The events captures' items become (see shared/kit/events/domain-events.ts). */
import { created, deleted, type ItemEvents, updated } from '../kit/events/domain-events';
import * as z from '../kit/schema';
import { CaptureEntity, captureItem } from './items';

export const capturesItemEvents = {
  // Created when a message is captured, updated when it is accepted or rejected, deleted with its
  // user's partition or, when it recorded nothing, by TTL 30 days on: that expiry is published too
  // (actor `expiry`), so a client syncing with the change feed drops it as well.
  [CaptureEntity.type]: {
    idAttribute: 'captureId',
    INSERT: 'CaptureCreated',
    MODIFY: 'CaptureUpdated',
    REMOVE: 'CaptureDeleted',
    expiryPublished: true,
  },
} as const satisfies Record<string, ItemEvents>;

export const capturesEvents = {
  CaptureCreated: z.lazily(() => created(captureItem())),
  CaptureUpdated: z.lazily(() => updated(captureItem())),
  CaptureDeleted: z.lazily(() => deleted(captureItem())),
};
