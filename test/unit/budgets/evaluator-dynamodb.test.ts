/**
 * The budget evaluator's core against a real DynamoDB Local: counters equal the direct sum of what
 * the transactions' latest states contribute, whatever the duplicates and the delivery order; one
 * alert per budget, period and threshold, ever; a crash between apply and alert is healed by the
 * retry; a new budget and a coverage change compute the current period from existing transactions.
 */

import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DeleteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { applyTransaction } from '../../../shared/budgets/apply';
import { contributionOf } from '../../../shared/budgets/contribution';
import { type EvaluatedEvent, evaluateEvent } from '../../../shared/budgets/evaluate';
import type { BudgetItem } from '../../../shared/budgets/items';
import { BudgetChanged } from '../../../shared/budgets/store';
import { eraseUserPartition } from '../../../shared/identity/user-data-store';
import type { TransactionItem } from '../../../shared/transactions/items';
import { shuffle } from '../support/shuffle';
import { budgetFixture, events, txn } from './support/budget-fixtures';
import { type BudgetTable, startBudgetTable, TABLE } from './support/budget-table';

jest.setTimeout(180_000);

let table: BudgetTable;
beforeAll(async () => {
  table = await startBudgetTable();
}, 90_000);
afterAll(async () => table?.stop());

let users = 0;
async function newUser(budgets: BudgetItem[] = [budgetFixture()]) {
  const userId = `budget-user-${++users}`;
  await table.seedUser(userId);
  for (const budget of budgets) await table.putBudget(userId, budget);
  return userId;
}

const deliver = async (list: readonly EvaluatedEvent[], deps = table.deps()) => {
  for (const event of list) await evaluateEvent(deps, event);
};

/** The categories budget-table.ts seeds. */
const CATEGORIES = {
  food: { parentId: null, kind: 'expense' },
  groceries: { parentId: 'food', kind: 'expense' },
  dining: { parentId: null, kind: 'expense' },
  salary: { parentId: null, kind: 'income' },
} as const;
const categoryOf = async (id: string) => CATEGORIES[id as keyof typeof CATEGORIES];

/** The direct sum: what each transaction's final state contributes, per period. */
async function directSums(budget: BudgetItem, finals: readonly TransactionItem[]) {
  const sums: Record<string, { spent: number; transactionCount: number }> = {};
  for (const t of finals) {
    const c = await contributionOf(budget, t, categoryOf);
    if (c.periodId === null) continue;
    const sum = sums[c.periodId] ?? { spent: 0, transactionCount: 0 };
    sum.spent += c.amount;
    sum.transactionCount += 1;
    sums[c.periodId] = sum;
  }
  return Object.fromEntries(Object.entries(sums).sort(([a], [b]) => (a < b ? -1 : 1)));
}

// ---- Random histories -------------------------------------------------------------------------

const versionArb = fc.record({
  kind: fc.constantFrom('expense', 'expense', 'expense', 'income', 'transfer'),
  date: fc.constantFrom('2025-12-31', '2026-01-05', '2026-02-28', '2026-03-01', '2026-03-31'),
  // Any kind in any category: incomes in expense categories are refunds, expenses in salary reversals.
  categoryId: fc.constantFrom('groceries', 'food', 'dining', 'salary', null),
  amount: fc.integer({ min: 1, max: 50_000 }),
  homeCurrency: fc.constantFrom('EUR', 'EUR', 'EUR', 'EUR', 'USD'),
});
const historyArb = fc.record({
  versions: fc.array(versionArb, { minLength: 1, maxLength: 4 }),
  deleted: fc.boolean(),
});

type History = {
  versions: { kind: string; date: string; categoryId: string | null; amount: number; homeCurrency: string }[];
  deleted: boolean;
};

/** Events of one transaction's history (Created, Updated…, maybe Deleted) and its final state. */
function eventsOf(userId: string, id: string, history: History) {
  // A transfer stays a transfer (the ledger refuses to change a leg's kind): the first kind decides.
  const transfer = history.versions[0]?.kind === 'transfer';
  const items = history.versions.map((v, index) => {
    const kind = transfer ? 'transfer' : v.kind === 'transfer' ? 'expense' : v.kind;
    const sign = kind === 'income' ? 1 : -1;
    return txn({
      transactionId: id,
      kind: kind as TransactionItem['kind'],
      date: v.date,
      categoryId: transfer ? null : v.categoryId,
      homeAmount: sign * v.amount,
      homeCurrency: v.homeCurrency,
      version: index + 1,
    });
  });
  const list: EvaluatedEvent[] = [];
  items.forEach((item, index) => {
    const previous = items[index - 1];
    list.push(previous ? events.updated(userId, previous, item) : events.created(userId, item));
  });
  const last = items[items.length - 1] as TransactionItem;
  if (history.deleted) list.push(events.deleted(userId, last));
  return { list, final: history.deleted ? undefined : last };
}

const budgets = [
  budgetFixture({ budgetId: 'food-budget', categoryIds: ['food'], startDate: '2026-01-01', thresholds: [50, 80, 100] }),
  budgetFixture({
    budgetId: 'all-budget',
    categoryIds: null,
    period: 'weekly',
    startDate: '2025-12-29',
    limit: 20_000,
  }),
  budgetFixture({
    budgetId: 'dining-year',
    categoryIds: ['dining'],
    period: 'yearly',
    startDate: '2026-01-01',
    rollover: true,
  }),
];

test('counters equal the direct sum after duplicated, shuffled deliveries — and the reversed order gives the same', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(historyArb, { minLength: 1, maxLength: 6 }), fc.integer(), async (histories, seed) => {
      const forward = await newUser(budgets);
      const backward = await newUser(budgets);
      const build = (userId: string) => {
        const all = histories.map((h, i) => eventsOf(userId, `T${String(i).padStart(3, '0')}`, h));
        return { list: all.flatMap((h) => h.list), finals: all.flatMap((h) => (h.final ? [h.final] : [])) };
      };
      const a = build(forward);
      const b = build(backward);
      // Every event twice, in a random order; the other user gets exactly the reverse.
      const shuffled = shuffle([...a.list, ...a.list], seed);
      const indexOf = new Map(a.list.map((e, i) => [e, i]));
      await deliver(shuffled);
      await deliver([...shuffled].reverse().map((e) => b.list[indexOf.get(e) as number] as EvaluatedEvent));

      for (const budget of budgets) {
        const expected = await directSums(budget, a.finals);
        expect(await table.counters(forward, budget.budgetId)).toEqual(expected);
        expect(await table.counters(backward, budget.budgetId)).toEqual(expected);
      }
    }),
    { numRuns: 30 },
  );
});

// ---- Concurrency and alerts -------------------------------------------------------------------

test('50 concurrent transaction events against one budget: exact spent, one alert per threshold', async () => {
  const budget = budgetFixture({ limit: 10_000, thresholds: [50, 80, 100] });
  const userId = await newUser([budget]);
  const created = Array.from({ length: 50 }, (_, i) =>
    events.created(userId, txn({ transactionId: `C${String(i).padStart(3, '0')}`, homeAmount: -(300 + i) })),
  );
  // Each event delivered twice, all at once.
  await Promise.all([...created, ...created].map((event) => evaluateEvent(table.deps(), event)));

  const total = Array.from({ length: 50 }, (_, i) => 300 + i).reduce((a, b) => a + b, 0);
  expect(await table.counters(userId, budget.budgetId)).toEqual({ '2026-03': { spent: total, transactionCount: 50 } });
  const alerts = await table.alerts(userId, budget.budgetId);
  expect(alerts.map((a) => a.threshold).sort()).toEqual([100, 50, 80]);
  expect(alerts.find((a) => a.threshold === 100)).toMatchObject({
    type: 'BUDGET_ALERT',
    budgetName: 'Food',
    periodId: '2026-03',
    periodStart: '2026-03-01',
    periodEnd: '2026-03-31',
    limit: 10_000,
    currency: 'EUR',
    exceeded: true,
  });
});

test('a refund that falls back below a threshold withdraws nothing, and crossing it again alerts nobody twice', async () => {
  const userId = await newUser();
  const big = txn({ transactionId: 'BIG', homeAmount: -8500 });
  await deliver([events.created(userId, big)]);
  expect((await table.alerts(userId, 'budget-1')).map((a) => a.threshold)).toEqual([80]);

  const refund = txn({ transactionId: 'REFUND', kind: 'income', homeAmount: 2000 });
  await deliver([events.created(userId, refund)]);
  expect(await table.counters(userId, 'budget-1')).toEqual({ '2026-03': { spent: 6500, transactionCount: 2 } });
  expect((await table.alerts(userId, 'budget-1')).map((a) => a.threshold)).toEqual([80]);

  await deliver([events.deleted(userId, refund)]);
  expect((await table.alerts(userId, 'budget-1')).map((a) => a.threshold)).toEqual([80]);
});

test('a crash after the apply and before the alert is healed by the retry, with exactly one alert', async () => {
  const userId = await newUser();
  // The first alert write dies, as if the function had crashed right after the apply transaction.
  let crashes = 1;
  const crashing = {
    send: (command: unknown) => {
      if (command instanceof TransactWriteCommand && crashes > 0) {
        const puts = command.input.TransactItems?.map((i) => i.Put?.Item?.sk) ?? [];
        if (puts.some((sk) => String(sk).startsWith('ALERT#'))) {
          crashes -= 1;
          return Promise.reject(new Error('Simulated crash'));
        }
      }
      return table.db.send(command as never);
    },
  } as unknown as DynamoDBDocumentClient;
  const event = events.created(userId, txn({ transactionId: 'OVER', homeAmount: -12_000 }));

  await expect(evaluateEvent(table.deps({ db: crashing }), event)).rejects.toThrow('Simulated crash');
  expect(await table.counters(userId, 'budget-1')).toEqual({ '2026-03': { spent: 12_000, transactionCount: 1 } });
  expect(await table.alerts(userId, 'budget-1')).toEqual([]);

  // The bus retries the same event (twice, for good measure).
  await evaluateEvent(table.deps({ db: crashing }), event);
  await evaluateEvent(table.deps({ db: crashing }), event);
  expect(await table.counters(userId, 'budget-1')).toEqual({ '2026-03': { spent: 12_000, transactionCount: 1 } });
  expect((await table.alerts(userId, 'budget-1')).map((a) => a.threshold).sort()).toEqual([100, 80]);
});

// ---- What counts --------------------------------------------------------------------------------

test('subcategories count for their parent, refunds count negative, transfers and other home currencies count 0', async () => {
  const all = budgetFixture({ budgetId: 'all', categoryIds: null });
  const userId = await newUser([budgetFixture(), all]);
  await deliver([
    events.created(userId, txn({ transactionId: 'A', categoryId: 'groceries', homeAmount: -1000 })),
    events.created(userId, txn({ transactionId: 'B', categoryId: 'food', kind: 'income', homeAmount: 300 })),
    events.created(userId, txn({ transactionId: 'C', categoryId: 'dining', homeAmount: -700 })),
    events.created(userId, txn({ transactionId: 'D', kind: 'transfer', categoryId: null, homeAmount: -5000 })),
    events.created(userId, txn({ transactionId: 'E', homeCurrency: 'USD', homeAmount: -900 })),
    events.created(userId, txn({ transactionId: 'F', date: '2025-12-31', homeAmount: -400 })),
    events.created(userId, txn({ transactionId: 'G', categoryId: 'salary', kind: 'income', homeAmount: 9000 })),
    events.created(userId, txn({ transactionId: 'H', categoryId: 'salary', homeAmount: -600 })),
    events.created(userId, txn({ transactionId: 'I', categoryId: null, kind: 'income', homeAmount: 800 })),
  ]);
  expect(await table.counters(userId, 'budget-1')).toEqual({ '2026-03': { spent: 700, transactionCount: 2 } });
  // All spending: expenses and refunds in expense categories and uncategorized expenses; the
  // salary, its reversal (H) and the uncategorized income are not spending.
  expect(await table.counters(userId, 'all')).toEqual({ '2026-03': { spent: 1400, transactionCount: 3 } });
});

test('an expense turned into a refund moves the counter by twice its amount; deleting the refund takes it back', async () => {
  const all = budgetFixture({ budgetId: 'all', categoryIds: null });
  const userId = await newUser([budgetFixture(), all]);
  const v1 = txn({ transactionId: 'FLIP', categoryId: 'groceries', homeAmount: -1000 });
  const v2 = { ...v1, kind: 'income' as const, accountAmount: 1000, homeAmount: 1000, version: 2 };
  await deliver([
    events.created(userId, v1),
    events.created(userId, txn({ transactionId: 'KEEP', homeAmount: -3000 })),
  ]);
  expect(await table.counters(userId, 'all')).toEqual({ '2026-03': { spent: 4000, transactionCount: 2 } });
  await deliver([events.updated(userId, v1, v2)]);
  for (const budgetId of ['budget-1', 'all']) {
    expect(await table.counters(userId, budgetId)).toEqual({ '2026-03': { spent: 2000, transactionCount: 2 } });
  }
  await deliver([events.deleted(userId, v2)]);
  for (const budgetId of ['budget-1', 'all']) {
    expect(await table.counters(userId, budgetId)).toEqual({ '2026-03': { spent: 3000, transactionCount: 1 } });
  }
});

test('an edit moving a transaction to another month moves its amount between the counters', async () => {
  const userId = await newUser();
  const v1 = txn({ transactionId: 'MOVE', homeAmount: -1000 });
  const v2 = { ...v1, date: '2026-02-10', homeAmount: -1500, version: 2 };
  // The update arrives before the creation.
  await deliver([events.updated(userId, v1, v2), events.created(userId, v1)]);
  expect(await table.counters(userId, 'budget-1')).toEqual({ '2026-02': { spent: 1500, transactionCount: 1 } });
});

test("an event arriving after the user's erasure writes nothing into the erased partition", async () => {
  const userId = await newUser();
  await eraseUserPartition(userId, { client: table.db, tableName: TABLE });
  await evaluateEvent(table.deps(), events.created(userId, txn({ transactionId: 'X', homeAmount: -100 })));
  expect(await table.items(userId)).toEqual([]);
});

test('an apply racing the erasure cannot commit once the budget is gone', async () => {
  const userId = await newUser();
  // The evaluator read the budget, then the eraser deleted it before the apply committed.
  const read = budgetFixture();
  await table.db.send(new DeleteCommand({ TableName: TABLE, Key: { pk: `USER#${userId}`, sk: 'BUDGET#budget-1' } }));
  const { store } = table.deps();
  const ctx = { store, userId, now: () => new Date(), categoryOf: (id: string) => store.getCategory(userId, id) };
  const item = txn({ transactionId: 'X', homeAmount: -100 });
  await expect(
    applyTransaction(ctx, read, { transactionId: 'X', version: 1, deleted: false, item }),
  ).rejects.toBeInstanceOf(BudgetChanged);
  expect(await table.items(userId, 'BAPPLIED#')).toEqual([]);
  expect(await table.counters(userId, 'budget-1')).toEqual({});
});

test('a budget deleted between the read and the write gets no counter: the apply checks it still exists', async () => {
  const userId = await newUser();
  // The budget is deleted just before the apply transaction lands.
  const racing = {
    send: async (command: unknown) => {
      if (command instanceof TransactWriteCommand) {
        await table.db.send(
          new DeleteCommand({ TableName: TABLE, Key: { pk: `USER#${userId}`, sk: 'BUDGET#budget-1' } }),
        );
      }
      return table.db.send(command as never);
    },
  } as unknown as DynamoDBDocumentClient;
  await evaluateEvent(
    table.deps({ db: racing }),
    events.created(userId, txn({ transactionId: 'Y', homeAmount: -100 })),
  );
  expect(await table.items(userId, 'BAPPLIED#')).toEqual([]);
  expect(await table.items(userId, 'BPERIOD#')).toEqual([]);
});

// ---- Backfill and coverage changes ----------------------------------------------------------------

test('a new budget computes its periods from the transactions already recorded (more than one chunk)', async () => {
  const userId = await newUser([]);
  const many = Array.from({ length: 230 }, (_, i) =>
    txn({
      transactionId: `H${String(i).padStart(4, '0')}`,
      date: i % 2 ? '2026-03-02' : '2026-02-27',
      categoryId: i % 3 ? 'groceries' : 'dining',
      homeAmount: -(10 + i),
      version: 1 + (i % 2),
    }),
  );
  await table.putTransactions(userId, many);
  const budget = budgetFixture({ startDate: '2026-03-01' });
  await table.putBudget(userId, budget);
  const event = events.budgetCreated(userId, budget);
  await deliver([event, event]);
  expect(await table.counters(userId, budget.budgetId)).toEqual(await directSums(budget, many));
  // Then a live event for one of them changes nothing more than its own difference.
  const one = many[1] as TransactionItem;
  await deliver([events.updated(userId, one, { ...one, homeAmount: one.homeAmount - 100, version: one.version + 1 })]);
  const expected = await directSums(budget, many);
  (expected['2026-03'] as { spent: number }).spent += 100;
  expect(await table.counters(userId, budget.budgetId)).toEqual(expected);
});

test('a coverage change recomputes the current period, exactly, and leaves past periods as they were', async () => {
  const userId = await newUser([]);
  const history = [
    txn({ transactionId: 'P1', date: '2026-02-10', categoryId: 'groceries', homeAmount: -1000 }),
    txn({ transactionId: 'P2', date: '2026-02-11', categoryId: 'dining', homeAmount: -2000 }),
    txn({ transactionId: 'C1', date: '2026-03-10', categoryId: 'groceries', homeAmount: -300 }),
    txn({ transactionId: 'C2', date: '2026-03-11', categoryId: 'dining', homeAmount: -400 }),
  ];
  await table.putTransactions(userId, history);
  const v1 = budgetFixture({ startDate: '2026-02-01' });
  await table.putBudget(userId, v1);
  await deliver([events.budgetCreated(userId, v1)]);
  expect(await table.counters(userId, 'budget-1')).toEqual({
    '2026-02': { spent: 1000, transactionCount: 1 },
    '2026-03': { spent: 300, transactionCount: 1 },
  });

  const v2 = { ...v1, categoryIds: ['dining'], version: 2 };
  await table.putBudget(userId, v2);
  const changed = events.budgetUpdated(userId, v1, v2);
  // A stale event for C1 (computed with v1) arrives after the change: it must not undo it.
  await deliver([changed, events.created(userId, history[2] as TransactionItem), changed]);
  expect(await table.counters(userId, 'budget-1')).toEqual({
    '2026-02': { spent: 1000, transactionCount: 1 },
    '2026-03': { spent: 400, transactionCount: 1 },
  });
});

test('a deleted transaction stays deleted: a late duplicate of its creation, after a coverage change, counts nothing', async () => {
  const before = budgetFixture({ categoryIds: ['dining'] });
  const userId = await newUser([before]);
  const gone = txn({ transactionId: 'GONE', categoryId: 'groceries', homeAmount: -500 });
  const created = events.created(userId, gone);
  await deliver([created, events.deleted(userId, gone)]);
  const after = { ...before, categoryIds: ['food'], version: 2 };
  await table.putBudget(userId, after);
  await deliver([events.budgetUpdated(userId, before, after), created]);
  expect(await table.counters(userId, 'budget-1')).toEqual({});
});
