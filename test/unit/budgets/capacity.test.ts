/**
 * What one transaction event costs the budget evaluator, measured with ReturnConsumedCapacity
 * against DynamoDB Local: the 10th and the 10,000th transaction of a month cost the same (the
 * counter is one item; nothing reads the month's transactions). The 10,000 are counted by the
 * backfill of a new budget, the same apply batched, which is measured too.
 *
 * DynamoDB Local reports capacity coarsely (a TransactWriteItems as 4 units whatever it holds, a
 * BatchGetItem as 0), so these numbers compare runs; docs/budgets.md has the AWS-rule estimate.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { evaluateEvent } from '../../../shared/budgets/evaluate';
import type { TransactionItem } from '../../../shared/transactions/items';
import { budgetFixture, events, txn } from './support/budget-fixtures';
import { type BudgetTable, startBudgetTable } from './support/budget-table';

jest.setTimeout(300_000);

let table: BudgetTable;
beforeAll(async () => {
  table = await startBudgetTable();
}, 90_000);
afterAll(async () => table?.stop());

type Capacity = { read: number; write: number; requests: number };

/** A client that asks every request for its consumed capacity and adds it up. */
function metered(db: DynamoDBDocumentClient) {
  const total: Capacity = { read: 0, write: 0, requests: 0 };
  const client = {
    send: async (command: { input: Record<string, unknown> }) => {
      command.input.ReturnConsumedCapacity = 'TOTAL';
      const output = (await db.send(command as never)) as { ConsumedCapacity?: unknown };
      const consumed = [output.ConsumedCapacity ?? []].flat() as { CapacityUnits?: number }[];
      const units = consumed.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
      total.requests += 1;
      if (/Transact|Put|Update|Delete|BatchWrite/.test(command.constructor.name)) total.write += units;
      else total.read += units;
      return output;
    },
  } as unknown as DynamoDBDocumentClient;
  return { client, total };
}

const march = (n: number, prefix: string): TransactionItem[] =>
  Array.from({ length: n }, (_, i) =>
    txn({
      transactionId: `${prefix}${String(i).padStart(5, '0')}`,
      date: `2026-03-${String((i % 28) + 1).padStart(2, '0')}`,
      categoryId: 'groceries',
      homeAmount: -(100 + (i % 50)),
    }),
  );

async function measureNth(userId: string, nth: number) {
  const budget = budgetFixture({ limit: 10 ** 12 });
  await table.seedUser(userId);
  await table.putTransactions(userId, march(nth - 1, 'M'));
  await table.putBudget(userId, budget);
  const backfill = metered(table.db);
  const started = Date.now();
  await evaluateEvent(table.deps({ db: backfill.client }), events.budgetCreated(userId, budget));
  const backfillMs = Date.now() - started;

  const last = txn({ transactionId: 'LAST', date: '2026-03-15', categoryId: 'groceries', homeAmount: -1234 });
  const one = metered(table.db);
  await evaluateEvent(table.deps({ db: one.client }), events.created(userId, last));
  const counters = await table.counters(userId, budget.budgetId);
  return { backfill: backfill.total, backfillMs, event: one.total, counters };
}

test('the 10th and the 10,000th transaction of a month cost the evaluator the same', async () => {
  const tenth = await measureNth('capacity-10', 10);
  const tenThousandth = await measureNth('capacity-10000', 10_000);

  expect(tenth.counters['2026-03']?.transactionCount).toBe(10);
  expect(tenThousandth.counters['2026-03']?.transactionCount).toBe(10_000);
  expect(tenThousandth.event).toEqual(tenth.event);
  expect(tenth.event.write).toBeGreaterThan(0);
  // The measurement is the point of this test: docs/budgets.md quotes it.
  console.log(
    JSON.stringify({
      event10: tenth.event,
      event10000: tenThousandth.event,
      backfill9: tenth.backfill,
      backfill9999: { ...tenThousandth.backfill, ms: tenThousandth.backfillMs },
    }),
  );
});
