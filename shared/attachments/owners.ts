/**
 * Whether the owner an attachment is linked to exists for this user, as a ConditionCheck in the
 * attachment's own TransactWriteItems (so an owner deleted meanwhile makes the link fail instead of
 * leaving an attachment behind that its owner's deletion event never finds). Each owner kind
 * answers through its feature's public.ts; none answers from another user's partition.
 */

import { invoiceExists } from '../invoices/public';
import type { GuardedItem } from '../kit/dynamodb/transact';
import { transactionExists } from '../transactions/public';
import type { AttachmentOwner } from './items';

export function ownerExists(
  tableName: string,
  userId: string,
  owner: AttachmentOwner,
  missing: () => Error,
): GuardedItem {
  switch (owner.kind) {
    case 'transaction':
      return transactionExists(tableName, userId, owner.id, missing);
    case 'invoice':
      return invoiceExists(tableName, userId, owner.id, missing);
  }
}
