/**
 * The balance invariant of the pure plan: after ANY history of creates, updates, deletes and
 * transfers, applying only the deltas the plan computed leaves every account's balance equal to
 * the sum of its transactions' accountAmount, its transactionCount equal to their number, and every
 * category count equal to the transactions filed under it. Refused operations change nothing.
 * (test/unit/transactions/property/dynamodb-balances.test.ts checks the same through the real table.)
 */
import fc from 'fast-check';
import type { AccountItem } from '../../../../shared/accounts/items';
import type { CategoryItem } from '../../../../shared/categories/items';
import { HttpProblem } from '../../../../shared/kit/http/problems';
import type { TransactionItem } from '../../../../shared/transactions/items';
import {
  counterpartLegId,
  type Deltas,
  planCreate,
  planDelete,
  planTransfer,
  planUpdate,
  transferLegIds,
  updateReads,
} from '../../../../shared/transactions/plan';
import {
  createTransactionBody,
  createTransferBody,
  patchTransactionBody,
} from '../../../../shared/transactions/schemas';
import { accountFixture, categoryFixture, snapshotRatesOn } from '../support/ledger-fixtures';
import {
  ACCOUNTS,
  CATEGORIES,
  expectedTotals,
  HOME_CURRENCY,
  type LedgerRequest,
  opArbitrary,
  toRequest,
} from './support/ledger-ops';

const NOW = '2026-01-10T12:00:00.000Z';

/** The table, reduced to what the plan touches: items by id, balances moved only by deltas. */
class MemoryLedger {
  transactions = new Map<string, TransactionItem>();
  accounts = new Map<string, AccountItem>(
    ACCOUNTS.map((a) => [a.accountId, accountFixture({ accountId: a.accountId, currency: a.currency })]),
  );
  categories = new Map<string, CategoryItem>(
    CATEGORIES.map((c) => [c.categoryId, categoryFixture({ categoryId: c.categoryId, kind: c.kind })]),
  );
  private nextId = 1;

  private id() {
    return `01KE${String(this.nextId++ * 2).padStart(22, '0')}`;
  }

  private apply(deltas: Deltas) {
    for (const d of deltas.accounts) {
      const account = this.accounts.get(d.accountId) as AccountItem;
      account.balance += d.balance;
      account.transactionCount += d.count;
    }
    for (const d of deltas.categories) (this.categories.get(d.categoryId) as CategoryItem).transactionCount += d.count;
  }

  run(request: LedgerRequest) {
    switch (request.op) {
      case 'create': {
        const body = createTransactionBody().parse(request.body);
        const date = body.date as string;
        const plan = planCreate(body, {
          userId: 'u',
          transactionId: this.id(),
          now: NOW,
          date,
          account: this.accounts.get(body.accountId),
          category: body.categoryId ? this.categories.get(body.categoryId) : undefined,
          homeCurrency: HOME_CURRENCY,
          rates: snapshotRatesOn(date),
          largeFrom: 100_000,
        });
        this.transactions.set(plan.item.transactionId, plan.item);
        this.apply(plan.deltas);
        return;
      }
      case 'update': {
        const old = this.transactions.get(request.id) as TransactionItem;
        const patch = patchTransactionBody().parse(request.body);
        const reads = updateReads(old, patch);
        const plan = planUpdate(old, patch, {
          now: NOW,
          account: reads.accountId ? this.accounts.get(reads.accountId) : undefined,
          category: reads.categoryId ? this.categories.get(reads.categoryId) : undefined,
          rates: reads.reprice ? snapshotRatesOn(reads.reprice.date) : undefined,
        });
        this.transactions.set(plan.item.transactionId, plan.item);
        this.apply(plan.deltas);
        return;
      }
      case 'delete': {
        const old = this.transactions.get(request.id) as TransactionItem;
        const counterpart = this.transactions.get(counterpartLegId(old) ?? '');
        const removed = counterpart ? [old, counterpart] : [old];
        const plan = planDelete(removed);
        for (const item of removed) this.transactions.delete(item.transactionId);
        this.apply(plan.deltas);
        return;
      }
      case 'transfer': {
        const body = createTransferBody().parse(request.body);
        const transferId = this.id();
        const plan = planTransfer(body, {
          transferId,
          ...transferLegIds(transferId),
          now: NOW,
          date: body.date as string,
          from: this.accounts.get(body.fromAccountId),
          to: this.accounts.get(body.toAccountId),
          homeCurrency: HOME_CURRENCY,
          rates: snapshotRatesOn(body.date as string),
        });
        for (const item of [plan.outLeg, plan.inLeg]) this.transactions.set(item.transactionId, item);
        this.apply(plan.deltas);
        return;
      }
      case 'skip':
        return;
    }
  }
}

test('balances and counts always equal what the transactions add up to', () => {
  fc.assert(
    fc.property(fc.array(opArbitrary, { minLength: 1, maxLength: 40 }), (ops) => {
      const ledger = new MemoryLedger();
      for (const op of ops) {
        const existing = [...ledger.transactions.values()].map((t) => ({ id: t.transactionId, kind: t.kind }));
        const before = JSON.stringify([...ledger.accounts.values(), ...ledger.transactions.values()]);
        try {
          ledger.run(toRequest(op, existing));
        } catch (error) {
          // Refusals are typed (a transfer leg's amount, …) and leave everything as it was.
          expect(error).toBeInstanceOf(HttpProblem);
          expect(JSON.stringify([...ledger.accounts.values(), ...ledger.transactions.values()])).toBe(before);
        }
      }
      const transactions = [...ledger.transactions.values()];
      const expected = expectedTotals(transactions);
      for (const account of ledger.accounts.values()) {
        expect({ balance: account.balance, transactionCount: account.transactionCount }).toEqual(
          expected.accounts[account.accountId],
        );
      }
      for (const category of ledger.categories.values()) {
        expect(category.transactionCount).toBe(expected.categories[category.categoryId]);
      }
      for (const t of transactions) {
        // Direction is the kind's: expenses and out-legs negative, incomes and in-legs positive.
        if (t.kind === 'expense') expect(t.accountAmount).toBeLessThanOrEqual(0);
        if (t.kind === 'income') expect(t.accountAmount).toBeGreaterThanOrEqual(0);
        expect(Math.sign(t.homeAmount) * Math.sign(t.accountAmount)).not.toBe(-1);
      }
    }),
    { numRuns: 300 },
  );
});
