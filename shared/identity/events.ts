/** The events identity' items become (see shared/kit/events/domain-events.ts). */
import { created, deleted, type ItemEvents, updated } from '../kit/events/domain-events';
import * as z from '../kit/schema';
import { ProfileEntity, profileSchema, profilesByTimeZone } from './profile';

export const identityItemEvents = {
  [ProfileEntity.type]: {
    idAttribute: 'userId',
    INSERT: 'UserSignedUp',
    MODIFY: 'UserUpdated',
    REMOVE: 'UserDeleted',
    // The profiles-by-zone index keys are bookkeeping: writing them alone (indexing a profile
    // written before the index existed) changes nothing a user did.
    counters: {
      attributes: [profilesByTimeZone.partitionKey, profilesByTimeZone.sortKey],
      reason: 'index keys written for a profile that predates the index: nothing the user did',
    },
  },
} as const satisfies Record<string, ItemEvents>;

export const identityEvents = {
  UserSignedUp: z.lazily(() => created(profileSchema())),
  UserUpdated: z.lazily(() => updated(profileSchema())),
  UserDeleted: z.lazily(() => deleted(profileSchema())),
};
