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
/** Payees are remembered by their case- and space-folded name, so "ACME " and "acme" are one. */
export const PayeeEntity = entity('PAYEE', 'PAYEE', (normalizedName: string) => normalizedName);
/** Claims an import's external id, so a second import of the same one is refused (409). */
export const ExternalIdEntity = entity('EXTID', 'EXTID', (externalId: string) => externalId);

export const transactionKinds = ['expense', 'income', 'transfer'] as const;

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
    payee: z.nullable(z.string()),
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
    /** The invoice this movement pays (or refunds); absent or null when none. */
    invoiceId: z.optional(z.nullable(z.string())),
    ...timestamps(),
  }),
);
export type TransactionItem = z.infer<ReturnType<typeof transactionItem>>;

/**
 * Index keys of a transaction: by date (gsi1), by account (gsi2), by category (gsi3). The sort key
 * `<date>#<id>` orders newest first when read backwards and is unique within a user.
 */
export function transactionIndexKeys(
  userId: string,
  t: Pick<
    TransactionItem,
    'transactionId' | 'date' | 'accountId' | 'categoryId' | 'accountConversion' | 'homeConversion'
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
} as const;
