/** What other features may use of attachments: everything else in this folder is its own business. */

// For the change feed: an entry shows what the routes show.
export { AttachmentEntity, type AttachmentItem, type OwnerKind, ownerKinds } from './items';
export { toAttachmentView } from './views';
