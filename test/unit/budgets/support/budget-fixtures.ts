/**
 * Budgets, transactions and the events the budget evaluator consumes, built as the stream
 * publisher would publish them (the stored item without its keys), so each parses with the catalog.
 */

import type { EvaluatedEvent } from '../../../../shared/budgets/evaluate';
import type { BudgetItem } from '../../../../shared/budgets/items';
import type { TransactionItem } from '../../../../shared/transactions/items';

const T0 = '2026-01-01T09:00:00.000Z';

export function budgetFixture(overrides: Partial<BudgetItem> = {}): BudgetItem {
  return {
    type: 'BUDGET',
    budgetId: 'budget-1',
    name: 'Food',
    categoryIds: ['food'],
    period: 'monthly',
    limit: 10_000,
    currency: 'EUR',
    thresholds: [80, 100],
    rollover: false,
    enforce: false,
    startDate: '2026-01-01',
    createdAt: T0,
    updatedAt: T0,
    version: 1,
    ...overrides,
  };
}

export function txn(overrides: Partial<TransactionItem> & { transactionId: string }): TransactionItem {
  const homeAmount = overrides.homeAmount ?? -1000;
  return {
    type: 'TRANSACTION',
    kind: 'expense',
    accountId: 'acc-eur',
    date: '2026-03-10',
    amount: Math.abs(homeAmount) || 1,
    currency: 'EUR',
    accountAmount: homeAmount,
    accountCurrency: 'EUR',
    homeAmount,
    homeCurrency: 'EUR',
    accountConversion: null,
    homeConversion: null,
    categoryId: 'groceries',
    payee: null,
    note: null,
    tags: [],
    externalId: null,
    transferId: null,
    counterpartAccountId: null,
    createdAt: T0,
    updatedAt: T0,
    version: 1,
    ...overrides,
  };
}

let sequence = 0;
const sourceEventId = () => `stream-record-${++sequence}`;
const base = (userId: string, id: string, version: number) => ({
  sourceEventId: sourceEventId(),
  userId,
  id,
  version,
  occurredAt: T0,
});
const envelope = <E extends EvaluatedEvent>(detailType: E['detailType'], detail: E['detail']) =>
  ({ id: `envelope-${sequence}`, detailType, time: T0, detail }) as E;

export const events = {
  created: (userId: string, item: TransactionItem): EvaluatedEvent =>
    envelope('TransactionCreated', { ...base(userId, item.transactionId, item.version), data: item }),
  updated: (userId: string, previous: TransactionItem, data: TransactionItem): EvaluatedEvent =>
    envelope('TransactionUpdated', { ...base(userId, data.transactionId, data.version), data, previous }),
  deleted: (userId: string, previous: TransactionItem): EvaluatedEvent =>
    envelope('TransactionDeleted', { ...base(userId, previous.transactionId, previous.version), previous }),
  budgetCreated: (userId: string, data: BudgetItem): EvaluatedEvent =>
    envelope('BudgetCreated', { ...base(userId, data.budgetId, data.version), data }),
  budgetUpdated: (userId: string, previous: BudgetItem, data: BudgetItem): EvaluatedEvent =>
    envelope('BudgetUpdated', { ...base(userId, data.budgetId, data.version), data, previous }),
};
