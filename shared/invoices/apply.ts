/**
 * The invoice-payments consumer's use case: keeps each invoice's `paidAmount` equal to the sum of
 * what the movements naming it pay, exactly once under duplicate, late and out-of-order delivery.
 *
 * Per (invoice, transaction) the table keeps the applied state (`INVPAY#<invoice>#<txn>`: version,
 * deleted, linked, amount). An event applies only when it is newer than that state; applying is ONE
 * TransactWriteItems (shared/kit/dynamodb/exactly-once.ts): Put the new state pinned to the state
 * read + `ADD paidAmount (new − old)` on the invoice (which must exist) + the user still exists.
 * Every invoice the new *or* the previous version names is touched: an invoice the movement no
 * longer names gets amount 0 at this version, so a late delivery of the older version, which still
 * named it, is recognised as stale. A deletion is final.
 *
 * Then the invoice's place in the due-date index follows what is paid: out once fully paid, back
 * in (while issued and not reminded yet) when a refund re-opens it.
 */

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  addDifference,
  appliedStatePut,
  commit,
  UserGone,
  untilSettled,
  userExists,
} from '../kit/dynamodb/exactly-once';
import type { TransactionItem } from '../transactions/public';
import { InvoiceEntity, type InvoiceItem, InvoicePaymentEntity, type InvoicePaymentItem } from './items';
import { paidBy } from './link';
import { dueIndexKeys, type InvoiceStore } from './store';

class InvoiceGone extends Error {}

export type PaymentOutcome = 'applied' | 'stale' | 'invoice-gone' | 'user-gone';

type Next = { version: number; deleted: boolean; current?: TransactionItem };

/** Older than, or the same as, the state applied: nothing to do. A deletion is final. */
function isStale(applied: InvoicePaymentItem, next: Next): boolean {
  if (applied.deleted) return true;
  if (next.deleted) return false;
  return next.version <= applied.version;
}

/** What the movement at this version pays of the invoice: 0 unless it names it, fits its currency and is not deleted. */
function amountOf(invoice: InvoiceItem, next: Next): number {
  const current = next.current;
  if (next.deleted || !current || current.invoiceId !== invoice.invoiceId) return 0;
  if (current.currency !== invoice.currency) return 0;
  return paidBy(invoice, current);
}

export function createInvoicePayments(deps: {
  db: DynamoDBDocumentClient;
  tableName: string;
  invoices: InvoiceStore;
  now?: () => Date;
}) {
  const { db, tableName, invoices } = deps;
  const now = deps.now ?? (() => new Date());

  async function applyOne(
    userId: string,
    invoiceId: string,
    transactionId: string,
    next: Next,
  ): Promise<PaymentOutcome> {
    try {
      return await untilSettled(async () => {
        const [applied, invoice] = await Promise.all([
          invoices.getPayment(userId, invoiceId, transactionId),
          invoices.get(userId, invoiceId),
        ]);
        if (!invoice) return 'invoice-gone';
        if (applied && isStale(applied, next)) return 'stale';
        const amount = amountOf(invoice, next);
        const linked = !next.deleted && next.current?.invoiceId === invoiceId;
        const item: InvoicePaymentItem = {
          type: InvoicePaymentEntity.type,
          invoiceId,
          transactionId,
          version: next.version,
          deleted: next.deleted,
          linked,
          amount,
          kind: linked ? (next.current?.kind ?? null) : null,
          date: linked ? (next.current?.date ?? null) : null,
          updatedAt: now().toISOString(),
        };
        await commit(db, [
          appliedStatePut({
            tableName,
            key: InvoicePaymentEntity.key(userId, invoiceId, transactionId),
            item,
            read: applied && { version: applied.version, amount: applied.amount },
          }),
          addDifference({
            tableName,
            key: InvoiceEntity.key(userId, invoiceId),
            add: { paidAmount: amount - (applied?.amount ?? 0) },
            condition: { expression: 'attribute_exists(#pk)', names: { '#pk': 'pk' } },
            onConditionFailed: () => new InvoiceGone(),
          }),
          userExists(tableName, userId),
        ]);
        return 'applied';
      });
    } catch (error) {
      if (error instanceof InvoiceGone) return 'invoice-gone';
      if (error instanceof UserGone) return 'user-gone';
      throw error;
    }
  }

  /**
   * The due-date index entry follows what is paid: REMOVE once paid ≥ gross; SET (again) while
   * issued, not fully paid and not reminded. Each write is conditioned on exactly that, so a
   * concurrent payment or void makes it a no-op rather than a wrong entry.
   */
  async function syncDueIndex(userId: string, invoiceId: string): Promise<void> {
    const invoice = await invoices.get(userId, invoiceId);
    if (!invoice) return;
    const key = InvoiceEntity.key(userId, invoiceId);
    const update: {
      UpdateExpression: string;
      ConditionExpression: string;
      ExpressionAttributeNames: Record<string, string>;
      ExpressionAttributeValues?: Record<string, unknown>;
    } =
      invoice.paidAmount >= invoice.gross
        ? {
            UpdateExpression: 'REMOVE #gpk, #gsk',
            ConditionExpression: 'attribute_exists(#gpk) AND #paid >= #gross',
            ExpressionAttributeNames: { '#gpk': 'gsi4pk', '#gsk': 'gsi4sk', '#paid': 'paidAmount', '#gross': 'gross' },
          }
        : {
            UpdateExpression: 'SET #gpk = :gpk, #gsk = :gsk',
            ConditionExpression:
              'attribute_not_exists(#gpk) AND #state = :issued AND #paid < #gross AND attribute_not_exists(#remindedAt) AND #due = :due',
            ExpressionAttributeNames: {
              '#gpk': 'gsi4pk',
              '#gsk': 'gsi4sk',
              '#paid': 'paidAmount',
              '#gross': 'gross',
              '#state': 'state',
              '#remindedAt': 'remindedAt',
              '#due': 'dueDate',
            },
            ExpressionAttributeValues: {
              ':gpk': dueIndexKeys(userId, invoice).gsi4pk,
              ':gsk': dueIndexKeys(userId, invoice).gsi4sk,
              ':issued': 'issued',
              ':due': invoice.dueDate,
            },
          };
    try {
      await db.send(new UpdateCommand({ TableName: tableName, Key: key, ...update }));
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  return {
    /** TransactionCreated/Updated/Deleted: every invoice the new or the previous version names. */
    async onTransaction(
      userId: string,
      event: { version: number; current?: TransactionItem; previous?: TransactionItem },
    ): Promise<Record<string, PaymentOutcome>> {
      const transactionId = (event.current ?? event.previous)?.transactionId;
      if (!transactionId) return {};
      const invoiceIds = new Set(
        [event.current?.invoiceId, event.previous?.invoiceId].filter((id): id is string => typeof id === 'string'),
      );
      const outcomes: Record<string, PaymentOutcome> = {};
      for (const invoiceId of invoiceIds) {
        const next: Next = event.current
          ? { version: event.version, deleted: false, current: event.current }
          : { version: event.version, deleted: true };
        outcomes[invoiceId] = await applyOne(userId, invoiceId, transactionId, next);
        // Re-run on duplicates too: a crash between the apply and the index write is healed.
        if (outcomes[invoiceId] !== 'invoice-gone' && outcomes[invoiceId] !== 'user-gone') {
          await syncDueIndex(userId, invoiceId);
        }
      }
      return outcomes;
    },
  };
}
