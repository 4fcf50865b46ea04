/**
 * A transaction as stored (without key attributes), its entities and index keys. The store writes
 * these, the stream publishes them as Transaction* events, and the budget and goal consumers read
 * them. Views (the HTTP shapes) are derived from them in ./views.ts.
 */
import { byId, entity, userPk } from '../kit/dynamodb/keys';
import { currencyCode, storedAmount } from '../kit/money/money';
import * as z from '../kit/schema';
import { businessDayOnOrBefore, conversion } from '../rates/public';

const isoDate = z.lazily(() => z.iso.date());
const timestamps = z.lazily(() => ({
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int().check(z.positive()),
}));

export const TransactionEntity = entity('TRANSACTION', 'TXN', byId);
/**
 * A payee: who money goes to or comes from, with its own id (`PAYEEID#<ulid>`). Transactions
 * reference it by `payeeId` and keep its name, denormalised, for listing and search.
 */
export const PayeeEntity = entity('PAYEEREC', 'PAYEEID', byId);
/**
 * The claim of a normalised name (case- and space-folded, so "ACME " and "acme" are one) by one
 * payee: written in the same transaction as the payee, conditional on its absence, so two payees
 * never share a name. After a merge the source's claim stays as an alias of the target. Type and
 * prefix predate payee ids (these items were the payees, keyed by name): an item without
 * `payeeId` is such an older payee, adopted on its next use or by the backfill.
 */
export const PayeeNameEntity = entity('PAYEE', 'PAYEE', (normalizedName: string) => normalizedName);
/** Claims an import's external id, so a second import of the same one is refused (409). */
export const ExternalIdEntity = entity('EXTID', 'EXTID', (externalId: string) => externalId);

export const transactionKinds = ['expense', 'income', 'transfer'] as const;

/**
 * Where a movement is in its life: `pending` (entered, not yet seen on a statement), `cleared`
 * (the bank shows it), `reconciled` (matched against a statement: locked), `void` (kept for the
 * record, counted nowhere). Items written before statuses existed have none and read as cleared.
 */
export const transactionStatuses = ['pending', 'cleared', 'reconciled', 'void'] as const;
export type TransactionStatus = (typeof transactionStatuses)[number];

export const statusOf = (item: { status?: TransactionStatus | undefined }): TransactionStatus =>
  item.status ?? 'cleared';

/** Whether a movement counts in any total (balances, budgets, goals, insights, exports' totals). */
export const countsInTotals = (item: { status?: TransactionStatus | undefined }): boolean => statusOf(item) !== 'void';

/** What a refund adds to its original's `refundedAmount`: its account amount, unless void. */
export const refundContribution = (item: Pick<TransactionItem, 'status' | 'accountAmount' | 'refundOf'>): number =>
  item.refundOf && countsInTotals(item) ? Math.abs(item.accountAmount) : 0;

export const transactionItem = z.lazily(() =>
  z.object({
    type: z.literal(TransactionEntity.type),
    transactionId: z.string().check(z.minLength(1)),
    kind: z.enum(transactionKinds),
    accountId: z.string().check(z.minLength(1)),
    /** The day it happened, in the user's timezone. */
    date: isoDate(),
    /** As entered: positive minor units of any supported currency. */
    amount: storedAmount().check(z.positive()),
    currency: currencyCode(),
    /** Signed minor units of the account's currency: what the account balance moves by. */
    accountAmount: storedAmount(),
    accountCurrency: currencyCode(),
    /** Signed minor units of the user's home currency at the time of recording (budgets count this). */
    homeAmount: storedAmount(),
    homeCurrency: currencyCode(),
    accountConversion: z.nullable(conversion()),
    homeConversion: z.nullable(conversion()),
    categoryId: z.nullable(z.string()),
    /** The payee's name when recorded or last renamed, denormalised for listing and search. */
    payee: z.nullable(z.string()),
    /** The payee it references; absent on entries recorded before payees had ids (see the backfill). */
    payeeId: z.optional(z.nullable(z.string())),
    note: z.nullable(z.string()),
    tags: z.array(z.string()),
    externalId: z.nullable(z.string()),
    /** Both legs of a transfer share it; null otherwise. */
    transferId: z.nullable(z.string()),
    counterpartAccountId: z.nullable(z.string()),
    /**
     * At or above the user's large-transaction amount (a profile setting, in the home currency)
     * when it was recorded. Only such creations are routed to the notifier, so an ordinary entry
     * wakes no function to decide that nobody needs to hear of it. Absent on older items.
     */
    large: z.optional(z.boolean()),
    /** Absent on items older than statuses: they read as `cleared` (statusOf). */
    status: z.optional(z.enum(transactionStatuses)),
    /** The movement this one refunds: an expense refunded by an income, or an income by an expense (same account currency, same category). */
    refundOf: z.optional(z.string()),
    /**
     * On a refunded movement: what its refunds add up to (minor units of its account currency, never
     * more than its own), and their ids. Written in the same transaction as each refund.
     */
    refundedAmount: z.optional(storedAmount()),
    refundIds: z.optional(z.array(z.string())),
    /** The invoice this movement pays (or refunds); absent or null when none. */
    invoiceId: z.optional(z.nullable(z.string())),
    ...timestamps(),
  }),
);
export type TransactionItem = z.infer<ReturnType<typeof transactionItem>>;

/**
 * Index keys of a transaction: by date (gsi1), by account (gsi2), by category (gsi3), by payee (gsi5). The sort key
 * `<date>#<id>` orders newest first when read backwards and is unique within a user.
 */
export function transactionIndexKeys(
  userId: string,
  t: Pick<
    TransactionItem,
    'transactionId' | 'date' | 'accountId' | 'categoryId' | 'accountConversion' | 'homeConversion' | 'payeeId'
  >,
) {
  const sortKey = transactionSortKey(t.date, t.transactionId);
  const provisional = t.accountConversion?.provisional === true || t.homeConversion?.provisional === true;
  return {
    gsi1pk: `${userPk(userId)}#TXN`,
    gsi1sk: sortKey,
    gsi2pk: `${userPk(userId)}#ACCOUNT#${t.accountId}`,
    gsi2sk: sortKey,
    ...(t.categoryId ? { gsi3pk: `${userPk(userId)}#CATEGORY#${t.categoryId}`, gsi3sk: sortKey } : {}),
    ...(provisional ? { gsi4pk: PROVISIONAL_PK, gsi4sk: provisionalSortKey(userId, t) } : {}),
    ...(t.payeeId ? { gsi5pk: transactionIndexPk.byPayee(userId, t.payeeId), gsi5sk: sortKey } : {}),
  };
}

/** The provisional index's one partition: every user's provisional transactions, by the day they await. */
export const PROVISIONAL_PK = 'PROVISIONAL#ECB';

/** `<awaited business day>#<sub>#<transactionId>`: a Query up to a published day finds all it settles. */
const provisionalSortKey = (userId: string, t: { date: string; transactionId: string }) =>
  `${businessDayOnOrBefore(t.date)}#${userId}#${t.transactionId}`;

export const transactionSortKey = (date: string, transactionId: string): string => `${date}#${transactionId}`;

/** Partition values of the transaction indexes, for queries. */
export const transactionIndexPk = {
  byDate: (userId: string) => `${userPk(userId)}#TXN`,
  byAccount: (userId: string, accountId: string) => `${userPk(userId)}#ACCOUNT#${accountId}`,
  byCategory: (userId: string, categoryId: string) => `${userPk(userId)}#CATEGORY#${categoryId}`,
  byPayee: (userId: string, payeeId: string) => `${userPk(userId)}#PAYEE#${payeeId}`,
} as const;

export const payeeKinds = ['merchant', 'supplier', 'person', 'employer', 'customer'] as const;

/** A payee as stored (see PayeeEntity). */
export const payeeItem = z.lazily(() =>
  z.object({
    type: z.literal(PayeeEntity.type),
    payeeId: z.string().check(z.minLength(1)),
    name: z.string(),
    kind: z.enum(payeeKinds),
    defaultCategoryId: z.nullable(z.string()),
    contact: z.object({
      email: z.nullable(z.string()),
      phone: z.nullable(z.string()),
      address: z.nullable(z.string()),
    }),
    taxId: z.nullable(z.string()),
    iban: z.nullable(z.string()),
    notes: z.nullable(z.string()),
    /** Transactions recorded with it (merges add the source's). */
    transactionCount: z.int().check(z.nonnegative()),
    lastUsedAt: z.nullable(z.string()),
    /** The normalized names of the payees merged into it: their claims resolve to it and go with it. */
    aliases: z.optional(z.array(z.string())),
    /** Set while a merge moves its transactions into that payee; the payee goes when it is done. */
    mergingInto: z.optional(z.nullable(z.string())),
    ...timestamps(),
  }),
);
export type PayeeItem = z.infer<ReturnType<typeof payeeItem>>;

/** A name claim as stored (see PayeeNameEntity). */
export const payeeNameItem = z.lazily(() =>
  z.object({
    type: z.literal(PayeeNameEntity.type),
    name: z.string(),
    /** The payee the name resolves to (the merge target, for an alias); absent on an older payee. */
    payeeId: z.optional(z.string()),
    /** True when the name was a merged payee's: it resolves to the target but is not the target's name. */
    alias: z.optional(z.boolean()),
    /** Older payees counted uses here. */
    transactionCount: z.optional(z.int().check(z.nonnegative())),
    lastUsedAt: z.optional(z.string()),
  }),
);
export type PayeeNameItem = z.infer<ReturnType<typeof payeeNameItem>>;
