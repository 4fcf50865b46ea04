/** The events attachments' items become (see shared/kit/events/domain-events.ts). */
import { created, deleted, type ItemEvents, updated } from '../kit/events/domain-events';
import * as z from '../kit/schema';
import { AttachmentEntity, attachmentItem } from './items';

export const attachmentsItemEvents = {
  // The attachment only: its link to the owner is an index entry written and deleted with it.
  // Created when the upload is granted, updated when the file is seen (pending → uploaded), deleted
  // by its route or with its owner (./cascade.ts).
  [AttachmentEntity.type]: {
    idAttribute: 'attachmentId',
    INSERT: 'AttachmentCreated',
    MODIFY: 'AttachmentUpdated',
    REMOVE: 'AttachmentDeleted',
  },
} as const satisfies Record<string, ItemEvents>;

export const attachmentsEvents = {
  AttachmentCreated: z.lazily(() => created(attachmentItem())),
  AttachmentUpdated: z.lazily(() => updated(attachmentItem())),
  AttachmentDeleted: z.lazily(() => deleted(attachmentItem())),
};
