import type { GuardedItem } from '../kit/dynamodb/transact';
import { NotFound, PreconditionFailed } from '../kit/http/problems';
import { ratesIfNeeded } from '../rates/public';
import { refundContribution, type TransactionItem } from './items';
import { PayeeNameTaken } from './payee-store';
import { planUpdate, updateReads } from './plan';
import { invoiceLinkGuards, type LedgerWriterDeps, ledgerWriterStores } from './record';
import { checkRefund, withRefund } from './refunds';
import { checkDateWindow, type TransactionPatch, todayIn } from './schemas';

export type TransactionUpdater = ReturnType<typeof createTransactionUpdater>;

/** How many times an edit whose new payee lost its name to a concurrent one binds again. */
const MAX_PAYEE_RACES = 3;

export function createTransactionUpdater(deps: LedgerWriterDeps) {
  const { guards } = deps;
  const { rates, transactions, payees } = ledgerWriterStores(deps);

  /**
   * A refund's edit moves its refunded movement's figures when what it gives back changes (amount,
   * void and back): checked against the expense as read now, written pinned to that version.
   */
  async function refundFollowing(userId: string, old: TransactionItem, item: TransactionItem) {
    if (!old.refundOf) return undefined;
    const original = await transactions.get(userId, old.refundOf);
    // The expense is gone only if its account was deleted: nothing is left to keep in step.
    if (!original) return undefined;
    const others = (original.refundedAmount ?? 0) - refundContribution(old);
    checkRefund(original, item, others);
    if (refundContribution(item) === refundContribution(old)) return undefined;
    return { item: withRefund(original, old, item, item.updatedAt), readVersion: original.version };
  }

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
      const planned = planUpdate(old, patch, { now: now.toISOString(), account, category, rates: dayRates });
      const { deltas } = planned;
      const refunded = await refundFollowing(userId, old, planned.item);
      // A linked entry is checked again whenever the API changes it (kind or currency may no longer
      // fit); writers without the check (the rule applier) never set a link, and the invoice-payments
      // consumer counts only what fits.
      const invoiceGuards =
        deps.invoiceLinks || patch.invoiceId ? await invoiceLinkGuards(deps.invoiceLinks, userId, planned.item) : [];
      for (let race = 1; ; race++) {
        // A new name is bound to its payee (found or created with the write), as when recording.
        const payee =
          planned.item.payee && patch.payee !== undefined ? await payees.byName(userId, planned.item.payee) : undefined;
        const item: TransactionItem = payee
          ? { ...planned.item, payee: payee.name, payeeId: payee.payeeId }
          : planned.item;
        const write = (budgetGuards: GuardedItem[]) =>
          transactions.apply(userId, {
            replaced: [{ item, readVersion: old.version }],
            refunded: refunded ? [refunded] : [],
            deltas,
            payeeWrites: payee ? payees.writes(userId, payee, item.updatedAt, payee.payeeId !== old.payeeId) : [],
            now: item.updatedAt,
            extra: [...extra, ...invoiceGuards, ...budgetGuards],
          });
        try {
          if (guards) await guards.retrying(() => guards.gather(userId, item), write);
          else await write([]);
          return item;
        } catch (error) {
          if (!(error instanceof PayeeNameTaken) || race >= MAX_PAYEE_RACES) throw error;
        }
      }
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
