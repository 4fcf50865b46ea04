/**
 * Whether the owner an attachment is linked to exists for this user, as a ConditionCheck in the
 * attachment's own TransactWriteItems (so an owner deleted meanwhile makes the link fail instead of
 * leaving an attachment behind that its owner's deletion event never finds). Each owner kind
 * answers through its feature's public.ts; none answers from another user's partition.
 */
import type { GuardedItem } from '../kit/dynamodb/transact';
import { transactionExists } from '../transactions/public';
import type { AttachmentOwner } from './items';

/** undefined: this kind of owner cannot be linked to (yet), as if it did not exist. */
export function ownerExists(
  tableName: string,
  userId: string,
  owner: AttachmentOwner,
  missing: () => Error,
): GuardedItem | undefined {
  switch (owner.kind) {
    case 'transaction':
      return transactionExists(tableName, userId, owner.id, missing);
    case 'invoice':
      return invoiceExists(tableName, userId, owner.id, missing);
  }
}

/**
 * MERGE POINT: wire to the invoices feature's public existence check (a ConditionCheck on the
 * user's invoice item, as transactionExists does for transactions). Until invoices exist every
 * invoiceId is unknown: POST /v1/attachments answers 422 naming invoiceId.
 */
export function invoiceExists(
  _tableName: string,
  _userId: string,
  _invoiceId: string,
  _missing: () => Error,
): GuardedItem | undefined {
  return undefined;
}
