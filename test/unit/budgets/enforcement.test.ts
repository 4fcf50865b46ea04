/**
 * Enforce mode through the real transaction routes and a real DynamoDB Local: a budget with
 * `enforce: true` refuses a create or update that would take a covered period past its limit,
 * writes nothing when it does, cannot be raced past its limit by concurrent writes, and leaves the
 * evaluator nothing to count twice.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { evaluateEvent } from '../../../shared/budgets/evaluate';
import type { BudgetItem } from '../../../shared/budgets/items';
import { BudgetEntity } from '../../../shared/budgets/items';
import { createBudgetStore } from '../../../shared/budgets/store';
import { createProfileStore } from '../../../shared/identity/profile-store';
import { transactionItem } from '../../../shared/transactions/items';
import { type LocalLedger, ofKind, startLocalLedger } from '../transactions/support/local-ledger';
import { budgetFixture, events } from './support/budget-fixtures';

jest.setTimeout(90_000);

let ledger: LocalLedger;
beforeAll(async () => {
  ledger = await startLocalLedger();
}, 90_000);
afterAll(async () => ledger?.stop());

let users = 0;
async function newUser(budget: Partial<BudgetItem> = {}) {
  const userId = `enforce-${++users}`;
  await ledger.seedUser(userId);
  const item = budgetFixture({
    categoryIds: ['groceries'],
    limit: 1000,
    enforce: true,
    startDate: '2026-01-01',
    ...budget,
  });
  await ledger.db.send(
    new PutCommand({ TableName: 'moneta-test', Item: { ...BudgetEntity.key(userId, item.budgetId), ...item } }),
  );
  return userId;
}

const expense = (amount: number, overrides: Record<string, unknown> = {}) => ({
  kind: 'expense',
  accountId: 'acc-eur',
  money: { amount, currency: 'EUR' },
  categoryId: 'groceries',
  date: '2026-01-05',
  ...overrides,
});

const counter = async (userId: string) =>
  ofKind(await ledger.items(userId), 'BPERIOD#budget-1#2026-01')[0] as
    | { spent: number; transactionCount: number }
    | undefined;
const balance = async (userId: string) =>
  (ofKind(await ledger.items(userId), 'ACCOUNT#acc-eur')[0] as { balance: number }).balance;

test('a create within the limit is counted in the same write; one past it is a 409 and writes nothing', async () => {
  const userId = await newUser();
  const first = await ledger.create(userId, expense(700));
  expect(first.status).toBe(201);
  expect(await counter(userId)).toMatchObject({ spent: 700, transactionCount: 1 });

  const refused = await ledger.create(userId, expense(301), { 'Idempotency-Key': 'big-shop' });
  expect(refused.status).toBe(409);
  expect(refused.headers['content-type']).toBe('application/problem+json');
  expect(refused.body).toMatchObject({
    type: 'urn:moneta:problem:budget-exceeded',
    budgetId: 'budget-1',
    budgetName: 'Food',
    periodId: '2026-01',
    limit: { amount: 1000, currency: 'EUR' },
    spent: { amount: 700, currency: 'EUR' },
    overBy: { amount: 1, currency: 'EUR' },
  });
  expect(ofKind(await ledger.items(userId), 'TXN#')).toHaveLength(1);
  expect(ofKind(await ledger.items(userId), 'IDEMPOTENCY#')).toHaveLength(0);
  expect(await balance(userId)).toBe(-700);
  expect(await counter(userId)).toMatchObject({ spent: 700, transactionCount: 1 });

  // Exactly up to the limit is allowed; uncovered spending is not limited.
  expect((await ledger.create(userId, expense(300))).status).toBe(201);
  expect((await ledger.create(userId, expense(5000, { categoryId: 'dining' }))).status).toBe(201);
  expect(await counter(userId)).toMatchObject({ spent: 1000, transactionCount: 2 });
});

test('an update that would exceed the limit is a 409 and leaves the transaction as it was; one that lowers it passes', async () => {
  const userId = await newUser();
  const { body: created } = await ledger.create(userId, expense(600));
  const refused = await ledger.update(userId, created.id, { money: { amount: 1200, currency: 'EUR' } });
  expect(refused.status).toBe(409);
  expect(refused.body).toMatchObject({ spent: { amount: 600 }, overBy: { amount: 200 } });
  expect((ofKind(await ledger.items(userId), 'TXN#')[0] as { version: number }).version).toBe(1);
  expect(await balance(userId)).toBe(-600);

  expect((await ledger.update(userId, created.id, { money: { amount: 1000, currency: 'EUR' } })).status).toBe(200);
  expect(await counter(userId)).toMatchObject({ spent: 1000, transactionCount: 1 });
  // Moving it to another month frees January and counts in February.
  expect((await ledger.update(userId, created.id, { date: '2026-02-03' })).status).toBe(200);
  expect(await counter(userId)).toMatchObject({ spent: 0, transactionCount: 0 });
});

test('a refund is never refused, even past the limit: it lowers spending, and the evaluator counts it', async () => {
  const userId = await newUser();
  expect((await ledger.create(userId, expense(1000))).status).toBe(201);
  // The limit is lowered under the spending: the period is now over it.
  await ledger.db.send(
    new PutCommand({
      TableName: 'moneta-test',
      Item: {
        ...BudgetEntity.key(userId, 'budget-1'),
        ...budgetFixture({
          categoryIds: ['groceries'],
          limit: 500,
          enforce: true,
          startDate: '2026-01-01',
          version: 2,
        }),
      },
    }),
  );
  const refund = await ledger.create(userId, expense(200, { kind: 'income' }));
  expect(refund.status).toBe(201);
  // An expense turned into an income (a refund of it) is a lowering change too.
  const { body: other } = await ledger.create(userId, expense(100, { categoryId: 'dining' }));
  expect((await ledger.update(userId, other.id, { kind: 'income', categoryId: 'groceries' })).status).toBe(200);
  expect(await balance(userId)).toBe(-1000 + 200 + 100);

  const deps = {
    store: createBudgetStore({ db: ledger.db, tableName: 'moneta-test' }),
    profiles: createProfileStore({ db: ledger.db, tableName: 'moneta-test' }),
    now: () => new Date('2026-01-20T10:00:00Z'),
  };
  for (const stored of ofKind(await ledger.items(userId), 'TXN#')) {
    await evaluateEvent(deps, events.created(userId, transactionItem().parse(stored)));
  }
  expect(await counter(userId)).toMatchObject({ spent: 1000 - 200 - 100, transactionCount: 3 });
  // Raising spending again is still refused: 700 of 500 already.
  expect((await ledger.create(userId, expense(1))).status).toBe(409);
});

test('concurrent creates can never take the budget past its limit together', async () => {
  const userId = await newUser();
  const responses = await Promise.all(Array.from({ length: 20 }, () => ledger.create(userId, expense(100))));
  const statuses = responses.map((r) => r.status).sort();
  expect(statuses.filter((s) => s === 201)).toHaveLength(10);
  expect(statuses.filter((s) => s === 409)).toHaveLength(10);
  expect(await counter(userId)).toMatchObject({ spent: 1000, transactionCount: 10 });
  expect(ofKind(await ledger.items(userId), 'TXN#')).toHaveLength(10);
  expect(await balance(userId)).toBe(-1000);
});

test('the evaluator then finds those versions applied and counts nothing twice', async () => {
  const userId = await newUser({ enforce: true, thresholds: [80, 100] });
  await ledger.create(userId, expense(500));
  await ledger.create(userId, expense(400));
  const deps = {
    store: createBudgetStore({ db: ledger.db, tableName: 'moneta-test' }),
    profiles: createProfileStore({ db: ledger.db, tableName: 'moneta-test' }),
    now: () => new Date('2026-01-20T10:00:00Z'),
  };
  for (const stored of ofKind(await ledger.items(userId), 'TXN#')) {
    const event = events.created(userId, transactionItem().parse(stored));
    await evaluateEvent(deps, event);
    await evaluateEvent(deps, event);
  }
  expect(await counter(userId)).toMatchObject({ spent: 900, transactionCount: 2 });
  // The thresholds are still evaluated: 900 of 1000 crossed 80 %.
  expect(ofKind(await ledger.items(userId), 'ALERT#budget-1#2026-01#').map((a) => a.threshold)).toEqual([80]);
});

test('a budget without enforce adds nothing to the transaction write', async () => {
  const userId = await newUser({ enforce: false });
  expect((await ledger.create(userId, expense(5000))).status).toBe(201);
  expect(await counter(userId)).toBeUndefined();
});
