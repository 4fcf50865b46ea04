/**
 * The ledger's arithmetic, with no I/O: from a request and what was read (account, category, home
 * currency, the day's rates) it computes the transaction items to store and how every account
 * balance, account count and category count must move. The store applies exactly these deltas in
 * the same TransactWriteItems as the items, so a balance is always the sum of its transactions'
 * accountAmount — the property the tests check after random sequences of writes.
 */

import type { AccountItem } from '../accounts/public';
import type { CategoryItem } from '../categories/public';
import type { Key } from '../kit/dynamodb/keys';
import { Conflict, NotFound } from '../kit/http/problems';
import type { RatesOnDay } from '../rates/public';
import { type Priced, priceEntry } from '../rates/public';
import type { TransactionItem } from './items';
import { statusOf, TransactionEntity, transactionIndexKeys } from './items';
import { checkRefundedEdit } from './refunds';
import type { CreateTransactionBody, CreateTransferBody, TransactionPatch } from './schemas';

/**
 * How one account's figures move: `balance` (every status but void), `pending` and `reconciled`
 * (the parts of it in those statuses; cleared is the rest), `count` (every record, void included).
 */
export type AccountDelta = {
  accountId: string;
  balance: number;
  count: number;
  /** Present only when it moves. */
  pending?: number;
  reconciled?: number;
};
export type CategoryDelta = { categoryId: string; count: number };
export type Deltas = { accounts: AccountDelta[]; categories: CategoryDelta[] };

/** A transaction as written to the table: its keys, its index keys, its attributes. */
export type StoredTransaction = TransactionItem & Key & Partial<Record<`gsi${1 | 2 | 3 | 4}${'pk' | 'sk'}`, string>>;

export function storedTransaction(userId: string, item: TransactionItem): StoredTransaction {
  return { ...TransactionEntity.key(userId, item.transactionId), ...transactionIndexKeys(userId, item), ...item };
}

/**
 * How balances and counts move when the transactions `before` become `after` (creation: nothing
 * before; deletion: nothing after). One net entry per account and category; entries that do not
 * move are left out, so a note edit touches no account and a same-account amount edit one.
 */
export function deltasBetween(before: readonly TransactionItem[], after: readonly TransactionItem[]): Deltas {
  const accounts = new Map<string, AccountDelta>();
  const categories = new Map<string, CategoryDelta>();
  const apply = (item: TransactionItem, sign: 1 | -1) => {
    const account = accounts.get(item.accountId) ?? { accountId: item.accountId, balance: 0, count: 0 };
    const status = statusOf(item);
    if (status !== 'void') account.balance += sign * item.accountAmount;
    if (status === 'pending') account.pending = (account.pending ?? 0) + sign * item.accountAmount;
    if (status === 'reconciled') account.reconciled = (account.reconciled ?? 0) + sign * item.accountAmount;
    account.count += sign;
    accounts.set(item.accountId, account);
    if (item.categoryId) {
      const category = categories.get(item.categoryId) ?? { categoryId: item.categoryId, count: 0 };
      category.count += sign;
      categories.set(item.categoryId, category);
    }
  };
  for (const item of before) apply(item, -1);
  for (const item of after) apply(item, 1);
  return {
    accounts: [...accounts.values()]
      .map(({ pending, reconciled, ...d }) => ({
        ...d,
        ...(pending ? { pending } : {}),
        ...(reconciled ? { reconciled } : {}),
      }))
      .filter((d) => d.balance !== 0 || d.count !== 0 || d.pending !== undefined || d.reconciled !== undefined),
    categories: [...categories.values()].filter((d) => d.count !== 0),
  };
}

const signFor = (kind: 'expense' | 'income' | 'transfer', direction?: 'out' | 'in') =>
  kind === 'income' || direction === 'in' ? 1 : -1;

/** Empty text means "none": stored as null, so a cleared note and an absent one are the same. */
const textOrNull = (value: string | null | undefined) => (value ? value : null);

/** A new entry may land only in an account that exists and is not archived. */
function usableAccount(account: AccountItem | undefined, field = 'account'): AccountItem {
  if (!account) throw new NotFound(field);
  if (account.archived) {
    throw new Conflict('The account is archived; unarchive it to add transactions.', undefined, 'account-archived');
  }
  return account;
}

/**
 * A new entry may land only in a category that exists and is not archived. Its kind need not match
 * the entry's: an income in an expense category is a refund (it lowers that category's spending),
 * an expense in an income category a reversal of income (e.g. salary paid back).
 */
function usableCategory(category: CategoryItem | undefined): CategoryItem {
  if (!category) throw new NotFound('category');
  if (category.archived) {
    throw new Conflict('The category is archived; unarchive it to use it again.', undefined, 'category-archived');
  }
  return category;
}

export type CreateContext = {
  userId: string;
  transactionId: string;
  now: string;
  /** The resolved date (the body's, or today in the user's timezone). */
  date: string;
  account: AccountItem | undefined;
  /** The category the body names (undefined: not found or none named). */
  category: CategoryItem | undefined;
  homeCurrency: string;
  rates: RatesOnDay | undefined;
  /** The user's large-transaction amount, in minor units of the home currency. */
  largeFrom: number;
  /** The movement `refundOf` names, as read (undefined: none named, or not found). */
  refunded?: TransactionItem | undefined;
};

export function planCreate(body: CreateTransactionBody, ctx: CreateContext) {
  const account = usableAccount(ctx.account);
  // A refund without a category takes its refunded movement's (checked in ./refunds.ts).
  const categoryId = body.categoryId !== undefined ? body.categoryId : (ctx.refunded?.categoryId ?? null);
  if (categoryId) usableCategory(ctx.category);
  const priced = priceEntry({
    money: body.money,
    accountCurrency: account.currency,
    homeCurrency: ctx.homeCurrency,
    date: ctx.date,
    rates: ctx.rates,
    explicitAccountAmount: body.accountAmount,
  });
  const sign = signFor(body.kind);
  const item: TransactionItem = {
    type: TransactionEntity.type,
    transactionId: ctx.transactionId,
    kind: body.kind,
    accountId: account.accountId,
    date: ctx.date,
    amount: body.money.amount,
    currency: body.money.currency,
    accountCurrency: account.currency,
    ...valuation(priced, priced, sign, ctx.homeCurrency),
    categoryId,
    payee: textOrNull(body.payee),
    payeeId: null,
    note: textOrNull(body.note),
    tags: body.tags ?? [],
    externalId: body.externalId ?? null,
    transferId: null,
    counterpartAccountId: null,
    large: priced.homeAmount >= ctx.largeFrom,
    status: body.status ?? 'pending',
    ...(body.refundOf ? { refundOf: body.refundOf } : {}),
    ...(body.invoiceId ? { invoiceId: body.invoiceId } : {}),
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
  };
  return { item, deltas: deltasBetween([], [item]) };
}

/** What an update must read before it can be planned. */
export function updateReads(old: TransactionItem, patch: TransactionPatch) {
  refuseReconciledChange(old, patch);
  refuseTransferLegChange(old, patch);
  const accountId = patch.accountId !== undefined && patch.accountId !== old.accountId ? patch.accountId : undefined;
  const categoryId = patch.categoryId !== undefined ? patch.categoryId : old.categoryId;
  const categoryChanges = patch.categoryId !== undefined && patch.categoryId !== old.categoryId;
  return {
    /** The account it moves to, if it moves. */
    accountId,
    /** The category it moves to, to validate (a kind change keeps the category: any kind fits). */
    categoryId: categoryId && categoryChanges ? categoryId : undefined,
    /** Amounts are re-priced on the new date, with that day's rates. */
    reprice: repricing(old, patch, accountId !== undefined),
  };
}

/**
 * A reconciled transaction is what a statement agreed: nothing about it changes (409 naming
 * `status`) until it is explicitly un-reconciled with `{status: "cleared", unreconcile: true}`,
 * and that patch changes nothing else.
 */
function refuseReconciledChange(old: TransactionItem, patch: TransactionPatch) {
  if (statusOf(old) !== 'reconciled') return;
  const fields = Object.entries(patch)
    .filter(([, value]) => value !== undefined)
    .map(([field]) => field);
  const unlocking =
    patch.status === 'cleared' &&
    patch.unreconcile === true &&
    fields.every((field) => field === 'status' || field === 'unreconcile');
  if (!unlocking) throw reconciledConflict();
}

export function reconciledConflict(): Conflict {
  return new Conflict(
    'This transaction is reconciled: un-reconcile it first (PATCH {"status": "cleared", "unreconcile": true}).',
    { errors: [{ in: 'body', field: 'status', message: 'is reconciled' }] },
    'reconciled',
  );
}

/** A transfer leg is one half of a balanced pair: only its note, tags and status may change alone. */
function refuseTransferLegChange(old: TransactionItem, patch: TransactionPatch) {
  if (old.transferId === null) return;
  const other = Object.entries(patch).filter(
    ([field, value]) => value !== undefined && !['note', 'tags', 'status', 'unreconcile'].includes(field),
  );
  if (other.length > 0) {
    throw new Conflict(
      'This transaction is a leg of a transfer: only note and tags can change. Delete the transfer and create a new one.',
      { fields: other.map(([field]) => field) },
      'transfer-leg',
    );
  }
}

function repricing(old: TransactionItem, patch: TransactionPatch, moves: boolean) {
  const money = patch.money ?? { amount: old.amount, currency: old.currency };
  const moneyChanges = money.amount !== old.amount || money.currency !== old.currency;
  const date = patch.date ?? old.date;
  const needed = moneyChanges || moves || date !== old.date || patch.accountAmount !== undefined;
  // The bank's figure still holds while neither the amount nor the account changes.
  const keptUserAmount =
    !moneyChanges && !moves && old.accountConversion?.source === 'user' ? Math.abs(old.accountAmount) : undefined;
  return needed ? { money, date, explicitAccountAmount: patch.accountAmount ?? keptUserAmount } : undefined;
}

export type UpdateContext = {
  now: string;
  /** The account it moves to (when `updateReads` named one). */
  account?: AccountItem | undefined;
  /** The category `updateReads` named, as read. */
  category?: CategoryItem | undefined;
  /** Rates of the new date (when `updateReads` asked to reprice and a currency differs). */
  rates?: RatesOnDay | undefined;
};

export function planUpdate(old: TransactionItem, patch: TransactionPatch, ctx: UpdateContext) {
  const reads = updateReads(old, patch);
  const kind = old.kind === 'transfer' ? 'transfer' : (patch.kind ?? old.kind);
  const account = reads.accountId ? usableAccount(ctx.account) : undefined;
  if (reads.categoryId && kind !== 'transfer') usableCategory(ctx.category);
  const accountCurrency = account?.currency ?? old.accountCurrency;
  let magnitudes = {
    accountAmount: Math.abs(old.accountAmount),
    homeAmount: Math.abs(old.homeAmount),
    accountConversion: old.accountConversion,
    homeConversion: old.homeConversion,
  };
  if (reads.reprice) {
    magnitudes = priceEntry({
      money: reads.reprice.money,
      accountCurrency,
      // Home amounts stay in the home currency of the time they were recorded.
      homeCurrency: old.homeCurrency,
      date: reads.reprice.date,
      rates: ctx.rates,
      explicitAccountAmount: reads.reprice.explicitAccountAmount,
    });
  }
  // Transfer legs never reach here with a kind or amount change; keep their direction.
  const sign = kind === 'transfer' ? Math.sign(old.accountAmount) || -1 : signFor(kind);
  const money = reads.reprice?.money ?? { amount: old.amount, currency: old.currency };
  const item: TransactionItem = {
    ...old,
    kind,
    accountId: account?.accountId ?? old.accountId,
    date: reads.reprice?.date ?? old.date,
    amount: money.amount,
    currency: money.currency,
    accountAmount: sign * magnitudes.accountAmount,
    accountCurrency,
    homeAmount: sign * magnitudes.homeAmount,
    accountConversion: magnitudes.accountConversion,
    homeConversion: magnitudes.homeConversion,
    categoryId: patch.categoryId !== undefined ? patch.categoryId : old.categoryId,
    payee: patch.payee !== undefined ? textOrNull(patch.payee) : old.payee,
    // A new name is bound to its payee when written (shared/transactions/record.ts).
    payeeId: patch.payee !== undefined ? null : (old.payeeId ?? null),
    note: patch.note !== undefined ? textOrNull(patch.note) : old.note,
    tags: patch.tags ?? old.tags,
    status: patch.status ?? statusOf(old),
    ...(patch.invoiceId !== undefined ? { invoiceId: patch.invoiceId } : {}),
    updatedAt: ctx.now,
    version: old.version + 1,
  };
  checkRefundedEdit(old, item);
  return { item, deltas: deltasBetween([old], [item]) };
}

/**
 * Deleting transactions (one, or both legs of a transfer) takes back exactly what they added. A
 * reconciled one is refused (409 naming `status`) and so is a movement that still has refunds.
 */
export function planDelete(removed: readonly TransactionItem[]) {
  for (const item of removed) {
    if (statusOf(item) === 'reconciled') throw reconciledConflict();
    if ((item.refundedAmount ?? 0) > 0 || (item.refundIds ?? []).length > 0) {
      throw new Conflict(
        `This ${item.kind} has refunds: delete them first.`,
        { refundIds: item.refundIds ?? [] },
        'has-refunds',
      );
    }
  }
  return { deltas: deltasBetween(removed, []) };
}

export type TransferContext = {
  transferId: string;
  /** Leg ids: see transferLegIds. */
  outLegId: string;
  inLegId: string;
  now: string;
  date: string;
  from: AccountItem | undefined;
  to: AccountItem | undefined;
  homeCurrency: string;
  rates: RatesOnDay | undefined;
};

/**
 * A transfer is two transactions of kind `transfer` sharing a transferId: the out-leg (negative,
 * source account) and the in-leg (positive, destination). It has one home value, carried by both
 * legs with opposite signs, so a transfer nets to zero in home-currency totals (`homeValue`).
 */
export function planTransfer(body: CreateTransferBody, ctx: TransferContext) {
  const from = usableAccount(ctx.from);
  const to = usableAccount(ctx.to);
  const out = priceEntry({
    money: body.money,
    accountCurrency: from.currency,
    homeCurrency: ctx.homeCurrency,
    date: ctx.date,
    rates: ctx.rates,
  });
  const incoming = priceEntry({
    money: body.money,
    accountCurrency: to.currency,
    homeCurrency: ctx.homeCurrency,
    date: ctx.date,
    rates: ctx.rates,
    explicitAccountAmount: body.toAmount,
    explicitField: 'toAmount',
  });
  const home = homeValue(ctx.homeCurrency, { account: from, priced: out }, { account: to, priced: incoming });
  const leg = (id: string, account: AccountItem, counterpart: AccountItem, sign: 1 | -1, priced: Priced) =>
    ({
      type: TransactionEntity.type,
      transactionId: id,
      kind: 'transfer',
      accountId: account.accountId,
      date: ctx.date,
      amount: body.money.amount,
      currency: body.money.currency,
      accountCurrency: account.currency,
      ...valuation(priced, home, sign, ctx.homeCurrency),
      categoryId: null,
      payee: null,
      note: textOrNull(body.note),
      tags: body.tags ?? [],
      externalId: null,
      transferId: ctx.transferId,
      counterpartAccountId: counterpart.accountId,
      status: body.status ?? 'pending',
      createdAt: ctx.now,
      updatedAt: ctx.now,
      version: 1,
    }) satisfies TransactionItem;
  const outLeg = leg(ctx.outLegId, from, to, -1, out);
  const inLeg = leg(ctx.inLegId, to, from, 1, incoming);
  return { outLeg, inLeg, deltas: deltasBetween([], [outLeg, inLeg]) };
}

type PricedLeg = { account: Pick<AccountItem, 'currency'>; priced: Priced };

/** An entry's value in the home currency: its own pricing, or a transfer's one home value. */
type HomeValue = { homeAmount: number; homeConversion: Priced['homeConversion'] };

/**
 * What an entry moved, signed for its account (negative: money left it), in the account's currency
 * and in the home currency, with the conversion each figure came from. New entries, transfer legs
 * and re-priced entries all state it this one way.
 */
function valuation(priced: Priced, home: HomeValue, sign: number, homeCurrency: string) {
  return {
    accountAmount: sign * priced.accountAmount,
    accountConversion: priced.accountConversion,
    homeAmount: sign * home.homeAmount,
    homeCurrency,
    homeConversion: home.homeConversion,
  };
}

/**
 * The one home value of a transfer. A leg whose account is in the home currency already says it:
 * its account amount is what that account really moved by (the bank's figure, or the money itself),
 * and an income of the same sum would count the same. When both accounts are in the home currency,
 * the figure the bank or the user gave (a leg without a reference-rate conversion) wins. Otherwise
 * the entered money, converted once.
 */
function homeValue(homeCurrency: string, out: PricedLeg, incoming: PricedLeg) {
  const atHome = [incoming, out].filter((leg) => leg.account.currency === homeCurrency);
  const given = atHome.find((leg) => leg.priced.accountConversion?.source !== 'ECB') ?? atHome[0];
  if (given) return { homeAmount: given.priced.accountAmount, homeConversion: given.priced.accountConversion };
  return { homeAmount: out.priced.homeAmount, homeConversion: out.priced.homeConversion };
}

/**
 * A transaction priced again at the rates of its date, once the ECB has published them: the same
 * money, accounts and dates, only what reference rates decided may change. What the user gave
 * (the bank's amount) stays. A transfer is re-priced as a pair (`legs`: both, out-leg first), so
 * it keeps one home value. Each item's version goes up, as for any change.
 *
 * With `homeCurrency` (a restatement after the user changed home currency) the home side is priced
 * in that currency instead, at the same day's rates and by the same rules as a new entry.
 */
export function planReprice(
  legs: readonly TransactionItem[],
  rates: RatesOnDay | undefined,
  now: string,
  homeCurrency?: string,
) {
  const price = (leg: TransactionItem) =>
    priceEntry({
      money: { amount: leg.amount, currency: leg.currency },
      accountCurrency: leg.accountCurrency,
      homeCurrency: homeCurrency ?? leg.homeCurrency,
      date: leg.date,
      rates,
      explicitAccountAmount: leg.accountConversion?.source === 'user' ? Math.abs(leg.accountAmount) : undefined,
    });
  const repriced = (leg: TransactionItem, priced: Priced, home: HomeValue, sign: number): TransactionItem => ({
    ...leg,
    ...valuation(priced, home, sign, homeCurrency ?? leg.homeCurrency),
    updatedAt: now,
    version: leg.version + 1,
  });
  const [first, second] = legs;
  if (!first) throw new Error('Nothing to reprice');
  if (first.transferId === null || !second) {
    const priced = price(first);
    const sign = first.kind === 'transfer' ? Math.sign(first.accountAmount) || -1 : signFor(first.kind);
    const items = [repriced(first, priced, priced, sign)];
    return { items, deltas: deltasBetween([first], items) };
  }
  const out = { account: { currency: first.accountCurrency }, priced: price(first) };
  const incoming = { account: { currency: second.accountCurrency }, priced: price(second) };
  const home = homeValue(homeCurrency ?? first.homeCurrency, out, incoming);
  const items = [repriced(first, out.priced, home, -1), repriced(second, incoming.priced, home, 1)];
  return { items, deltas: deltasBetween(legs, items) };
}

const ULID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The next ULID-shaped id after `id` (base-32 increment): what a monotonic ULID factory yields next. */
function successor(id: string): string {
  const digits = id.split('');
  for (let i = digits.length - 1; i >= 0; i--) {
    const value = ULID_ALPHABET.indexOf(digits[i] as string);
    if (value < ULID_ALPHABET.length - 1) {
      digits[i] = ULID_ALPHABET[value + 1] as string;
      return digits.join('');
    }
    digits[i] = '0';
  }
  throw new Error('No successor for the largest id');
}

/**
 * Leg ids follow from the transfer id: the out-leg's id is the transferId, the in-leg's is the
 * next ULID after it. Either leg therefore finds its counterpart by key (a strongly consistent
 * GetItem), without an index that could lag or an attribute the item contract does not have.
 */
export function transferLegIds(transferId: string) {
  return { outLegId: transferId, inLegId: successor(transferId) };
}

/** The other leg's transaction id, for a transaction that is a transfer leg. */
export function counterpartLegId(leg: Pick<TransactionItem, 'transactionId' | 'transferId'>): string | undefined {
  if (!leg.transferId) return undefined;
  const { outLegId, inLegId } = transferLegIds(leg.transferId);
  return leg.transactionId === outLegId ? inLegId : outLegId;
}
