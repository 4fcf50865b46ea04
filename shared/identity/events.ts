/** The events identity' items become (see shared/kit/events/domain-events.ts). */
import { created, deleted, type ItemEvents, updated } from '../kit/events/domain-events';
import * as z from '../kit/schema';
import { ProfileEntity, profileSchema } from './profile';

export const identityItemEvents = {
  [ProfileEntity.type]: { idAttribute: 'userId', INSERT: 'UserSignedUp', MODIFY: 'UserUpdated', REMOVE: 'UserDeleted' },
} as const satisfies Record<string, ItemEvents>;

export const identityEvents = {
  UserSignedUp: z.lazily(() => created(profileSchema())),
  UserUpdated: z.lazily(() => updated(profileSchema())),
  UserDeleted: z.lazily(() => deleted(profileSchema())),
};
