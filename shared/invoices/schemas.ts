/**
 * What the invoice routes accept. Strict objects (an unknown field is a 400 naming it). Quantities
 * and tax rates are decimal strings, so "1.5" and "10.5" are exact; unit prices are integer minor
 * units of the invoice currency. Nothing is negative: a credit is a refund movement, not a line.
 */
import { pageQuery } from '../kit/http/cursor';
import { entityId } from '../kit/http/fields';
import { currencyCode, MAX_AMOUNT } from '../kit/money/money';
import * as z from '../kit/schema';
import { invoiceDirections } from './items';
import { invoiceStatuses } from './status';

export const MAX_LINES = 200;
export const MAX_NUMBER_LENGTH = 64;
export const MAX_DESCRIPTION_LENGTH = 200;
export const MAX_NOTES_LENGTH = 2000;
export const MAX_PAYEE_NAME_LENGTH = 100;
/** No invoice in a personal ledger predates 1900 or is dated past 2199: such a date is a typo. */
const EARLIEST_DATE = '1900-01-01';
const LATEST_DATE = '2199-12-31';

const invoiceDate = z.lazily(() =>
  z.iso.date('must be a real date such as 2026-01-31').check(
    z.refine((date) => date >= EARLIEST_DATE, `must not be before ${EARLIEST_DATE}`),
    z.refine((date) => date <= LATEST_DATE, `must not be after ${LATEST_DATE}`),
  ),
);

/** Up to a billion units with six decimals: "1", "1.5", "0.125". Greater than 0. */
const quantity = z.lazily(() =>
  z.string({ error: 'must be a decimal string such as "1.5"' }).check(
    z.regex(/^\d{1,9}(\.\d{1,6})?$/, 'must be a non-negative decimal string such as "1.5" (up to 6 decimals)'),
    z.refine((value) => /[1-9]/.test(value), 'must be greater than 0'),
  ),
);

/** A percentage with up to four decimals, 0 to 100: "21", "10.5", "0". */
const taxRate = z.lazily(() =>
  z.string({ error: 'must be a decimal string percentage such as "21" or "10.5"' }).check(
    z.regex(/^\d{1,3}(\.\d{1,4})?$/, 'must be a non-negative decimal string percentage such as "21" or "10.5"'),
    z.refine((value) => Number(value) <= 100, 'must be at most 100'),
  ),
);

const unitPrice = z.lazily(() =>
  z
    .number({ error: 'must be an integer number of minor units (e.g. 1234 for 12.34)' })
    .check(
      z.int('must be an integer number of minor units (e.g. 1234 for 12.34), not a decimal'),
      z.gte(0, 'must not be negative'),
      z.lte(MAX_AMOUNT, 'is out of range'),
    ),
);

const text = (max: number) =>
  z
    .string()
    .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max, `must be at most ${max} characters`));

export const lineInput = z.lazily(() =>
  z.strictObject({
    description: text(MAX_DESCRIPTION_LENGTH),
    quantity: quantity(),
    unitPrice: unitPrice(),
    taxRate: taxRate(),
  }),
);

const lines = z.lazily(() =>
  z
    .array(lineInput())
    .check(
      z.minLength(1, 'must hold at least one line'),
      z.maxLength(MAX_LINES, `must hold at most ${MAX_LINES} lines`),
    ),
);

/** Printable characters only: the number becomes part of a key (INVOICENO#…). */
const invoiceNumber = z.lazily(() =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'must not be empty'),
      z.maxLength(MAX_NUMBER_LENGTH, `must be at most ${MAX_NUMBER_LENGTH} characters`),
      z.regex(/^[^\p{C}]+$/u, 'must be printable characters only'),
    ),
);

const notes = z.lazily(() =>
  z.string().check(z.trim(), z.maxLength(MAX_NOTES_LENGTH, `must be at most ${MAX_NOTES_LENGTH} characters`)),
);

export const invoiceCreateSchema = z.lazily(() =>
  z
    .strictObject({
      direction: z.enum(invoiceDirections, 'must be "received" (a supplier\'s bill) or "issued" (to a customer)'),
      /** The payee (supplier or customer) it is from or to. */
      payeeId: z.optional(z.nullable(entityId())),
      payeeName: z.optional(z.nullable(text(MAX_PAYEE_NAME_LENGTH))),
      number: invoiceNumber(),
      issueDate: invoiceDate(),
      dueDate: invoiceDate(),
      currency: currencyCode(),
      lines: lines(),
      notes: z.optional(z.nullable(notes())),
    })
    .check(
      z.refine((body) => body.dueDate >= body.issueDate, {
        path: ['dueDate'],
        message: 'must not be before issueDate',
      }),
    ),
);
export type InvoiceCreate = z.infer<ReturnType<typeof invoiceCreateSchema>>;

/** PATCH: lines, currency, number and issueDate only while draft; notes, dueDate and payee any time but void. */
export const invoicePatchSchema = z.lazily(() =>
  z
    .strictObject({
      payeeId: z.optional(z.nullable(entityId())),
      payeeName: z.optional(z.nullable(text(MAX_PAYEE_NAME_LENGTH))),
      number: z.optional(invoiceNumber()),
      issueDate: z.optional(invoiceDate()),
      dueDate: z.optional(invoiceDate()),
      currency: z.optional(currencyCode()),
      lines: z.optional(lines()),
      notes: z.optional(z.nullable(notes())),
    })
    .check(
      z.refine((patch) => Object.values(patch).some((value) => value !== undefined), {
        message: 'must change at least one field',
      }),
    ),
);
export type InvoicePatch = z.infer<ReturnType<typeof invoicePatchSchema>>;

export const invoiceListQuery = z.lazily(() =>
  z.strictObject({
    direction: z.optional(z.enum(invoiceDirections, 'must be received or issued')),
    status: z.optional(z.enum(invoiceStatuses, `must be one of ${invoiceStatuses.join(', ')}`)),
    ...pageQuery(),
  }),
);

/** The issue and void actions take no fields: an empty object or no body. */
export const invoiceActionBody = z.lazily(() => z.optional(z.strictObject({})));
