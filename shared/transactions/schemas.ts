/**
 * What the transaction and transfer write routes accept: strict bodies (an unknown field is a 400
 * naming it), money as integer minor units, and the text limits of a transaction. The same schemas
 * generate the OpenAPI document. Rules that need the caller's profile (the latest allowed date is
 * "today + 1 year" in the user's timezone) are checked by `checkDateWindow`, after the profile is read.
 */
import { entityId } from '../kit/http/fields';
import { ValidationFailed } from '../kit/http/problems';
import { MAX_AMOUNT, positiveMoneySchema } from '../kit/money/money';
import * as z from '../kit/schema';

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;
export const MAX_NOTE_LENGTH = 500;
export const MAX_PAYEE_LENGTH = 100;
export const MAX_EXTERNAL_ID_LENGTH = 128;
/** Nothing in a personal ledger predates 1900; an earlier date is a typo. */
export const EARLIEST_DATE = '1900-01-01';

/** A real calendar day (z.iso.date refuses 2026-02-30), YYYY-MM-DD, not before 1900. */
export const transactionDate = z.lazily(() =>
  z.iso
    .date('must be a real date such as 2026-01-31')
    .check(z.refine((date) => date >= EARLIEST_DATE, `must not be before ${EARLIEST_DATE}`)),
);

/** Minor units of the account's currency, as the bank charged them (always positive: kind gives the sign). */
export const positiveMinorUnits = z.lazily(() =>
  z
    .number({ error: 'must be an integer number of minor units (e.g. 1234 for 12.34)' })
    .check(
      z.int('must be an integer number of minor units (e.g. 1234 for 12.34), not a decimal'),
      z.gte(1, 'must be greater than 0'),
      z.lte(MAX_AMOUNT, 'is out of range'),
    ),
);

/** Tags are labels, not prose: trimmed, lower-cased and de-duplicated so "Trip" and "trip " are one. */
export const tagsSchema = z.lazily(() =>
  z.pipe(
    z
      .array(
        z
          .string()
          .check(
            z.trim(),
            z.minLength(1, 'must not be empty'),
            z.maxLength(MAX_TAG_LENGTH, `must be at most ${MAX_TAG_LENGTH} characters`),
          ),
      )
      .check(z.maxLength(MAX_TAGS, `must hold at most ${MAX_TAGS} tags`)),
    z.transform((tags) => [...new Set(tags.map((tag) => tag.toLowerCase()))]),
  ),
);

export const noteSchema = z.lazily(() =>
  z.string().check(z.trim(), z.maxLength(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH} characters`)),
);
export const payeeSchema = z.lazily(() =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'must not be empty'),
      z.maxLength(MAX_PAYEE_LENGTH, `must be at most ${MAX_PAYEE_LENGTH} characters`),
    ),
);
/** A bank's or importer's id: printable characters only, since it becomes part of a key (EXTID#…). */
export const externalIdSchema = z.lazily(() =>
  z
    .string()
    .check(
      z.minLength(1),
      z.maxLength(MAX_EXTERNAL_ID_LENGTH),
      z.regex(/^[^\p{C}]+$/u, 'must be printable characters only'),
    ),
);

const entryKind = z.lazily(() =>
  z
    .enum(['expense', 'income'])
    .check(z.describe('expense: money leaves the account; income: money arrives (in an expense category, a refund).')),
);

/**
 * Any category of the caller, of either kind: an entry's kind and its category's kind are
 * independent, so a refund stays in the purchase's category (shared/budgets/contribution.ts).
 */
const entryCategory = z.lazily(() =>
  z
    .nullable(entityId())
    .check(
      z.describe(
        'A category of either kind. An income in an expense category is a refund: it lowers that category’s spent in ' +
          'its budgets. An expense in an income category reverses income (e.g. salary paid back) and counts in no budget.',
      ),
    ),
);

/** What a new entry may say of its status: reconciliation alone makes one reconciled. */
const newStatus = z.lazily(() =>
  z
    .enum(['pending', 'cleared'])
    .check(
      z.describe('Defaults to pending (statement imports arrive cleared). Pending counts in the balance and budgets.'),
    ),
);

/**
 * The invoice a movement pays: one of the caller's issued invoices, in the movement's currency. An
 * expense pays a received invoice and an income an issued one; the opposite kind is a refund and
 * lowers what is paid (an income from a supplier, an expense back to a customer).
 */
const invoiceLink = z.lazily(() =>
  entityId().check(
    z.describe(
      'One of your issued invoices, in this currency: an expense pays a received one, an income an issued one; ' +
        'the opposite kind is a refund and lowers what is paid.',
    ),
  ),
);

export const createTransactionBody = z.lazily(() =>
  z.strictObject({
    kind: entryKind(),
    accountId: entityId(),
    /** As entered: any supported currency, converted to the account's and the home currency. */
    money: positiveMoneySchema(),
    /** What the bank charged in the account's currency, when `money` is in another one. */
    accountAmount: z.optional(positiveMinorUnits()),
    categoryId: z.optional(entryCategory()),
    payee: z.optional(z.nullable(payeeSchema())),
    /** One of the caller's payees, instead of `payee` (its name is recorded with it). */
    payeeId: z.optional(entityId()),
    note: z.optional(z.nullable(noteSchema())),
    tags: z.optional(tagsSchema()),
    /** Defaults to today in the user's timezone. */
    date: z.optional(transactionDate()),
    externalId: z.optional(externalIdSchema()),
    status: z.optional(newStatus()),
    /**
     * The caller's expense this income refunds: it takes that expense's category (and must be in
     * its account currency), and all its refunds together may not exceed it.
     */
    refundOf: z.optional(
      entityId().check(
        z.describe('The movement this one refunds: an expense refunded by an income, or an income by an expense.'),
      ),
    ),
    invoiceId: z.optional(invoiceLink()),
  }),
);
export type CreateTransactionBody = z.infer<ReturnType<typeof createTransactionBody>>;

/** PATCH: an allow-list; `null` clears categoryId, payee or note. externalId is immutable. */
export const patchTransactionBody = z.lazily(() =>
  z
    .strictObject({
      kind: z.optional(entryKind()),
      accountId: z.optional(entityId()),
      money: z.optional(positiveMoneySchema()),
      accountAmount: z.optional(positiveMinorUnits()),
      categoryId: z.optional(entryCategory()),
      payee: z.optional(z.nullable(payeeSchema())),
      note: z.optional(z.nullable(noteSchema())),
      tags: z.optional(tagsSchema()),
      date: z.optional(transactionDate()),
      status: z.optional(
        z
          .enum(['pending', 'cleared', 'void'])
          .check(z.describe('void keeps the record and counts nowhere; reconciled is set by reconciliation only.')),
      ),
      /** Required with `status: cleared` to move a reconciled transaction back (and unlock it). */
      unreconcile: z.optional(
        z.literal(true).check(z.describe('With status cleared: un-reconciles a reconciled transaction.')),
      ),
      /** null unlinks the invoice. */
      invoiceId: z.optional(z.nullable(invoiceLink())),
    })
    .check(
      z.refine((patch) => Object.values(patch).some((value) => value !== undefined), {
        message: 'must change at least one field',
      }),
    ),
);
export type TransactionPatch = z.infer<ReturnType<typeof patchTransactionBody>>;

export const createTransferBody = z.lazily(() =>
  z
    .strictObject({
      fromAccountId: entityId(),
      toAccountId: entityId(),
      /** Leaves the source account (converted to its currency when it is another one). */
      money: positiveMoneySchema(),
      /** What arrived, in the destination account's currency, when it differs from `money`'s. */
      toAmount: z.optional(positiveMinorUnits()),
      date: z.optional(transactionDate()),
      note: z.optional(z.nullable(noteSchema())),
      tags: z.optional(tagsSchema()),
      /** Both legs start in it (pending unless stated); each leg then follows its own account's statements. */
      status: z.optional(newStatus()),
    })
    .check(
      z.refine((body) => body.fromAccountId !== body.toAccountId, {
        path: ['toAccountId'],
        message: 'must be another account than fromAccountId',
      }),
    ),
);
export type CreateTransferBody = z.infer<ReturnType<typeof createTransferBody>>;

/** A bank statement to reconcile an account against: its closing day and balance (signed minor units). */
export const reconcileBody = z.lazily(() =>
  z.strictObject({
    statementDate: transactionDate(),
    statementBalance: z
      .number({ error: 'must be an integer number of minor units (e.g. 1234 for 12.34)' })
      .check(
        z.int('must be an integer number of minor units (e.g. 1234 for 12.34), not a decimal'),
        z.gte(-MAX_AMOUNT, 'is out of range'),
        z.lte(MAX_AMOUNT, 'is out of range'),
        z.describe("The statement's closing balance, signed, in minor units of the account's currency."),
      ),
  }),
);

/** Today (YYYY-MM-DD) as the user's wall calendar shows it. */
export function todayIn(timeZone: string, now: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The same calendar day one year later (Feb 29 becomes Mar 1 in a common year). */
export function oneYearAfter(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year + 1, month - 1, day)).toISOString().slice(0, 10);
}

/**
 * Scheduled (future-dated) entries are allowed up to one year ahead of the user's today; anything
 * later is almost always a mistyped year. 400 naming `date`.
 */
export function checkDateWindow(date: string, today: string): void {
  const latest = oneYearAfter(today);
  if (date > latest) {
    throw new ValidationFailed([{ in: 'body', field: 'date', message: `must not be after ${latest}` }]);
  }
}
