/**
 * Refund links. A refund names the movement it gives back (`refundOf`): an income refunding an
 * expense (money back from a shop), or an expense refunding an income (money given back to a
 * customer, e.g. a Stripe refund of an invoice payment). It sits in that movement's category, so it
 * moves the category's totals the other way, like any movement of the other kind there (a refund
 * of an expense lowers spent, shared/budgets/contribution.ts; a refund of an income lowers what the
 * income category earned and is no spending), and in its account currency, so the two compare
 * without a rate. The refunded movement keeps `refundedAmount` (what its refunds that are not void
 * add up to) and their ids, written in the same TransactWriteItems as the refund's creation, edit
 * or deletion and pinned to the version of the movement that was read: refunds can never add up to
 * more than the movement.
 */
import { HttpProblem } from '../kit/http/problems';
import { countsInTotals, refundContribution, type TransactionItem } from './items';

/** 422: the refund link cannot hold; `field` says which input breaks it. Nothing was written. */
export class RefundRefused extends HttpProblem {
  constructor(field: string, message: string) {
    super(422, 'refund-refused', 'Refund refused', `This refund cannot be recorded: ${field} ${message}.`, [
      { in: 'body', field, message },
    ]);
  }
}

/**
 * Checks `refund` (its new state) against its `original` as read; `others` is what the original's
 * other refunds add up to. Throws RefundRefused naming the field at fault.
 */
export function checkRefund(original: TransactionItem | undefined, refund: TransactionItem, others: number): void {
  if (!original) throw new RefundRefused('refundOf', 'must be one of your transactions');
  if (original.kind !== 'expense' && original.kind !== 'income') {
    throw new RefundRefused('refundOf', 'must be an expense or an income');
  }
  // A refund is given back by editing or voiding it, not by a refund of its own: links stay one deep.
  if (original.refundOf) throw new RefundRefused('refundOf', 'is itself a refund');
  if (!countsInTotals(original) && refundContribution(refund) > 0) throw new RefundRefused('refundOf', 'is void');
  const refundKind = original.kind === 'expense' ? 'income' : 'expense';
  if (refund.kind !== refundKind) {
    throw new RefundRefused('kind', `must be ${refundKind} for a refund of an ${original.kind}`);
  }
  if (refund.accountCurrency !== original.accountCurrency) {
    throw new RefundRefused('refundOf', `must be in the refund's account currency (${original.accountCurrency})`);
  }
  if (refund.categoryId !== original.categoryId) {
    throw new RefundRefused('categoryId', `must be the refunded ${original.kind}'s category`);
  }
  const left = Math.abs(original.accountAmount) - others;
  if (refundContribution(refund) > left) {
    throw new RefundRefused('money.amount', `must not exceed what is left to refund (${left} minor units)`);
  }
}

/** An edit of a refunded movement must leave it of its kind, in its currency, at least as large as its refunds. */
export function checkRefundedEdit(old: TransactionItem, item: TransactionItem): void {
  const refunded = item.refundedAmount ?? 0;
  if (refunded === 0) return;
  if (item.kind !== old.kind) throw new RefundRefused('kind', `must stay ${old.kind}: it has refunds`);
  if (Math.abs(item.accountAmount) < refunded) {
    throw new RefundRefused('money.amount', `must not be less than its refunds (${refunded} minor units)`);
  }
}

/** The original after `refund` moved from `before` (undefined: new) to `after` (undefined: deleted). */
export function withRefund(
  original: TransactionItem,
  before: TransactionItem | undefined,
  after: TransactionItem | undefined,
  now: string,
): TransactionItem {
  const refundId = (after ?? before)?.transactionId as string;
  const refunded =
    (original.refundedAmount ?? 0) -
    (before ? refundContribution(before) : 0) +
    (after ? refundContribution(after) : 0);
  const ids = (original.refundIds ?? []).filter((id) => id !== refundId);
  return {
    ...original,
    refundedAmount: refunded,
    refundIds: after ? [...ids, refundId] : ids,
    updatedAt: now,
    version: original.version + 1,
  };
}
