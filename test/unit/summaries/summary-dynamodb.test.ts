/**
 * The monthly summary against a real DynamoDB Local: its figures come from the seeded aggregates
 * (month counters, budget period counters, goals, accounts), users are found through the
 * profiles-by-zone index, and running the same hour twice writes one fact; opted-out, moved-away
 * and deleted users get none.
 */
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { AccountEntity } from '../../../shared/accounts/items';
import { BudgetPeriodEntity } from '../../../shared/budgets/items';
import { GoalEntity } from '../../../shared/goals/items';
import { defaultNotificationPreferences, ProfileEntity } from '../../../shared/identity/profile';
import { createProfileStore } from '../../../shared/identity/profile-store';
import { InsightMonthEntity } from '../../../shared/insights/items';
import { createSummarySources } from '../../../shared/summaries/compose';
import { summarizeDueMonth } from '../../../shared/summaries/run';
import { createSummaryStore } from '../../../shared/summaries/store';
import { budgetFixture } from '../budgets/support/budget-fixtures';
import { type BudgetTable, startBudgetTable, TABLE } from '../budgets/support/budget-table';

jest.setTimeout(120_000);

let table: BudgetTable;
beforeAll(async () => {
  table = await startBudgetTable();
}, 90_000);
afterAll(async () => table?.stop());

const T0 = '2026-01-01T00:00:00.000Z';
/** 08:00 on 1 December 2026 in Berlin (UTC+1 in winter). */
const BERLIN_FIRST = new Date('2026-12-01T07:00:00Z');

const deps = () => ({
  profiles: createProfileStore({ db: table.db, tableName: TABLE }),
  sources: createSummarySources({ db: table.db, tableName: TABLE }),
  summaries: createSummaryStore({ db: table.db, tableName: TABLE }),
  now: () => new Date('2026-12-01T07:00:05Z'),
});

let users = 0;
/** A signed-up user as the sign-up writes them: the profile (with its index keys) and categories. */
async function newUser(options: { timezone?: string; monthlySummary?: boolean } = {}) {
  const userId = `summary-user-${++users}`;
  await table.seedUser(userId);
  await table.db.send(new DeleteCommand({ TableName: TABLE, Key: ProfileEntity.key(userId) }));
  await deps().profiles.createIfAbsent({
    type: 'PROFILE',
    userId,
    email: `${userId}@example.com`,
    name: 'Someone',
    homeCurrency: 'EUR',
    timezone: options.timezone ?? 'Europe/Berlin',
    notifications: { ...defaultNotificationPreferences, monthlySummary: options.monthlySummary ?? true },
    mfa: { totp: 'disabled' },
    createdAt: T0,
    updatedAt: T0,
    version: 1,
  });
  return userId;
}

/** November's and October's counters, a monthly and a weekly budget, a goal and an account. */
async function seedAggregates(userId: string) {
  const items: Record<string, unknown>[] = [
    {
      ...InsightMonthEntity.key(userId, '2026-10', 'EUR'),
      type: 'INSIGHT_MONTH',
      month: '2026-10',
      currency: 'EUR',
      'c:dining': 10_000,
      '#c:dining': 2,
      'f:acc-1': -10_000,
    },
    {
      ...InsightMonthEntity.key(userId, '2026-11', 'EUR'),
      type: 'INSIGHT_MONTH',
      month: '2026-11',
      currency: 'EUR',
      // groceries rolls up into food; six categories so the smallest falls outside the top five.
      'c:groceries': 30_000,
      '#c:groceries': 3,
      'c:food': 5_000,
      '#c:food': 1,
      'c:dining': 20_000,
      '#c:dining': 2,
      'c:-': 4_000,
      '#c:-': 1,
      'c:rent': 80_000,
      '#c:rent': 1,
      'c:fun': 3_000,
      '#c:fun': 1,
      'c:books': 1_000,
      '#c:books': 1,
      'f:acc-1': -143_000,
    },
    {
      // December so far: the net worth at November's end takes it back out of today's balance.
      ...InsightMonthEntity.key(userId, '2026-12', 'EUR'),
      type: 'INSIGHT_MONTH',
      month: '2026-12',
      currency: 'EUR',
      'f:acc-1': 50_000,
    },
    {
      ...AccountEntity.key(userId, 'acc-1'),
      type: 'ACCOUNT',
      accountId: 'acc-1',
      name: 'Everyday',
      kind: 'checking',
      currency: 'EUR',
      balance: 1_000_000,
      transactionCount: 0,
      archived: false,
      createdAt: T0,
      updatedAt: T0,
      version: 1,
    },
    ...[
      ['rent', 'Rent'],
      ['fun', 'Fun'],
      ['books', 'Books'],
    ].map(([id, name]) => ({
      pk: `USER#${userId}`,
      sk: `CATEGORY#${id}`,
      type: 'CATEGORY',
      categoryId: id,
      name,
      kind: 'expense',
      parentId: null,
      transactionCount: 0,
      archived: false,
      createdAt: T0,
      updatedAt: T0,
      version: 1,
    })),
    {
      ...GoalEntity.key(userId, 'goal-1'),
      type: 'GOAL',
      goalId: 'goal-1',
      name: 'Holiday',
      target: 200_000,
      currency: 'EUR',
      deadline: '2027-06-30',
      funding: { kind: 'contributions' },
      saved: 50_000,
      createdAt: T0,
      updatedAt: T0,
      version: 1,
    },
    {
      ...BudgetPeriodEntity.key(userId, 'budget-1', '2026-11'),
      type: 'BUDGET_PERIOD',
      periodId: '2026-11',
      spent: 35_000,
      transactionCount: 4,
    },
    {
      ...BudgetPeriodEntity.key(userId, 'budget-1', '2026-10'),
      type: 'BUDGET_PERIOD',
      periodId: '2026-10',
      spent: 1_000,
      transactionCount: 1,
    },
  ];
  for (const Item of items) await table.db.send(new PutCommand({ TableName: TABLE, Item }));
  await table.putBudget(
    userId,
    budgetFixture({ budgetId: 'budget-1', name: 'Food', limit: 30_000, rollover: true, startDate: '2026-10-01' }),
  );
  // A weekly budget whose week does not end on 30 November is not "ended with the month".
  await table.putBudget(
    userId,
    budgetFixture({ budgetId: 'budget-2', name: 'Weekly', period: 'weekly', startDate: '2026-10-05' }),
  );
}

const summaries = (userId: string) => table.items(userId, 'SUMMARY#');

test('the figures come from the aggregates: top categories, budgets that ended, goals, net worth change', async () => {
  const userId = await newUser();
  await seedAggregates(userId);

  const outcome = await summarizeDueMonth(deps(), BERLIN_FIRST);

  expect(outcome.zones).toContain('Europe/Berlin');
  const [fact, ...more] = await summaries(userId);
  expect(more).toEqual([]);
  expect(fact).toMatchObject({
    sk: 'SUMMARY#2026-11',
    type: 'MONTHLY_SUMMARY',
    factId: '2026-11',
    month: '2026-11',
    asOf: '2026-12-01',
    timezone: 'Europe/Berlin',
    currency: 'EUR',
    spending: {
      total: 143_000,
      count: 10,
      previousTotal: 10_000,
      top: [
        { categoryId: 'rent', name: 'Rent', amount: 80_000, count: 1, share: 55.9 },
        { categoryId: 'food', name: 'food', amount: 35_000, count: 4, share: 24.5 },
        { categoryId: 'dining', name: 'dining', amount: 20_000, count: 2, share: 14 },
        { categoryId: null, name: 'Uncategorized', amount: 4_000, count: 1, share: 2.8 },
        { categoryId: 'fun', name: 'Fun', amount: 3_000, count: 1, share: 2.1 },
      ],
      other: 1_000,
    },
    // October's 29,000 left over rolls into November: 59,000 available, 35,000 spent.
    budgets: [
      {
        budgetId: 'budget-1',
        name: 'Food',
        period: 'monthly',
        start: '2026-11-01',
        end: '2026-11-30',
        currency: 'EUR',
        spent: 35_000,
        effectiveLimit: 59_000,
        percent: 59.3,
      },
    ],
    goals: [
      {
        goalId: 'goal-1',
        name: 'Holiday',
        currency: 'EUR',
        saved: 50_000,
        target: 200_000,
        percent: 25,
        deadline: '2027-06-30',
      },
    ],
    // Today 1,000,000; December moved +50,000, so 950,000 on 30 November; November moved −143,000.
    netWorth: { start: 1_093_000, end: 950_000, change: -143_000 },
    version: 1,
  });
});

test('running the same hour twice, or again later, writes one fact', async () => {
  const userId = await newUser();
  await seedAggregates(userId);

  const first = await summarizeDueMonth(deps(), BERLIN_FIRST);
  const [written] = await summaries(userId);
  const second = await summarizeDueMonth(deps(), BERLIN_FIRST);
  const concurrent = await Promise.all([
    summarizeDueMonth(deps(), BERLIN_FIRST),
    summarizeDueMonth(deps(), BERLIN_FIRST),
  ]);

  expect(first.written).toBeGreaterThanOrEqual(1);
  expect(second.written).toBe(0);
  expect(concurrent.map((run) => run.written)).toEqual([0, 0]);
  expect(await summaries(userId)).toEqual([written]);
});

test('two runs racing for a user write one fact between them', async () => {
  const userId = await newUser({ timezone: 'Asia/Tokyo' });
  // 08:00 in Tokyo (UTC+9) on 1 December.
  const at = new Date('2026-11-30T23:00:00Z');

  const runs = await Promise.all([summarizeDueMonth(deps(), at), summarizeDueMonth(deps(), at)]);

  expect(runs.reduce((sum, run) => sum + run.written, 0)).toBe(1);
  expect(await summaries(userId)).toHaveLength(1);
});

test('an opted-out user, a user whose zone is not at 08:00 of a 1st, and a deleted user get nothing', async () => {
  const optedOut = await newUser({ monthlySummary: false });
  const elsewhere = await newUser({ timezone: 'America/Los_Angeles' });
  const deleted = await newUser();
  await table.db.send(new DeleteCommand({ TableName: TABLE, Key: ProfileEntity.key(deleted) }));

  const outcome = await summarizeDueMonth(deps(), BERLIN_FIRST);

  expect(outcome.optedOut).toBeGreaterThanOrEqual(1);
  expect(outcome.failed).toBe(0);
  expect(await summaries(optedOut)).toEqual([]);
  expect(await summaries(elsewhere)).toEqual([]);
  expect(await summaries(deleted)).toEqual([]);
});

test('a user who moved to another zone is summarized on their new zone’s 1st only', async () => {
  const userId = await newUser({ timezone: 'Europe/Berlin' });
  await deps().profiles.update(userId, { timezone: 'America/Los_Angeles' }, { now: T0 });

  await summarizeDueMonth(deps(), BERLIN_FIRST);
  expect(await summaries(userId)).toEqual([]);

  // 08:00 in Los Angeles (UTC−8) on 1 December.
  await summarizeDueMonth(deps(), new Date('2026-12-01T16:00:00Z'));
  expect(await summaries(userId)).toEqual([
    expect.objectContaining({ month: '2026-11', timezone: 'America/Los_Angeles' }),
  ]);
});
