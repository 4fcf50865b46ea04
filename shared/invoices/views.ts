/**
 * What the invoice routes return: the stored invoice minus bookkeeping, its status derived for the
 * caller's today (./status.ts), totals as money, and (on GET of one) the movements linked to it.
 */
import { moneySchema, timestampFields } from '../kit/http/response-schemas';
import * as z from '../kit/schema';
import { type InvoiceItem, type InvoicePaymentItem, invoiceDirections } from './items';
import { invoiceStatus, invoiceStatuses, openAmount } from './status';

const money = (amount: number, currency: string) => ({ amount, currency });

export function toInvoiceView(invoice: InvoiceItem, today: string) {
  const { currency } = invoice;
  return {
    id: invoice.invoiceId,
    direction: invoice.direction,
    status: invoiceStatus(invoice, today),
    number: invoice.number,
    payeeId: invoice.payeeId,
    payeeName: invoice.payeeName,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    currency,
    lines: invoice.lines.map((line) => ({ ...line })),
    notes: invoice.notes,
    net: money(invoice.net, currency),
    tax: money(invoice.tax, currency),
    gross: money(invoice.gross, currency),
    paid: money(invoice.paidAmount, currency),
    open: money(openAmount(invoice), currency),
    issuedAt: invoice.issuedAt,
    voidedAt: invoice.voidedAt,
    createdAt: invoice.createdAt,
    updatedAt: invoice.updatedAt,
    version: invoice.version,
  };
}

export function toInvoiceDetailView(invoice: InvoiceItem, payments: readonly InvoicePaymentItem[], today: string) {
  return {
    ...toInvoiceView(invoice, today),
    movements: payments.map((payment) => ({
      transactionId: payment.transactionId,
      kind: payment.kind,
      date: payment.date,
      amount: money(payment.amount, invoice.currency),
    })),
  };
}

const lineView = () =>
  z.strictObject({
    description: z.string(),
    quantity: z.string().check(z.describe('Decimal string, e.g. "1.5".')),
    unitPrice: z.int().check(z.describe('Minor units of the invoice currency.')),
    taxRate: z.string().check(z.describe('Percent as a decimal string, e.g. "21".')),
    net: z.int().check(z.describe('quantity × unitPrice, rounded half-even to minor units.')),
    tax: z.int().check(z.describe('net × taxRate / 100, rounded half-even to minor units.')),
    gross: z.int().check(z.describe('net + tax.')),
  });

const invoiceFields = () => ({
  id: z.string(),
  direction: z.enum(invoiceDirections),
  status: z.enum(invoiceStatuses),
  number: z.string(),
  payeeId: z.nullable(z.string()),
  payeeName: z.nullable(z.string()),
  issueDate: z.string(),
  dueDate: z.string(),
  currency: z.string(),
  lines: z.array(lineView()),
  notes: z.nullable(z.string()),
  net: moneySchema().check(z.describe('Sum of the lines’ net.')),
  tax: moneySchema().check(z.describe('Sum of the lines’ tax.')),
  gross: moneySchema().check(z.describe('net + tax.')),
  paid: moneySchema().check(z.describe('What the linked movements pay, refunds subtracted.')),
  open: moneySchema().check(z.describe('gross − paid, at least 0; 0 when void.')),
  issuedAt: z.nullable(z.string()),
  voidedAt: z.nullable(z.string()),
  ...timestampFields(),
});

export const invoiceView = z.lazily(() => z.strictObject(invoiceFields()));

export const invoiceDetailView = z.lazily(() =>
  z.strictObject({
    ...invoiceFields(),
    movements: z.array(
      z.strictObject({
        transactionId: z.string(),
        kind: z.nullable(z.string()),
        date: z.nullable(z.string()),
        amount: moneySchema().check(z.describe('What it pays (negative: a refund), in the invoice currency.')),
      }),
    ),
  }),
);
