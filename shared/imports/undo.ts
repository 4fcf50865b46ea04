/**
 * What undoing an import does with each transaction it created: removes it when it is as the
 * import made it, keeps it (and says so) when the user changed it since, and notes one the user
 * already deleted.
 *
 * "As the import made it" compares what a user can change (kind, account, day, money, category,
 * payee, note, tags) with a fingerprint taken when it was created, rather than its version: a
 * provisional rate being settled or a home-currency restatement rewrites the item (and its
 * version) without anyone editing it. A reconciled transaction (a statement agreed to it) and an
 * expense with refunds linked to it are kept as edited: the user has built on them.
 */
import { createHash } from 'node:crypto';
import type { TransactionItem } from '../transactions/public';
import type { UndoOutcome } from './items';

type Editable = Pick<
  TransactionItem,
  'kind' | 'accountId' | 'date' | 'amount' | 'currency' | 'categoryId' | 'payee' | 'note' | 'tags'
>;

export function transactionFingerprint(t: Editable): string {
  const fields = [t.kind, t.accountId, t.date, t.amount, t.currency, t.categoryId, t.payee, t.note, [...t.tags].sort()];
  return createHash('sha256').update(JSON.stringify(fields)).digest('base64url').slice(0, 32);
}

export function undoDecision(fingerprint: string | null, current: TransactionItem | undefined): UndoOutcome {
  if (!current) return 'already-deleted';
  if (current.status === 'reconciled' || (current.refundIds ?? []).length > 0) return 'kept-edited';
  return fingerprint !== null && transactionFingerprint(current) === fingerprint ? 'removed' : 'kept-edited';
}
