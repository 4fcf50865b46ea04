/**
 * The status a reader sees, derived from the stored state, what is paid, and the caller's today:
 *
 * - `draft`, `void`: as stored;
 * - an issued invoice is `paid` once paid ≥ gross; otherwise `overdue` from the day after its due
 *   date (the caller's calendar), else `partially-paid` when something is paid, else `issued`.
 *
 * Overdue wins over partially paid: an invoice past its due date and not fully paid needs action.
 */
import type { InvoiceItem } from './items';

export const invoiceStatuses = ['draft', 'issued', 'partially-paid', 'paid', 'overdue', 'void'] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

export function invoiceStatus(
  invoice: Pick<InvoiceItem, 'state' | 'paidAmount' | 'gross' | 'dueDate'>,
  today: string,
): InvoiceStatus {
  if (invoice.state !== 'issued') return invoice.state;
  if (invoice.paidAmount >= invoice.gross) return 'paid';
  if (today > invoice.dueDate) return 'overdue';
  return invoice.paidAmount > 0 ? 'partially-paid' : 'issued';
}

/** The open amount: what is still to pay (never below 0: an overpayment is shown as paid). */
export function openAmount(invoice: Pick<InvoiceItem, 'state' | 'paidAmount' | 'gross'>): number {
  if (invoice.state === 'void') return 0;
  return Math.max(0, invoice.gross - invoice.paidAmount);
}

type Filter = { expression: string; names: Record<string, string>; values: Record<string, unknown> };

/** The same derivation as a DynamoDB FilterExpression, for `GET /v1/invoices?status=`. */
export function statusFilter(status: InvoiceStatus, today: string): Filter {
  const names = { '#state': 'state', '#paid': 'paidAmount', '#gross': 'gross', '#due': 'dueDate' };
  if (status === 'draft' || status === 'void') {
    return { expression: '#state = :state', names: { '#state': 'state' }, values: { ':state': status } };
  }
  const values = { ':state': 'issued', ':today': today, ':zero': 0 };
  const issued = '#state = :state';
  const expressions: Record<Exclude<InvoiceStatus, 'draft' | 'void'>, string> = {
    paid: `${issued} AND #paid >= #gross`,
    overdue: `${issued} AND #paid < #gross AND #due < :today`,
    'partially-paid': `${issued} AND #paid < #gross AND #due >= :today AND #paid > :zero`,
    issued: `${issued} AND #paid < #gross AND #due >= :today AND #paid <= :zero`,
  };
  const expression = expressions[status];
  // DynamoDB refuses placeholders an expression does not use.
  const used = <T>(map: Record<string, T>) =>
    Object.fromEntries(Object.entries(map).filter(([placeholder]) => new RegExp(`${placeholder}\\b`).test(expression)));
  return { expression, names: used(names), values: used(values) };
}
