/**
 * Invoices: a supplier's bill (`received`) or one the user sends a customer (`issued`), the claim
 * of its number, and what each linked movement currently pays of it.
 */
import { byId, entity } from '../kit/dynamodb/keys';
import { currencyCode, storedAmount } from '../kit/money/money';
import * as z from '../kit/schema';

export const InvoiceEntity = entity('INVOICE', 'INVOICE', byId);
/** Claims a number per user and direction: a second invoice with it is refused (409). */
export const InvoiceNumberEntity = entity(
  'INVOICE_NUMBER',
  'INVOICENO',
  (direction: string, number: string) => `${direction}#${number}`,
);
/**
 * What one movement currently pays of one invoice (versioned applied state, shared/kit/dynamodb/
 * exactly-once.ts). The invoice view lists the linked ones with a Query of `INVPAY#<invoiceId>#`.
 */
export const InvoicePaymentEntity = entity(
  'INVOICE_PAYMENT',
  'INVPAY',
  (invoiceId: string, transactionId: string) => `${invoiceId}#${transactionId}`,
);

/**
 * The overdue reminder: the fact that an issued, not fully paid invoice went past its due date in
 * its owner's zone, written once per invoice and due date by the hourly sweep (./overdue.ts). Its
 * INSERT is the InvoiceOverdue event, which the notifier emails once.
 */
export const InvoiceReminderEntity = entity(
  'INVOICE_REMINDER',
  'INVREMIND',
  (invoiceId: string, dueDate: string) => `${invoiceId}#${dueDate}`,
);

export const invoiceDirections = ['received', 'issued'] as const;
/** What is stored; paid, partially-paid and overdue are derived from it (./status.ts). */
export const invoiceStates = ['draft', 'issued', 'void'] as const;

export const invoiceLineItem = z.lazily(() =>
  z.object({
    description: z.string(),
    /** Decimal string, e.g. "1.5". */
    quantity: z.string(),
    /** Minor units of the invoice currency. */
    unitPrice: z.int(),
    /** Percent as a decimal string, e.g. "21" or "10.5". */
    taxRate: z.string(),
    net: storedAmount(),
    tax: storedAmount(),
    gross: storedAmount(),
  }),
);
export type InvoiceLineItem = z.infer<ReturnType<typeof invoiceLineItem>>;

export const invoiceItem = z.lazily(() =>
  z.object({
    type: z.literal(InvoiceEntity.type),
    invoiceId: z.string().check(z.minLength(1)),
    direction: z.enum(invoiceDirections),
    state: z.enum(invoiceStates),
    payeeId: z.nullable(z.string()),
    /** The payee's name when the invoice was written (a snapshot: the invoice is a document). */
    payeeName: z.nullable(z.string()),
    number: z.string(),
    issueDate: z.iso.date(),
    dueDate: z.iso.date(),
    currency: currencyCode(),
    lines: z.array(invoiceLineItem()),
    notes: z.nullable(z.string()),
    net: storedAmount(),
    tax: storedAmount(),
    gross: storedAmount(),
    /** Sum of what the linked movements pay (refunds negative), kept by the invoice-payments consumer. */
    paidAmount: storedAmount(),
    issuedAt: z.nullable(z.string()),
    voidedAt: z.nullable(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.int().check(z.positive()),
  }),
);
export type InvoiceItem = z.infer<ReturnType<typeof invoiceItem>>;

export const invoicePaymentItem = z.lazily(() =>
  z.object({
    type: z.literal(InvoicePaymentEntity.type),
    invoiceId: z.string(),
    transactionId: z.string(),
    /** The transaction version this state is at; `deleted` is final. */
    version: z.int().check(z.nonnegative()),
    deleted: z.boolean(),
    /** Whether the movement (at that version) names the invoice. */
    linked: z.boolean(),
    /** Signed minor units of the invoice currency: + pays, − refunds; 0 when not linked. */
    amount: z.int(),
    kind: z.nullable(z.string()),
    date: z.nullable(z.string()),
    updatedAt: z.string(),
  }),
);
export type InvoicePaymentItem = z.infer<ReturnType<typeof invoicePaymentItem>>;

export const invoiceReminderItem = z.lazily(() =>
  z.object({
    type: z.literal(InvoiceReminderEntity.type),
    /** `<invoiceId>#<dueDate>`: one reminder per invoice and due date, ever. */
    factId: z.string(),
    invoiceId: z.string(),
    direction: z.enum(invoiceDirections),
    number: z.string(),
    payeeName: z.nullable(z.string()),
    dueDate: z.iso.date(),
    currency: currencyCode(),
    gross: storedAmount(),
    paidAmount: storedAmount(),
    /** What is still to pay when the sweep found it overdue (minor units of `currency`). */
    openAmount: storedAmount(),
    /** The owner's local day the sweep found it overdue on, and their zone then. */
    asOf: z.iso.date(),
    timezone: z.string(),
    remindedAt: z.string(),
  }),
);
export type InvoiceReminderItem = z.infer<ReturnType<typeof invoiceReminderItem>>;
