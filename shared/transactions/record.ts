/**
 * Recording one expense or income, whichever way it comes in: the API, a captured bank message, a
 * statement import. Every way in reads the same things (the account, the category, the day's rates),
 * plans the same item and writes it the same way: one TransactWriteItems with the balance, the
 * payee memory, the externalId claim, the budget guards and whatever the caller adds to the same
 * write (an Idempotency-Key record, the capture or import row that the transaction settles).
 *
 * Budget enforcement belongs to budgets, which depend on transactions, so its guards come in as a
 * function (`functions/` composes them; see functions/api/transactions/create.ts).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { GuardedItem } from '../kit/dynamodb/transact';
import { ConflictError, InvalidInput, NotFoundError } from '../kit/errors';
import { createRateStore, ratesIfNeeded } from '../rates/public';
import type { TransactionItem } from './items';
import { createPayeeResolver, type PayeeBinding, PayeeNameTaken } from './payee-store';
import { type Deltas, deltasBetween, planCreate, planTransfer, transferLegIds } from './plan';
import { checkRefund, withRefund } from './refunds';
import { type CreateTransactionBody, type CreateTransferBody, checkDateWindow, todayIn } from './schemas';
import { createTransactionStore } from './store';

/** The write-time guards of the budgets in enforce mode that the item counts towards. */
export type LedgerGuards = {
  gather: (userId: string, item: TransactionItem) => Promise<GuardedItem[]>;
  /** Runs `write` with fresh guards, again when it raced a budget change (withBudgetGuards). */
  retrying: (gather: () => Promise<GuardedItem[]>, write: (guards: GuardedItem[]) => Promise<void>) => Promise<void>;
};

/**
 * The invoice link of an entry, checked by the invoices feature (which depends on transactions, so
 * it comes in as a function, like the budget guards): throws a 422 naming `invoiceId` when the
 * invoice cannot be paid by the item, else returns the condition checks the write must include.
 */
export type InvoiceLinkCheck = (userId: string, item: TransactionItem) => Promise<GuardedItem[]>;

/** The checks of an item's invoice link: none without one; a link without a checker is a wiring bug. */
export async function invoiceLinkGuards(
  check: InvoiceLinkCheck | undefined,
  userId: string,
  item: TransactionItem,
): Promise<GuardedItem[]> {
  if (!item.invoiceId) return [];
  if (!check) throw new Error('An invoice link needs the invoices feature’s check (LedgerWriterDeps.invoiceLinks)');
  return check(userId, item);
}

/** What of the caller's profile a recording needs. */
export type RecordingProfile = {
  timezone: string;
  homeCurrency: string;
  notifications: { largeTransactionAmount: number };
};

/**
 * `payee`: how the entry's payee is bound (already in `item.payeeId`), when it has one.
 * `refunded`: a refund's expense with its new refund figures, and the version they were computed from.
 */
export type PlannedTransaction = {
  item: TransactionItem;
  deltas: Deltas;
  payee?: PayeeBinding | undefined;
  refunded?: { item: TransactionItem; readVersion: number } | undefined;
};

/** How many times a write whose new payee lost its name to a concurrent one binds again. */
const MAX_PAYEE_RACES = 3;

/** Both legs of a transfer, and the entry it replaces (the other leg recorded before as an expense or income). */
export type PlannedTransfer = {
  outLeg: TransactionItem;
  inLeg: TransactionItem;
  replaced: TransactionItem | undefined;
  deltas: Deltas;
};

export type TransactionRecorder = ReturnType<typeof createTransactionRecorder>;

/** What the recorder and the updater (./updater.ts) are built from. */
export type LedgerWriterDeps = {
  db: DynamoDBDocumentClient;
  tableName: string;
  guards?: LedgerGuards | undefined;
  invoiceLinks?: InvoiceLinkCheck | undefined;
};

/** The rates a write converts with, the store it writes through and the payees it binds. */
export function ledgerWriterStores({ db, tableName }: LedgerWriterDeps) {
  return {
    rates: createRateStore({ db, tableName }),
    transactions: createTransactionStore({ db, tableName }),
    payees: createPayeeResolver({ db, tableName }),
  };
}

export function createTransactionRecorder(deps: LedgerWriterDeps) {
  const { guards } = deps;
  const { rates, transactions, payees } = ledgerWriterStores(deps);

  /** The payee a body names, by id (404 when not the caller's) or by name (resolved or new). */
  async function bindPayee(userId: string, body: CreateTransactionBody, now: Date) {
    if (body.payeeId !== undefined) {
      if (body.payee) throw new InvalidInput('payeeId', 'must not be given together with payee');
      return payees.byId(userId, body.payeeId);
    }
    const name = body.payee?.trim();
    return name ? payees.byName(userId, name, () => ulid(now.getTime()), now) : undefined;
  }

  return {
    /**
     * Reads what the body refers to and plans the item; nothing is written. Throws the domain
     * errors of a missing account, category or payee (404), a date out of the window or a
     * currency without a rate (422), a refund its refunded movement cannot take (422, ./refunds.ts). A write
     * of a refund fails with StaleTransaction when the movement it refunds changed since: plan it again.
     */
    async plan(
      userId: string,
      profile: RecordingProfile,
      body: CreateTransactionBody,
      now: Date = new Date(),
    ): Promise<PlannedTransaction> {
      const [account, named, original, payee] = await Promise.all([
        transactions.getAccount(userId, body.accountId),
        body.categoryId ? transactions.getCategory(userId, body.categoryId) : undefined,
        body.refundOf ? transactions.get(userId, body.refundOf) : undefined,
        bindPayee(userId, body, now),
      ]);
      // A refund without a category of its own takes its refunded movement's (one more read, refunds only).
      const inherited = body.categoryId === undefined ? original?.categoryId : undefined;
      const category = inherited ? await transactions.getCategory(userId, inherited) : named;
      const today = todayIn(profile.timezone, now);
      const date = body.date ?? today;
      checkDateWindow(date, today);
      const planned = planCreate(body, {
        userId,
        transactionId: ulid(now.getTime()),
        now: now.toISOString(),
        date,
        account,
        category,
        homeCurrency: profile.homeCurrency,
        largeFrom: profile.notifications.largeTransactionAmount,
        rates: account
          ? await ratesIfNeeded(rates, date, body.money.currency, [account.currency, profile.homeCurrency])
          : undefined,
        refunded: original,
      });
      const bound: PlannedTransaction = payee
        ? { ...planned, item: { ...planned.item, payee: payee.name, payeeId: payee.payeeId }, payee }
        : planned;
      if (!body.refundOf) return bound;
      checkRefund(original, bound.item, original?.refundedAmount ?? 0);
      const refunded = original as TransactionItem;
      return {
        ...bound,
        refunded: {
          item: withRefund(refunded, undefined, bound.item, bound.item.createdAt),
          readVersion: refunded.version,
        },
      };
    },

    /**
     * Plans a transfer whose one leg is already on the ledger as an expense or income (`replacesId`:
     * a captured or imported line later recognised as a transfer between own accounts). The entry is
     * removed in the same write as the legs are created, so balances move by the transfer only. Its
     * externalId claim stays, so the line it came from is still known as recorded. Nothing written.
     */
    async planTransfer(
      userId: string,
      profile: RecordingProfile,
      body: CreateTransferBody,
      options: { replacesId?: string; externalId?: { leg: 'out' | 'in'; value: string } } = {},
      now: Date = new Date(),
    ): Promise<PlannedTransfer> {
      const [from, to, replaced] = await Promise.all([
        transactions.getAccount(userId, body.fromAccountId),
        transactions.getAccount(userId, body.toAccountId),
        options.replacesId ? transactions.get(userId, options.replacesId) : undefined,
      ]);
      if (options.replacesId && !replaced) throw new NotFoundError('transaction');
      if (
        replaced &&
        (replaced.kind === 'transfer' || ![from?.accountId, to?.accountId].includes(replaced.accountId))
      ) {
        throw new ConflictError('The transaction to replace is not an entry of either account.', 'not-a-transfer-leg');
      }
      const today = todayIn(profile.timezone, now);
      const date = body.date ?? today;
      checkDateWindow(date, today);
      const transferId = ulid(now.getTime());
      const { outLeg, inLeg } = planTransfer(body, {
        transferId,
        ...transferLegIds(transferId),
        now: now.toISOString(),
        date,
        from,
        to,
        homeCurrency: profile.homeCurrency,
        rates:
          from && to
            ? await ratesIfNeeded(rates, date, body.money.currency, [from.currency, to.currency, profile.homeCurrency])
            : undefined,
      });
      const claim = options.externalId;
      const legs = {
        outLeg: claim?.leg === 'out' ? { ...outLeg, externalId: claim.value } : outLeg,
        inLeg: claim?.leg === 'in' ? { ...inLeg, externalId: claim.value } : inLeg,
      };
      return {
        ...legs,
        replaced,
        deltas: deltasBetween(replaced ? [replaced] : [], [legs.outLeg, legs.inLeg]),
      };
    },

    /** Writes a planned transfer (both legs, the replaced entry's removal) with `extra`, all or nothing. */
    async writeTransfer(userId: string, planned: PlannedTransfer, extra: GuardedItem[] = []): Promise<void> {
      await transactions.apply(userId, {
        created: [planned.outLeg, planned.inLeg],
        // The claim of the replaced entry is kept (externalId left out of the delete).
        deleted: planned.replaced ? [{ ...planned.replaced, externalId: null }] : [],
        deltas: planned.deltas,
        now: planned.outLeg.createdAt,
        extra,
      });
    },

    /**
     * Writes a planned item with `extra` in the same transaction and returns it as written. A
     * claimed externalId is a ConflictError (`duplicate-external-id`), a budget in enforce mode that
     * it would exceed a BudgetExceeded: either way nothing is written. A new payee whose name a
     * concurrent write claimed first is bound again to the winner and written again, unless
     * `rebindPayee` is false (the caller answered with the planned item: it plans again).
     */
    async write(
      userId: string,
      planned: PlannedTransaction,
      extra: GuardedItem[] = [],
      { rebindPayee = true }: { rebindPayee?: boolean } = {},
    ): Promise<TransactionItem> {
      const invoiceGuards = await invoiceLinkGuards(deps.invoiceLinks, userId, planned.item);
      let { item, payee } = planned;
      for (let race = 1; ; race++) {
        const bound = { item, payee };
        const write = (budgetGuards: GuardedItem[]) =>
          transactions.apply(userId, {
            created: [bound.item],
            deltas: planned.deltas,
            refunded: planned.refunded ? [planned.refunded] : [],
            payeeWrites: bound.payee ? payees.writes(userId, bound.payee, bound.item.createdAt) : [],
            now: bound.item.createdAt,
            extra: [...extra, ...invoiceGuards, ...budgetGuards],
          });
        try {
          if (guards) await guards.retrying(() => guards.gather(userId, bound.item), write);
          else await write([]);
          return bound.item;
        } catch (error) {
          if (!(error instanceof PayeeNameTaken) || !rebindPayee || !item.payee || race >= MAX_PAYEE_RACES) throw error;
          payee = await payees.byName(userId, item.payee);
          item = { ...item, payeeId: payee.payeeId };
        }
      }
    },
  };
}
