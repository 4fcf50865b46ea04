/**
 * What the invoice routes decide, independent of Lambda: a new invoice's item, which PATCH is
 * allowed in which state, and the issue and void transitions.
 *
 * - draft: everything may change;
 * - issued: it is a document the counterpart has, so only notes, the due date and the payee change
 *   (lines, currency, number and issue date are fixed: linked payments are in its currency);
 * - void: nothing changes.
 * Issuing needs a draft; voiding a draft or an issued invoice that nothing pays (a paid invoice is
 * refunded first). DELETE takes a draft or a void invoice: an issued one is voided first, so a
 * document that left the house is never silently gone.
 */
import { ConflictError, InvalidInput, OutOfRange } from '../kit/errors';
import { MAX_AMOUNT } from '../kit/money/money';
import { InvoiceEntity, type InvoiceItem, type InvoiceLineItem } from './items';
import type { InvoiceCreate, InvoicePatch } from './schemas';
import { dueIndexKeys, type InvoiceChange } from './store';
import { invoiceTotals, type LineInput, TotalTooLarge } from './totals';

/** Each line with its amounts, and the invoice totals; 422 naming the line when too large. */
export function pricedLines(lines: readonly LineInput[]) {
  try {
    const { lines: amounts, totals } = invoiceTotals(lines);
    const priced: InvoiceLineItem[] = lines.map((line, index) => {
      const { net, tax, gross } = amounts[index] as InvoiceLineItem;
      return {
        description: line.description,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        taxRate: line.taxRate,
        net,
        tax,
        gross,
      };
    });
    if (totals.gross <= 0) throw new InvalidInput('lines', 'must add up to more than 0');
    return { lines: priced, ...totals };
  } catch (error) {
    if (error instanceof TotalTooLarge) {
      throw new OutOfRange(error.field, `would make the invoice exceed ${MAX_AMOUNT} minor units`);
    }
    throw error;
  }
}

export function newInvoiceItem(input: InvoiceCreate, invoiceId: string, now: string): InvoiceItem {
  return {
    type: InvoiceEntity.type,
    invoiceId,
    direction: input.direction,
    state: 'draft',
    payeeId: input.payeeId ?? null,
    payeeName: input.payeeName ?? null,
    number: input.number,
    issueDate: input.issueDate,
    dueDate: input.dueDate,
    currency: input.currency,
    ...pricedLines(input.lines),
    notes: input.notes ? input.notes : null,
    paidAmount: 0,
    issuedAt: null,
    voidedAt: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

function notInState(invoice: InvoiceItem, action: string) {
  return new ConflictError(`This invoice is ${invoice.state}: ${action}.`, `invoice-${invoice.state}`, {
    state: invoice.state,
  });
}

const DRAFT_ONLY = ['number', 'issueDate', 'currency', 'lines'] as const;

/** The change a PATCH makes to `old`; 409 when the state forbids it, 400 when the dates cross. */
export function planPatch(userId: string, old: InvoiceItem, patch: InvoicePatch): InvoiceChange {
  if (old.state === 'void') throw notInState(old, 'a void invoice cannot change');
  if (old.state === 'issued') {
    const fixed = DRAFT_ONLY.filter((field) => patch[field] !== undefined);
    if (fixed.length > 0) {
      throw notInState(old, `${fixed.join(', ')} can change only while it is a draft`);
    }
  }
  const issueDate = patch.issueDate ?? old.issueDate;
  const dueDate = patch.dueDate ?? old.dueDate;
  if (dueDate < issueDate) throw new InvalidInput('dueDate', 'must not be before issueDate');
  const fields: InvoiceChange['fields'] = {
    ...(patch.payeeId !== undefined ? { payeeId: patch.payeeId } : {}),
    ...(patch.payeeName !== undefined ? { payeeName: patch.payeeName } : {}),
    ...(patch.number !== undefined ? { number: patch.number } : {}),
    ...(patch.issueDate !== undefined ? { issueDate: patch.issueDate } : {}),
    ...(patch.dueDate !== undefined ? { dueDate: patch.dueDate } : {}),
    ...(patch.currency !== undefined ? { currency: patch.currency } : {}),
    ...(patch.notes !== undefined ? { notes: patch.notes ? patch.notes : null } : {}),
    ...(patch.lines !== undefined ? pricedLines(patch.lines) : {}),
  };
  // An issued invoice not fully paid (re)enters the due-date index with its new due date, and a
  // reminder sent for the old date no longer holds it out: the new date is reminded once in turn
  // (the reminder is keyed by invoice and due date, so returning to a reminded date sends nothing).
  const reindex = old.state === 'issued' && patch.dueDate !== undefined && old.paidAmount < old.gross;
  return {
    fields,
    ...(reindex ? { index: dueIndexKeys(userId, { invoiceId: old.invoiceId, dueDate }), remove: ['remindedAt'] } : {}),
  };
}

/** draft → issued; it enters the due-date index (nothing can have paid a draft: links need issued). */
export function planIssue(userId: string, old: InvoiceItem, now: string): InvoiceChange {
  if (old.state !== 'draft') throw notInState(old, 'only a draft can be issued');
  return { fields: { state: 'issued', issuedAt: now }, index: dueIndexKeys(userId, old) };
}

/** draft or issued → void, when nothing is paid; it leaves the due-date index. */
export function planVoid(old: InvoiceItem, now: string): InvoiceChange {
  if (old.state === 'void') throw notInState(old, 'it is already void');
  const hasPayments = () =>
    new ConflictError('Movements pay this invoice: refund or unlink them before voiding it.', 'invoice-has-payments');
  if (old.paidAmount !== 0) throw hasPayments();
  return {
    fields: { state: 'void', voidedAt: now },
    remove: ['gsi4pk', 'gsi4sk'],
    // A payment applied since the read does not change the version: checked in the write.
    condition: {
      expression: '#paid = :zero',
      names: { '#paid': 'paidAmount' },
      values: { ':zero': 0 },
      refused: hasPayments,
    },
  };
}

/** Only drafts and void invoices are deleted. */
export function checkDeletable(old: InvoiceItem): void {
  if (old.state === 'issued') throw notInState(old, 'void it before deleting it');
}
