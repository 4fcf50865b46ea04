/**
 * The insights aggregator against a real DynamoDB Local: every month item equals the direct sum of
 * what the transactions' latest states contribute, whatever the duplicates, the delivery order and
 * the edits that move a transaction across months, categories, payees, accounts and home
 * currencies; an erased user's partition is never written again.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { createProfileStore } from '../../../shared/identity/profile-store';
import { eraseUserPartition } from '../../../shared/identity/user-data-store';
import { type AggregatedEvent, aggregateEvent } from '../../../shared/insights/aggregate';
import { contributionOf } from '../../../shared/insights/contribution';
import type { Lines } from '../../../shared/insights/items';
import { combine } from '../../../shared/insights/lines';
import { createInsightStore } from '../../../shared/insights/store';
import type { TransactionItem } from '../../../shared/transactions/items';
import { events, txn } from '../budgets/support/budget-fixtures';
import { type BudgetTable, startBudgetTable, TABLE } from '../budgets/support/budget-table';
import { shuffle } from '../support/shuffle';

jest.setTimeout(180_000);

let table: BudgetTable;
beforeAll(async () => {
  table = await startBudgetTable();
}, 90_000);
afterAll(async () => table?.stop());

const CATEGORIES: Record<string, { kind: 'expense' | 'income'; name: string }> = {
  food: { kind: 'expense', name: 'Food' },
  groceries: { kind: 'expense', name: 'Groceries' },
  dining: { kind: 'expense', name: 'Dining' },
  salary: { kind: 'income', name: 'Salary' },
};

const deps = () => {
  const db: DynamoDBDocumentClient = table.db;
  return {
    store: createInsightStore({ db, tableName: TABLE }),
    profiles: createProfileStore({ db, tableName: TABLE }),
    category: async (_userId: string, id: string) => CATEGORIES[id],
    now: () => new Date('2026-03-15T10:00:00Z'),
  };
};

let users = 0;
async function newUser() {
  const userId = `insights-user-${++users}`;
  await table.seedUser(userId);
  return userId;
}

const deliver = async (list: readonly AggregatedEvent[]) => {
  for (const event of list) await aggregateEvent(deps(), event);
};

/** Month items as `<month>#<currency>` → lines, without the empty ones. */
async function monthItems(userId: string): Promise<Record<string, Lines>> {
  const months = await deps().store.months(userId);
  return Object.fromEntries(
    months
      .map((m) => [`${m.month}#${m.currency}`, combine({}, m.lines)] as const)
      .filter(([, lines]) => Object.keys(lines).length > 0),
  );
}

async function directSums(finals: readonly TransactionItem[]): Promise<Record<string, Lines>> {
  const sums: Record<string, Lines> = {};
  for (const t of finals) {
    const c = await contributionOf(t, async (id) => CATEGORIES[id]);
    const id = `${c.month}#${c.currency}`;
    sums[id] = combine(sums[id] ?? {}, c.lines);
  }
  return Object.fromEntries(Object.entries(sums).filter(([, lines]) => Object.keys(lines).length > 0));
}

const versionArb = fc.record({
  kind: fc.constantFrom('expense', 'expense', 'expense', 'income', 'transfer'),
  date: fc.constantFrom('2025-12-31', '2026-01-05', '2026-02-28', '2026-03-01'),
  categoryId: fc.constantFrom('groceries', 'food', 'dining', 'salary', null),
  payee: fc.constantFrom('ACME', 'acme ', 'Bakery', null),
  tags: fc.constantFrom([], ['trip'], ['trip', 'work']),
  accountId: fc.constantFrom('acc-eur', 'acc-usd'),
  amount: fc.integer({ min: 1, max: 50_000 }),
  homeCurrency: fc.constantFrom('EUR', 'EUR', 'EUR', 'USD'),
});
const historyArb = fc.record({ versions: fc.array(versionArb, { minLength: 1, maxLength: 4 }), deleted: fc.boolean() });

type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

function eventsOf(userId: string, id: string, history: History) {
  const transfer = history.versions[0]?.kind === 'transfer';
  const items = history.versions.map((v, index) => {
    const kind = transfer ? 'transfer' : v.kind === 'transfer' ? 'expense' : v.kind;
    const sign = kind === 'income' ? 1 : -1;
    return txn({
      transactionId: id,
      kind: kind as TransactionItem['kind'],
      date: v.date,
      categoryId: transfer ? null : v.categoryId,
      payee: v.payee,
      tags: [...v.tags],
      accountId: v.accountId,
      accountAmount: sign * v.amount * (v.accountId === 'acc-usd' ? 2 : 1),
      homeAmount: sign * v.amount,
      homeCurrency: v.homeCurrency,
      version: index + 1,
    });
  });
  const list: AggregatedEvent[] = [];
  items.forEach((item, index) => {
    const previous = items[index - 1];
    list.push((previous ? events.updated(userId, previous, item) : events.created(userId, item)) as AggregatedEvent);
  });
  const last = items[items.length - 1] as TransactionItem;
  if (history.deleted) list.push(events.deleted(userId, last) as AggregatedEvent);
  return { list, final: history.deleted ? undefined : last };
}

test('month counters equal the direct sum after duplicated, shuffled deliveries of edits and deletions', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(historyArb, { minLength: 1, maxLength: 6 }), fc.integer(), async (histories, seed) => {
      const userId = await newUser();
      const all = histories.map((h, i) => eventsOf(userId, `T${String(i).padStart(3, '0')}`, h));
      const list = all.flatMap((h) => h.list);
      await deliver(shuffle([...list, ...list], seed));
      expect(await monthItems(userId)).toEqual(await directSums(all.flatMap((h) => (h.final ? [h.final] : []))));
    }),
    { numRuns: 30 },
  );
});

test('concurrent deliveries of 40 expenses to one month, each twice, count each once', async () => {
  const userId = await newUser();
  const created = Array.from(
    { length: 40 },
    (_, i) =>
      events.created(
        userId,
        txn({ transactionId: `C${String(i).padStart(3, '0')}`, homeAmount: -(100 + i), payee: 'Shop' }),
      ) as AggregatedEvent,
  );
  await Promise.all([...created, ...created].map((event) => aggregateEvent(deps(), event)));
  const total = Array.from({ length: 40 }, (_, i) => 100 + i).reduce((a, b) => a + b, 0);
  const march = (await monthItems(userId))['2026-03#EUR'];
  expect(march).toMatchObject({ 'T:ex': total, '#T:ex': 40, 'c:groceries': total, 'p:shop': total, '#p:shop': 40 });
});

test("an erased user's transaction deletions write nothing back into the partition", async () => {
  const userId = await newUser();
  const item = txn({ transactionId: 'GONE' });
  await deliver([events.created(userId, item) as AggregatedEvent]);
  await eraseUserPartition(userId, { client: table.db, tableName: TABLE });
  const outcome = await aggregateEvent(deps(), events.deleted(userId, item) as AggregatedEvent);
  expect(outcome).toEqual({ result: 'user-gone' });
  expect(await table.items(userId)).toEqual([]);
});

test('a category running far above its usual level writes one UnusualSpending fact, whatever the duplicates', async () => {
  const userId = await newUser();
  // Six months of groceries around 200.00 (2025-09 … 2026-02), then 900.00 by 15 March.
  const history = ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02'].map((month, i) =>
    txn({ transactionId: `H${i}`, date: `${month}-10`, homeAmount: -(19_000 + i * 400), categoryId: 'groceries' }),
  );
  await deliver(history.map((item) => events.created(userId, item) as AggregatedEvent));
  const usual = txn({ transactionId: 'M1', date: '2026-03-02', homeAmount: -6_000, categoryId: 'groceries' });
  expect((await aggregateEvent(deps(), events.created(userId, usual) as AggregatedEvent)).unusual).toBeUndefined();
  const big = events.created(
    userId,
    txn({ transactionId: 'M2', date: '2026-03-14', homeAmount: -84_000, categoryId: 'groceries' }),
  ) as AggregatedEvent;
  const outcomes = await Promise.all([big, big, big].map((event) => aggregateEvent(deps(), event)));
  expect(outcomes.map((o) => o.unusual).sort()).toEqual(['exists', 'exists', 'written']);
  const facts = await table.items(userId, 'UNUSUAL#');
  expect(facts).toHaveLength(1);
  expect(facts[0]).toMatchObject({
    type: 'UNUSUAL_SPENDING',
    month: '2026-03',
    categoryId: 'groceries',
    categoryName: 'Groceries',
    spent: 90_000,
    currency: 'EUR',
    asOf: '2026-03-15',
  });
  // Later spending the same month finds the fact already written.
  const more = txn({ transactionId: 'M3', date: '2026-03-15', homeAmount: -10_000, categoryId: 'groceries' });
  expect((await aggregateEvent(deps(), events.created(userId, more) as AggregatedEvent)).unusual).toBe('exists');
});
