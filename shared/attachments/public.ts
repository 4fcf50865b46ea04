/** What other features may use of attachments: everything else in this folder is its own business. */

export { type OwnerKind, ownerKinds } from './items';
