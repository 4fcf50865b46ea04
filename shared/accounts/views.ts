/** What the API returns for an account: the stored item minus bookkeeping, its balance as money. */
import type { AccountItem } from './items';

export function toAccountView(item: AccountItem) {
  return {
    id: item.accountId,
    name: item.name,
    kind: item.kind,
    currency: item.currency,
    balance: { amount: item.balance, currency: item.currency },
    // 0 - x + y: a zero stays 0, never -0.
    clearedBalance: { amount: item.balance - (item.pendingBalance ?? 0) + 0, currency: item.currency },
    reconciledBalance: { amount: (item.reconciledBalance ?? 0) + 0, currency: item.currency },
    transactionCount: item.transactionCount,
    archived: item.archived,
    hints: { lastDigits: item.hints?.lastDigits ?? [] },
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}
