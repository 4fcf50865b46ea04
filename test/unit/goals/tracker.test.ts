/**
 * The goal tracker against a real DynamoDB Local. Events are delivered as the bus delivers them —
 * at least once and in any order — and what a user would notice is checked: the goal's `saved`, and
 * exactly one milestone fact (→ one email) per level, ever.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { EventBridgeEvent } from 'aws-lambda';
import fc from 'fast-check';
import { ulid } from 'ulid';
import { acceptedDetailTypes } from '../../../functions/events/goal-tracker';
import { rules } from '../../../lib/catalog/rules';
import type { AccountItem } from '../../../shared/accounts/items';
import type { GoalContributionItem, GoalItem } from '../../../shared/goals/items';
import { GoalAppliedEntity } from '../../../shared/goals/items';
import { reachedMilestones } from '../../../shared/goals/progress';
import { goalTag, sourceId } from '../../../shared/goals/sources';
import { eraseUserPartition } from '../../../shared/identity/user-data-store';
import { convertAtReference } from '../../../shared/kit/money/conversion';
import type { TransactionItem } from '../../../shared/transactions/items';
import { eventBridgeEvent } from '../support/eventbridge-event';
import { snapshotRatesOn, transactionFixture } from '../transactions/support/ledger-fixtures';
import { type LocalGoals, ofKind, startLocalGoals } from './support/local-goals';

jest.setTimeout(180_000);

let env: LocalGoals;
beforeAll(async () => {
  env = await startLocalGoals();
}, 90_000);
afterAll(async () => env?.stop());

const T0 = '2026-01-01T09:00:00.000Z';
let sequence = 0;
let streamSequence = 0;
const nextSourceEventId = () => `stream-${++streamSequence}`;

async function newUser(options: Parameters<LocalGoals['seedUser']>[1] = {}) {
  const userId = `tracker-user-${++sequence}`;
  await env.seedUser(userId, options);
  return userId;
}

function goalFixture(overrides: Partial<GoalItem> = {}): GoalItem {
  return {
    type: 'GOAL',
    goalId: ulid(),
    name: 'New bike',
    target: 100_000,
    currency: 'EUR',
    deadline: null,
    funding: { kind: 'contributions' },
    saved: 0,
    createdAt: T0,
    updatedAt: T0,
    version: 1,
    ...overrides,
  };
}

async function newGoal(userId: string, overrides: Partial<GoalItem> = {}) {
  const goal = goalFixture(overrides);
  await env.putGoal(userId, goal);
  return goal;
}

type Event = EventBridgeEvent<string, unknown>;
const base = (userId: string, id: string, version: number) => ({
  sourceEventId: nextSourceEventId(),
  userId,
  id,
  version,
  occurredAt: T0,
});

const transactionCreated = (userId: string, t: TransactionItem): Event =>
  eventBridgeEvent('TransactionCreated', { ...base(userId, t.transactionId, t.version), data: t });
const transactionUpdated = (userId: string, t: TransactionItem, previous: TransactionItem): Event =>
  eventBridgeEvent('TransactionUpdated', { ...base(userId, t.transactionId, t.version), data: t, previous });
const transactionDeleted = (userId: string, previous: TransactionItem): Event =>
  eventBridgeEvent('TransactionDeleted', { ...base(userId, previous.transactionId, previous.version), previous });
const contributionAdded = (userId: string, c: GoalContributionItem): Event =>
  eventBridgeEvent('GoalContributionAdded', { ...base(userId, c.contributionId, c.version), data: c });
const contributionDeleted = (userId: string, c: GoalContributionItem): Event =>
  eventBridgeEvent('GoalContributionDeleted', { ...base(userId, c.contributionId, c.version), previous: c });
const goalCreated = (userId: string, goal: GoalItem): Event =>
  eventBridgeEvent('GoalCreated', { ...base(userId, goal.goalId, goal.version), data: goal });
const goalUpdated = (userId: string, goal: GoalItem, previous: GoalItem): Event =>
  eventBridgeEvent('GoalUpdated', { ...base(userId, goal.goalId, goal.version), data: goal, previous });
const accountUpdated = (userId: string, account: AccountItem, previous: AccountItem): Event =>
  eventBridgeEvent('AccountUpdated', { ...base(userId, account.accountId, account.version), data: account, previous });

function contribution(goalId: string, amount: number): GoalContributionItem {
  return {
    type: 'GOAL_CONTRIBUTION',
    contributionId: ulid(),
    goalId,
    amount,
    currency: 'EUR',
    date: '2026-01-05',
    note: null,
    createdAt: T0,
    version: 1,
  };
}

/** A version of a transaction in EUR (home = account currency), tagged for the given goals. */
function txnVersion(
  transactionId: string,
  version: number,
  kind: 'expense' | 'income',
  amount: number,
  goalIds: string[],
): TransactionItem {
  const signed = kind === 'expense' ? -amount : amount;
  return transactionFixture({
    transactionId,
    version,
    kind,
    amount,
    accountAmount: signed,
    homeAmount: signed,
    categoryId: null,
    tags: goalIds.map(goalTag),
  });
}

async function milestones(userId: string, goalId: string) {
  const items = ofKind(await env.items(userId), `GOALMILESTONE#${goalId}#`);
  return items
    .map((item) => ({ percent: item.percent, type: item.type }))
    .sort((a, b) => Number(a.percent) - Number(b.percent));
}

async function savedOf(userId: string, goalId: string) {
  return (await env.goal(userId, goalId))?.saved;
}

/** Delivers the events in the given order, a few at once (as concurrent invocations). */
async function deliver(events: Event[], concurrency = 3) {
  for (let i = 0; i < events.length; i += concurrency) {
    await Promise.all(events.slice(i, i + concurrency).map((event) => env.track(event)));
  }
}

const expectedTypes = (levels: number[]) =>
  levels.map((percent) => ({ percent, type: percent === 100 ? 'GOAL_ACHIEVED' : 'GOAL_MILESTONE' }));

test('the track-goals rule sends the tracker every change that can move a goal, and the tracker takes them', () => {
  const moves = [
    'AccountUpdated',
    'GoalContributionAdded',
    'GoalContributionDeleted',
    'GoalCreated',
    'GoalUpdated',
    'TransactionCreated',
    'TransactionDeleted',
    'TransactionUpdated',
  ];
  const trackGoals = rules.find((rule) => rule.id === 'track-goals');
  expect(trackGoals?.target).toBe('goal-tracker');
  expect([...(trackGoals?.detailTypes ?? [])].sort()).toEqual(moves);
  expect([...acceptedDetailTypes].sort()).toEqual(moves);
});

describe('tagged transactions', () => {
  test('create, edit, untag and delete: saved follows the latest version, even delivered twice and backwards', async () => {
    const userId = await newUser();
    const goal = await newGoal(userId);
    const id = ulid();
    const v1 = txnVersion(id, 1, 'income', 30_000, [goal.goalId]);
    const v2 = txnVersion(id, 2, 'income', 45_000, [goal.goalId]);
    const v3 = txnVersion(id, 3, 'income', 45_000, []);
    const v4 = txnVersion(id, 4, 'expense', 5_000, [goal.goalId]);
    const events = [
      transactionCreated(userId, v1),
      transactionUpdated(userId, v2, v1),
      transactionUpdated(userId, v3, v2),
      transactionUpdated(userId, v4, v3),
    ];

    await deliver([events[0] as Event, events[1] as Event], 1);
    expect(await savedOf(userId, goal.goalId)).toBe(45_000);
    // Everything again, newest first: stale and duplicate deliveries change nothing.
    await deliver([...events].reverse(), 1);
    expect(await savedOf(userId, goal.goalId)).toBe(-5_000);

    await deliver([transactionDeleted(userId, v4), transactionDeleted(userId, v4), events[1] as Event], 1);
    expect(await savedOf(userId, goal.goalId)).toBe(0);
    // 45 000 of 100 000 reached 25 % on the way; that fact stays after the fall to 0.
    expect(await milestones(userId, goal.goalId)).toEqual(expectedTypes([25]));
  });

  test('a transfer tagged for a goal counts once, by the money arriving', async () => {
    const userId = await newUser();
    const goal = await newGoal(userId);
    const legs = [-1, 1].map((sign) =>
      transactionFixture({
        transactionId: ulid(),
        kind: 'transfer',
        amount: 20_000,
        accountAmount: sign * 20_000,
        homeAmount: sign * 20_000,
        categoryId: null,
        tags: [goalTag(goal.goalId)],
      }),
    );
    await deliver(legs.map((leg) => transactionCreated(userId, leg)));
    expect(await savedOf(userId, goal.goalId)).toBe(20_000);
  });

  test('an account-funded goal ignores tags; a deleted goal or an erased user gets nothing written', async () => {
    const userId = await newUser({ accounts: [{ accountId: 'acc-sav', balance: 0 }] });
    const funded = await newGoal(userId, { funding: { kind: 'account', accountId: 'acc-sav' } });
    const gone = goalFixture(); // never stored
    const t = txnVersion(ulid(), 1, 'income', 10_000, [funded.goalId, gone.goalId]);
    await deliver([transactionCreated(userId, t)]);
    expect(await savedOf(userId, funded.goalId)).toBe(0);
    expect(ofKind(await env.items(userId), 'GAPPLIED#')).toHaveLength(0);

    // Erased as the user-data eraser does: the goal goes with the partition, so nothing can commit.
    const erased = await newUser();
    const goal = await newGoal(erased);
    await eraseUserPartition(erased, { client: env.db, tableName: process.env.TABLE_NAME as string });
    await deliver([transactionCreated(erased, txnVersion(ulid(), 1, 'income', 50_000, [goal.goalId]))]);
    expect(await env.items(erased)).toEqual([]);
  });
});

describe('milestones', () => {
  test('one fact per level, GoalAchieved at 100; falling back and rising again sends nothing new', async () => {
    const userId = await newUser();
    const goal = await newGoal(userId, { target: 10_000 });
    const big = contribution(goal.goalId, 10_000);
    await deliver([contributionAdded(userId, big), contributionAdded(userId, big)]);
    expect(await savedOf(userId, goal.goalId)).toBe(10_000);
    expect(await milestones(userId, goal.goalId)).toEqual(expectedTypes([25, 50, 75, 100]));
    const facts = ofKind(await env.items(userId), 'GOALMILESTONE#');
    expect(facts.find((fact) => fact.percent === 100)).toMatchObject({
      type: 'GOAL_ACHIEVED',
      goalId: goal.goalId,
      goalName: goal.name,
      saved: 10_000,
      target: 10_000,
      currency: 'EUR',
      version: 1,
    });

    await deliver([contributionDeleted(userId, big)]);
    expect(await savedOf(userId, goal.goalId)).toBe(0);
    await deliver([contributionAdded(userId, contribution(goal.goalId, 12_000))]);
    expect(await savedOf(userId, goal.goalId)).toBe(12_000);
    // Not one fact rewritten: the stream would publish a rewrite as a new event (a second email).
    expect(ofKind(await env.items(userId), 'GOALMILESTONE#')).toEqual(facts);
  });

  test('a crash between applying and writing the facts is healed by the redelivery', async () => {
    const userId = await newUser();
    // As left by a tracker that died after its TransactWriteItems: applied, saved moved, no facts.
    const goal = await newGoal(userId, { target: 4_000, saved: 3_000 });
    const c = contribution(goal.goalId, 3_000);
    await env.db.send(
      new PutCommand({
        TableName: process.env.TABLE_NAME,
        Item: {
          ...GoalAppliedEntity.key(userId, goal.goalId, sourceId.contribution(c.contributionId)),
          type: 'GOAL_APPLIED',
          goalId: goal.goalId,
          sourceId: sourceId.contribution(c.contributionId),
          version: 1,
          deleted: false,
          amount: 3_000,
          updatedAt: T0,
        },
      }),
    );
    await deliver([contributionAdded(userId, c)]);
    expect(await savedOf(userId, goal.goalId)).toBe(3_000);
    expect(await milestones(userId, goal.goalId)).toEqual(expectedTypes([25, 50, 75]));
  });

  test('lowering the target (GoalUpdated) reaches the levels it now passes', async () => {
    const userId = await newUser();
    const goal = await newGoal(userId, { target: 100_000, saved: 0 });
    await deliver([contributionAdded(userId, contribution(goal.goalId, 30_000))]);
    expect(await milestones(userId, goal.goalId)).toEqual(expectedTypes([25]));
    const lowered = { ...goal, target: 30_000, version: 2 };
    await env.putGoal(userId, { ...lowered, saved: 30_000 });
    await deliver([goalUpdated(userId, { ...lowered, saved: 30_000 }, goal)]);
    expect(await milestones(userId, goal.goalId)).toEqual(expectedTypes([25, 50, 75, 100]));
  });
});

describe('account-funded goals', () => {
  test('saved is the account balance; duplicate and stale AccountUpdated events re-sync to the current one', async () => {
    const userId = await newUser();
    const v1 = await env.putAccount(userId, { accountId: 'acc-sav', kind: 'savings', balance: 40_000 });
    const goal = await newGoal(userId, { funding: { kind: 'account', accountId: 'acc-sav' } });
    await deliver([goalCreated(userId, goal), goalCreated(userId, goal)]);
    expect(await savedOf(userId, goal.goalId)).toBe(40_000);

    // The ledger moves a balance with ADD and keeps the account's version.
    const rich = await env.putAccount(userId, { ...v1, balance: 80_000 });
    const raised = accountUpdated(userId, rich, v1);
    await deliver([raised, raised]);
    expect(await savedOf(userId, goal.goalId)).toBe(80_000);
    expect(await milestones(userId, goal.goalId)).toEqual(expectedTypes([25, 50, 75]));

    const poor = await env.putAccount(userId, { ...v1, balance: 10_000 });
    await deliver([accountUpdated(userId, poor, rich), raised]); // the old event arrives late
    expect(await savedOf(userId, goal.goalId)).toBe(10_000);
    expect(await milestones(userId, goal.goalId)).toEqual(expectedTypes([25, 50, 75]));
  });

  test('a balance in another currency is converted at the latest reference rate', async () => {
    const userId = await newUser();
    const account = await env.putAccount(userId, { accountId: 'acc-usd', currency: 'USD', balance: 50_000 });
    const goal = await newGoal(userId, { funding: { kind: 'account', accountId: 'acc-usd' } });
    await deliver([goalCreated(userId, goal)]);
    const rates = snapshotRatesOn(new Date().toISOString().slice(0, 10));
    if (!rates) throw new Error('the snapshot has rates before today');
    const expected = convertAtReference({ amount: account.balance, currency: 'USD' }, 'EUR', rates);
    expect(await savedOf(userId, goal.goalId)).toBe(Number(expected));
  });
});

describe('exactly once, whatever the delivery', () => {
  type TxnPlan = { versions: { kind: 'expense' | 'income'; amount: number; tagged: boolean }[]; deleted: boolean };
  type ContributionPlan = { amount: number; deleted: boolean };

  const txnPlan = fc.record({
    versions: fc.array(
      fc.record({
        kind: fc.constantFrom('expense' as const, 'income' as const),
        amount: fc.integer({ min: 1, max: 40_000 }),
        tagged: fc.boolean(),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    deleted: fc.boolean(),
  });
  const contributionPlan = fc.record({
    amount: fc.integer({ min: -20_000, max: 40_000 }).filter((n) => n !== 0),
    deleted: fc.boolean(),
  });

  function eventsFor(userId: string, goalId: string, txns: TxnPlan[], contributions: ContributionPlan[]) {
    const events: Event[] = [];
    let expected = 0;
    for (const plan of txns) {
      const id = ulid();
      const versions = plan.versions.map((v, i) => txnVersion(id, i + 1, v.kind, v.amount, v.tagged ? [goalId] : []));
      versions.forEach((version, i) => {
        const previous = versions[i - 1];
        events.push(previous ? transactionUpdated(userId, version, previous) : transactionCreated(userId, version));
      });
      const last = versions[versions.length - 1] as TransactionItem;
      if (plan.deleted) events.push(transactionDeleted(userId, last));
      else if (last.tags.length > 0) expected += last.homeAmount;
    }
    for (const plan of contributions) {
      const c = contribution(goalId, plan.amount);
      events.push(contributionAdded(userId, c));
      if (plan.deleted) events.push(contributionDeleted(userId, c));
      else expected += plan.amount;
    }
    return { events, expected };
  }

  /** Every event once or twice, in a random order. */
  const deliveries = (events: Event[], copies: number[], order: number[]) => {
    const all = events.flatMap((event, i) => ((copies[i] ?? 1) > 1 ? [event, event] : [event]));
    return all
      .map((event, i) => ({ event, key: order[i] ?? i }))
      .sort((a, b) => a.key - b.key)
      .map((d) => d.event);
  };

  test('saved is exact and each milestone level is one fact, under duplicated, shuffled, concurrent deliveries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(txnPlan, { minLength: 1, maxLength: 4 }),
        fc.array(contributionPlan, { maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 30, maxLength: 30 }),
        fc.array(fc.integer(), { minLength: 60, maxLength: 60 }),
        async (txns, contributions, copies, order) => {
          const userId = await newUser();
          const goal = await newGoal(userId, { target: 50_000 });
          const { events, expected } = eventsFor(userId, goal.goalId, txns, contributions);
          await deliver(deliveries(events, copies, order));
          expect(await savedOf(userId, goal.goalId)).toBe(expected);
          const facts = await milestones(userId, goal.goalId);
          // Levels the final figure reaches are facts; transient highs may have added more, never twice.
          for (const level of reachedMilestones(expected, goal.target)) {
            expect(facts.filter((fact) => fact.percent === level)).toEqual(expectedTypes([level]));
          }
          // Everything once more: nothing changes, not even a fact's timestamp.
          const before = await env.items(userId);
          await deliver(events);
          expect(await env.items(userId)).toEqual(before);
        },
      ),
      { numRuns: 15 },
    );
  });

  test('when money only comes in, the facts are exactly the levels the final figure reaches', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 30_000 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer(), { minLength: 16, maxLength: 16 }),
        async (amounts, order) => {
          const userId = await newUser();
          const goal = await newGoal(userId, { target: 60_000 });
          const events = amounts.flatMap((amount, i) =>
            i % 2 === 0
              ? [contributionAdded(userId, contribution(goal.goalId, amount))]
              : [transactionCreated(userId, txnVersion(ulid(), 1, 'income', amount, [goal.goalId]))],
          );
          await deliver(
            deliveries(
              events,
              events.map(() => 2),
              order,
            ),
          );
          const total = amounts.reduce((sum, amount) => sum + amount, 0);
          expect(await savedOf(userId, goal.goalId)).toBe(total);
          expect(await milestones(userId, goal.goalId)).toEqual(expectedTypes(reachedMilestones(total, goal.target)));
        },
      ),
      { numRuns: 10 },
    );
  });
});
