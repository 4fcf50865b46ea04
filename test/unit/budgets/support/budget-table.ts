/**
 * A real DynamoDB Local (in memory, free port) with the Moneta table, for the budget evaluator and
 * routes. Why not mocks: exactly-once counting rests on DynamoDB's behaviour — conditions pinning
 * the applied state, ADD inside TransactWriteItems, whole-transaction cancellation. A mock would
 * only replay our assumptions about it.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EvaluatorDeps } from '../../../../shared/budgets/evaluate';
import type { BudgetItem } from '../../../../shared/budgets/items';
import { BudgetEntity } from '../../../../shared/budgets/items';
import { createBudgetStore } from '../../../../shared/budgets/store';
import { CategoryEntity } from '../../../../shared/categories/items';
import { ProfileEntity } from '../../../../shared/identity/profile';
import { createProfileStore } from '../../../../shared/identity/profile-store';
import type { TransactionItem } from '../../../../shared/transactions/items';
import { storedTransaction } from '../../../../shared/transactions/plan';
import { startLocalDynamoDb, TABLE } from '../../support/local-dynamodb';

export { TABLE };

const T0 = '2026-01-01T00:00:00.000Z';

export async function startBudgetTable() {
  // Started before any handler module is loaded: their clients are built at init from the environment.
  const table = await startLocalDynamoDb();
  const { db, put } = table;
  /** The user's items whose sort key starts with `prefix` (all of them by default), strongly consistent. */
  const items = table.partition;

  return {
    db,
    url: table.url,
    stop: table.stop,
    /** Evaluator dependencies over this table (a `db` may be a wrapper that injects faults). */
    deps(options: { now?: Date; db?: DynamoDBDocumentClient } = {}): EvaluatorDeps {
      const client = options.db ?? db;
      return {
        store: createBudgetStore({ db: client, tableName: TABLE }),
        profiles: createProfileStore({ db: client, tableName: TABLE }),
        now: () => options.now ?? new Date('2026-03-15T12:00:00.000Z'),
      };
    },
    /** A signed-up user with a profile and categories: food > groceries, dining; salary (income). */
    async seedUser(userId: string, options: { timezone?: string; homeCurrency?: string } = {}) {
      await put({
        ...ProfileEntity.key(userId),
        type: 'PROFILE',
        userId,
        email: 'someone@example.com',
        name: 'Someone',
        homeCurrency: options.homeCurrency ?? 'EUR',
        timezone: options.timezone ?? 'Europe/Berlin',
        notifications: {
          budgetThreshold: true,
          budgetExceeded: true,
          goalMilestone: true,
          goalAchieved: true,
          largeTransaction: false,
          unusualSpending: true,
          largeTransactionAmount: 100_000,
        },
        createdAt: T0,
        updatedAt: T0,
        version: 1,
      });
      const categories = [
        { categoryId: 'food', kind: 'expense', parentId: null },
        { categoryId: 'groceries', kind: 'expense', parentId: 'food' },
        { categoryId: 'dining', kind: 'expense', parentId: null },
        { categoryId: 'salary', kind: 'income', parentId: null },
      ];
      for (const category of categories) {
        await put({
          ...CategoryEntity.key(userId, category.categoryId),
          type: 'CATEGORY',
          name: category.categoryId,
          transactionCount: 0,
          archived: false,
          createdAt: T0,
          updatedAt: T0,
          version: 1,
          ...category,
        });
      }
    },
    putBudget: (userId: string, budget: BudgetItem) => put({ ...BudgetEntity.key(userId, budget.budgetId), ...budget }),
    /** Transactions as the write path stores them (keys and index keys), 25 per BatchWriteItem. */
    putTransactions: (userId: string, transactions: readonly TransactionItem[]) =>
      table.putAll(transactions.map((t) => storedTransaction(userId, t))),
    items,
    /** Period counters of a budget: periodId → { spent, transactionCount }. */
    async counters(userId: string, budgetId: string) {
      const found = await items(userId, `BPERIOD#${budgetId}#`);
      return Object.fromEntries(
        found
          .map(
            (c) =>
              [String(c.periodId), { spent: Number(c.spent), transactionCount: Number(c.transactionCount) }] as const,
          )
          .filter(([, c]) => c.spent !== 0 || c.transactionCount !== 0)
          .sort(([a], [b]) => (a < b ? -1 : 1)),
      );
    },
    alerts: (userId: string, budgetId: string) => items(userId, `ALERT#${budgetId}#`),
  };
}

export type BudgetTable = Awaited<ReturnType<typeof startBudgetTable>>;
