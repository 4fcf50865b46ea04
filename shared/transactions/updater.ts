import type { GuardedItem } from '../kit/dynamodb/transact';
import { NotFound, PreconditionFailed } from '../kit/http/problems';
import { ratesIfNeeded } from '../rates/public';
import type { TransactionItem } from './items';
import { planUpdate, updateReads } from './plan';
import { invoiceLinkGuards, type LedgerWriterDeps, ledgerWriterStores } from './record';
import { checkDateWindow, type TransactionPatch, todayIn } from './schemas';

export type TransactionUpdater = ReturnType<typeof createTransactionUpdater>;

export function createTransactionUpdater(deps: LedgerWriterDeps) {
  const { guards } = deps;
  const { rates, transactions } = ledgerWriterStores(deps);

  return {
    /** Strongly consistent read of one transaction. */
    get: (userId: string, transactionId: string) => transactions.get(userId, transactionId),

    /**
     * Applies `patch` to `old` (as read), with `extra` in the same write: StaleTransaction when it
     * changed since, the domain errors of a missing account or category, BudgetExceeded when a
     * budget in enforce mode refuses it.
     */
    async apply(
      userId: string,
      timezone: string,
      old: TransactionItem,
      patch: TransactionPatch,
      { now = new Date(), extra = [] }: { now?: Date; extra?: GuardedItem[] } = {},
    ) {
      const reads = updateReads(old, patch);
      const [account, category] = await Promise.all([
        reads.accountId ? transactions.getAccount(userId, reads.accountId) : undefined,
        reads.categoryId ? transactions.getCategory(userId, reads.categoryId) : undefined,
      ]);
      if (patch.date) checkDateWindow(patch.date, todayIn(timezone, now));
      const accountCurrency = reads.accountId ? account?.currency : old.accountCurrency;
      const dayRates =
        reads.reprice && accountCurrency
          ? await ratesIfNeeded(rates, reads.reprice.date, reads.reprice.money.currency, [
              accountCurrency,
              old.homeCurrency,
            ])
          : undefined;
      const { item, deltas } = planUpdate(old, patch, { now: now.toISOString(), account, category, rates: dayRates });
      // A linked entry is checked again whenever the API changes it (kind or currency may no longer
      // fit); writers without the check (the rule applier) never set a link, and the invoice-payments
      // consumer counts only what fits.
      const invoiceGuards =
        deps.invoiceLinks || patch.invoiceId ? await invoiceLinkGuards(deps.invoiceLinks, userId, item) : [];
      const write = (budgetGuards: GuardedItem[]) =>
        transactions.apply(userId, {
          replaced: [{ item, readVersion: old.version }],
          deltas,
          payees: item.payee && item.payee !== old.payee ? [item.payee] : [],
          now: item.updatedAt,
          extra: [...extra, ...invoiceGuards, ...budgetGuards],
        });
      if (guards) await guards.retrying(() => guards.gather(userId, item), write);
      else await write([]);
      return item;
    },

    /** Reads then applies; 404 when missing, 412 when `expectedVersions` does not hold the version read. */
    async update(
      userId: string,
      timezone: string,
      transactionId: string,
      patch: TransactionPatch,
      expectedVersions: number[] | undefined,
    ) {
      const old = await transactions.get(userId, transactionId);
      if (!old) throw new NotFound('transaction');
      if (expectedVersions && !expectedVersions.includes(old.version)) throw new PreconditionFailed();
      return this.apply(userId, timezone, old, patch);
    },
  };
}
