/** The events transactions' items become (see shared/kit/events/domain-events.ts). */
import { created, type DeriveEvents, deleted, derived, type ItemEvents, updated } from '../kit/events/domain-events';
import { currencyCode, storedAmount } from '../kit/money/money';
import * as z from '../kit/schema';
import { conversion } from '../rates/public';
import { TransactionEntity, type TransactionItem, transactionItem } from './items';

export const transactionsItemEvents = {
  [TransactionEntity.type]: {
    idAttribute: 'transactionId',
    INSERT: 'TransactionCreated',
    MODIFY: 'TransactionUpdated',
    REMOVE: 'TransactionDeleted',
  },
} as const satisfies Record<string, ItemEvents>;

/** One conversion a transaction's write made: the money as entered, into one currency, at one rate. */
const currencyConverted = z.lazily(() =>
  z.extend(conversion(), {
    transactionId: z.string(),
    userId: z.string(),
    from: z.object({ amount: storedAmount(), currency: currencyCode() }),
    to: currencyCode(),
    /** The converted magnitude, in minor units of `to`. */
    amount: storedAmount(),
    provisional: z.boolean(),
  }),
);

export const transactionsEvents = {
  TransactionCreated: z.lazily(() => created(transactionItem())),
  TransactionUpdated: z.lazily(() => updated(transactionItem())),
  TransactionDeleted: z.lazily(() => deleted(transactionItem())),
  CurrencyConverted: z.lazily(() => derived(currencyConverted())),
};

type Converted = z.infer<ReturnType<typeof currencyConverted>>;

/** The conversions a transaction records, one per target currency (home = account currency is one). */
function conversionsOf(item: TransactionItem, userId: string): Converted[] {
  const made: Converted[] = [];
  const add = (to: string, amount: number, recorded: TransactionItem['accountConversion']) => {
    if (!recorded || made.some((c) => c.to === to)) return;
    made.push({
      ...recorded,
      provisional: recorded.provisional ?? false,
      transactionId: item.transactionId,
      userId,
      from: { amount: item.amount, currency: item.currency },
      to,
      amount: Math.abs(amount),
    });
  };
  add(item.accountCurrency, item.accountAmount, item.accountConversion);
  add(item.homeCurrency, item.homeAmount, item.homeConversion);
  return made;
}

/**
 * CurrencyConverted, read off a transaction's write (no item of its own): one per conversion the
 * write made or changed. An edit that leaves a conversion as it was (a note, a category) publishes none.
 */
const currencyConversions: DeriveEvents = ({ userId, data, previous }) => {
  if (!data) return [];
  const now = z.safeParse(transactionItem(), data);
  if (!now.success) return [];
  const before = previous ? z.safeParse(transactionItem(), previous) : undefined;
  const unchanged = new Set(before?.success ? conversionsOf(before.data, userId).map((c) => JSON.stringify(c)) : []);
  return conversionsOf(now.data, userId)
    .filter((c) => !unchanged.has(JSON.stringify(c)))
    .map((c) => ({ detailType: 'CurrencyConverted', key: `converted-${c.to}`, data: c }));
};

export const transactionsDerivedEvents = {
  [TransactionEntity.type]: currencyConversions,
} as const satisfies Record<string, DeriveEvents>;
