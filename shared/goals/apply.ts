/**
 * The goal tracker's domain: keeps each goal's `saved` exact under at-least-once, out-of-order
 * delivery, and turns crossed levels into milestone facts exactly once.
 *
 * Versioned applied state. For each (goal, source) `GAPPLIED#<goalId>#<sourceId>` holds what that
 * source currently adds ({ version, deleted, amount }). Applying source S at version v:
 *  1. read the applied state (consistent); if it is deleted, or already at v (a deletion, which
 *     carries the version it deletes, still applies over v), or newer, the event is a duplicate
 *     or older than what we have: nothing to apply.
 *  2. otherwise one TransactWriteItems: Put the new state conditioned on the state read being
 *     unchanged (compare-and-set: the delta new − old is only right against that old amount),
 *     and `ADD saved :delta` on the goal conditioned on it still existing with the expected
 *     funding. That condition also keeps an erased user's partition erased: erasing deletes the
 *     goal, so nothing commits after it, and what committed before is found by the eraser's next
 *     pass (it ends only with an empty one). A lost race re-reads and decides again.
 *  3. in every case (applied, duplicate, stale) evaluate milestones: a crash between 2 and 3 is
 *     healed by the retry, which finds 2 done and does 3.
 * So `saved` is always the sum of the applied amounts, whatever the order and number of deliveries.
 *
 * Account-funded goals: saved = the account's balance, converted to the goal currency at the
 * latest reference rate. The ledger moves a balance with ADD and does not bump the account's
 * version, so a version comparison would miss balance changes; instead the tracker syncs to the
 * account's *current* state, conditioned (ConditionCheck) on the balance still being what it read.
 * Every committed sync therefore reflects the account at commit time; a late or duplicate
 * AccountUpdated re-syncs to the same figure and writes nothing.
 *
 * Milestones (25, 50, 75 → GOAL_MILESTONE, 100 → GOAL_ACHIEVED): when saved × 100 ≥ target × pct,
 * Put `GOALMILESTONE#<goalId>#<pct>` with attribute_not_exists; the stream publishes it as
 * GoalMilestoneReached / GoalAchieved. One per goal and level, ever: when saved falls back below a
 * level (a withdrawal, an edit, a deleted transaction, a lower balance) nothing is withdrawn, and
 * reaching it again sends nothing new. Raising the target does not reset levels already recorded;
 * lowering it can reach new ones (GoalUpdated is evaluated too).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { AccountEntity, type AccountItem, accountItem } from '../accounts/public';
import { addDifference, appliedStatePut, commit, untilSettled } from '../kit/dynamodb/exactly-once';
import type { GuardedItem } from '../kit/dynamodb/transact';
import { MAX_SAFE_AMOUNT, type Money } from '../kit/money/money';
import { logger } from '../kit/observability';
import type { RateProvider } from '../rates/public';
import { convertOn } from '../rates/public';
import type { TransactionItem } from '../transactions/public';
import type { GoalContributionItem, GoalItem, GoalMilestoneItem } from './items';
import { GOAL_ACHIEVED_TYPE, GoalAppliedEntity, GoalEntity, GoalMilestoneEntity } from './items';
import { ACHIEVED_PERCENT, reachedMilestones } from './progress';
import { goalIdsFromTags, sourceId, transactionValue } from './sources';
import { contributionsFunded, type GoalAppliedItem, type GoalStore } from './store';

type GoalTrackerDeps = {
  db: DynamoDBDocumentClient;
  tableName: string;
  goals: GoalStore;
  rates: RateProvider;
  now?: () => Date;
};

/** What happened to one (goal, source) pair; tests and logs read it. */
type ApplyOutcome = 'applied' | 'unchanged' | 'stale' | 'goal-gone' | 'not-tracked';

class GoalGone extends Error {}
class AccountChanged extends Error {}
class MilestoneExists extends Error {}

/**
 * Nothing to apply: the source is already deleted (final), or already at a newer version, or at this
 * version already — except that a deletion carries the version of the state it deletes, so it
 * supersedes that very version.
 */
function isStale(previous: GoalAppliedItem, next: { version: number; deleted: boolean }): boolean {
  if (previous.deleted || previous.version > next.version) return true;
  return previous.version === next.version && !next.deleted;
}

export function createGoalTracker(deps: GoalTrackerDeps) {
  const { db, tableName, goals, rates } = deps;
  const now = deps.now ?? (() => new Date());

  /** The Put of a new applied state, conditioned on the state it replaces being unchanged. */
  function appliedPut(
    userId: string,
    goalId: string,
    source: string,
    next: Omit<GoalAppliedItem, 'type' | 'goalId' | 'sourceId' | 'updatedAt'>,
    previous: GoalAppliedItem | undefined,
  ): GuardedItem {
    const item: GoalAppliedItem = {
      type: GoalAppliedEntity.type,
      goalId,
      sourceId: source,
      ...next,
      updatedAt: now().toISOString(),
    };
    return appliedStatePut({
      tableName,
      key: GoalAppliedEntity.key(userId, goalId, source),
      item,
      read: previous && { version: previous.version, amount: previous.amount },
    });
  }

  /** `ADD saved :delta` on the goal (or just a check when the delta is 0), under `condition`. */
  function savedChange(
    userId: string,
    goalId: string,
    delta: number,
    condition: { expression: string; names: Record<string, string>; values: Record<string, unknown> },
  ): GuardedItem {
    return addDifference({
      tableName,
      key: GoalEntity.key(userId, goalId),
      add: { saved: delta },
      condition,
      onConditionFailed: () => new GoalGone(),
    });
  }

  /** Steps 1–2 for a contributions-funded goal's source (a tagged transaction, a contribution). */
  async function applySource(
    userId: string,
    goalId: string,
    source: string,
    next: { version: number; deleted: boolean; amount: number },
  ): Promise<ApplyOutcome> {
    try {
      return await untilSettled(async () => {
        const previous = await goals.getApplied(userId, goalId, source);
        if (previous && isStale(previous, next)) return 'stale';
        const amount = next.deleted ? 0 : next.amount;
        await commit(db, [
          appliedPut(userId, goalId, source, { version: next.version, deleted: next.deleted, amount }, previous),
          savedChange(userId, goalId, amount - (previous?.amount ?? 0), contributionsFunded),
        ]);
        return 'applied';
      });
    } catch (error) {
      if (error instanceof GoalGone) return 'goal-gone';
      throw error;
    }
  }

  /**
   * `money` in `currency` at the reference rate of `date`; undefined when there is no rate for it,
   * or when the result would leave the range every stored total keeps (the progress then stays).
   */
  async function convert(money: Money, currency: string, date: string): Promise<number | undefined> {
    const amount = await convertOn(rates, money, currency, date);
    if (amount === undefined || amount > BigInt(MAX_SAFE_AMOUNT) || amount < -BigInt(MAX_SAFE_AMOUNT)) return undefined;
    return Number(amount);
  }

  /** Step 3: Put every reached level that is not a fact yet. */
  async function evaluateMilestones(userId: string, goalId: string): Promise<number[]> {
    try {
      return await untilSettled(async () => {
        const goal = await goals.get(userId, goalId);
        if (!goal) return [];
        const reached = reachedMilestones(goal.saved, goal.target);
        const existing = await Promise.all(
          reached.map(async (percent) => {
            const { Item } = await db.send(
              new GetCommand({
                TableName: tableName,
                Key: GoalMilestoneEntity.key(userId, goalId, percent),
                ConsistentRead: true,
                ProjectionExpression: 'pk',
              }),
            );
            return Item ? percent : undefined;
          }),
        );
        const missing = reached.filter((percent) => !existing.includes(percent));
        if (missing.length === 0) return [];
        const createdAt = now().toISOString();
        await commit(db, [
          ...missing.map(
            (percent): GuardedItem => ({
              item: {
                Put: {
                  TableName: tableName,
                  Item: {
                    ...GoalMilestoneEntity.key(userId, goalId, percent),
                    ...milestoneItem(goal, percent, createdAt),
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              onConditionFailed: () => new MilestoneExists(),
            }),
          ),
          {
            item: {
              ConditionCheck: {
                TableName: tableName,
                Key: GoalEntity.key(userId, goalId),
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
            onConditionFailed: () => new GoalGone(),
          },
        ]);
        return missing;
      }, [MilestoneExists]);
    } catch (error) {
      if (error instanceof GoalGone) return [];
      throw error;
    }
  }

  /** Saved of an account-funded goal := the account's current balance, in the goal currency. */
  async function syncAccount(userId: string, goal: GoalItem): Promise<ApplyOutcome> {
    if (goal.funding.kind !== 'account') return 'not-tracked';
    const { accountId } = goal.funding;
    const source = sourceId.account(accountId);
    try {
      return await untilSettled(async () => {
        const [previous, account] = await Promise.all([
          goals.getApplied(userId, goal.goalId, source),
          readAccount(userId, accountId),
        ]);
        if (!account) {
          // The balance last synced stays: a deleted account's history does not vanish from the goal.
          logger.info('Funding account not found; goal progress kept', { goalId: goal.goalId, accountId });
          return 'unchanged';
        }
        const today = now().toISOString().slice(0, 10);
        const amount = await convert({ amount: account.balance, currency: account.currency }, goal.currency, today);
        if (amount === undefined) {
          logger.warn('No reference rate to convert the funding account balance', {
            goalId: goal.goalId,
            from: account.currency,
            to: goal.currency,
          });
          return 'unchanged';
        }
        if (previous && previous.amount === amount && previous.balance === account.balance) return 'unchanged';
        await commit(db, [
          appliedPut(
            userId,
            goal.goalId,
            source,
            { version: account.version, deleted: false, amount, balance: account.balance },
            previous,
          ),
          {
            item: {
              ConditionCheck: {
                TableName: tableName,
                Key: AccountEntity.key(userId, accountId),
                ConditionExpression: '#balance = :balance',
                ExpressionAttributeNames: { '#balance': 'balance' },
                ExpressionAttributeValues: { ':balance': account.balance },
              },
            },
            onConditionFailed: () => new AccountChanged(),
          },
          savedChange(userId, goal.goalId, amount - (previous?.amount ?? 0), {
            expression: 'attribute_exists(#pk) AND #funding.#kind = :account AND #funding.#accountId = :accountId',
            names: { '#pk': 'pk', '#funding': 'funding', '#kind': 'kind', '#accountId': 'accountId' },
            values: { ':account': 'account', ':accountId': accountId },
          }),
        ]);
        return 'applied';
      }, [AccountChanged]);
    } catch (error) {
      if (error instanceof GoalGone) return 'goal-gone';
      throw error;
    }
  }

  async function readAccount(userId: string, accountId: string): Promise<AccountItem | undefined> {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: AccountEntity.key(userId, accountId), ConsistentRead: true }),
    );
    return Item ? accountItem().parse(Item) : undefined;
  }

  /** One tagged transaction's state at `version`, for one goal. */
  async function applyTransaction(
    userId: string,
    goalId: string,
    version: number,
    current: TransactionItem,
  ): Promise<ApplyOutcome> {
    const goal = await goals.get(userId, goalId);
    if (!goal) return 'goal-gone';
    // An account-funded goal's progress is its account's balance; tags would count money twice.
    if (goal.funding.kind !== 'contributions') return 'not-tracked';
    let amount = 0;
    if (goalIdsFromTags(current.tags).includes(goalId)) {
      const value = transactionValue(current, goal.currency);
      const converted = value.kind === 'exact' ? value.amount : await convert(value.money, goal.currency, value.date);
      if (converted === undefined) {
        logger.warn('No reference rate for a tagged transaction; it counts 0', { goalId, version });
      }
      amount = converted ?? 0;
    }
    return applySource(userId, goalId, sourceId.transaction(current.transactionId), {
      version,
      deleted: false,
      amount,
    });
  }

  return {
    /**
     * TransactionCreated/Updated/Deleted. Every goal the new *or* the previous version names is
     * touched: a goal whose tag was removed gets amount 0 at this version, so a late, older
     * delivery that still carried the tag is recognised as stale.
     */
    async onTransaction(
      userId: string,
      event: { version: number; current?: TransactionItem; previous?: TransactionItem },
    ): Promise<Record<string, ApplyOutcome>> {
      const transactionId = (event.current ?? event.previous)?.transactionId;
      if (!transactionId) return {};
      const goalIds = new Set([
        ...goalIdsFromTags(event.current?.tags ?? []),
        ...goalIdsFromTags(event.previous?.tags ?? []),
      ]);
      const outcomes: Record<string, ApplyOutcome> = {};
      for (const goalId of goalIds) {
        const outcome = event.current
          ? await applyTransaction(userId, goalId, event.version, event.current)
          : await applySource(userId, goalId, sourceId.transaction(transactionId), {
              version: event.version,
              deleted: true,
              amount: 0,
            });
        outcomes[goalId] = outcome;
        await evaluateMilestones(userId, goalId);
      }
      return outcomes;
    },

    /** GoalContributionAdded (deleted = false) / GoalContributionDeleted (deleted = true, final). */
    async onContribution(userId: string, contribution: GoalContributionItem, deleted: boolean): Promise<ApplyOutcome> {
      const goal = await goals.get(userId, contribution.goalId);
      if (!goal) return 'goal-gone';
      if (contribution.currency !== goal.currency) {
        // The route converts to the goal currency, and a goal's currency never changes.
        logger.error('Contribution not in the goal currency; not counted', { goalId: goal.goalId });
        return 'not-tracked';
      }
      const outcome = await applySource(userId, goal.goalId, sourceId.contribution(contribution.contributionId), {
        version: contribution.version,
        deleted,
        amount: contribution.amount,
      });
      await evaluateMilestones(userId, goal.goalId);
      return outcome;
    },

    /** AccountUpdated: re-sync every goal the account funds. */
    async onAccountChanged(userId: string, accountId: string): Promise<Record<string, ApplyOutcome>> {
      const outcomes: Record<string, ApplyOutcome> = {};
      for (const goal of await goals.fundedBy(userId, accountId)) {
        outcomes[goal.goalId] = await syncAccount(userId, goal);
        await evaluateMilestones(userId, goal.goalId);
      }
      return outcomes;
    },

    /** GoalCreated/GoalUpdated: an account-funded goal learns its balance; a new target may reach levels. */
    async onGoalChanged(userId: string, goalId: string): Promise<ApplyOutcome> {
      const goal = await goals.get(userId, goalId);
      if (!goal) return 'goal-gone';
      const outcome = await syncAccount(userId, goal);
      await evaluateMilestones(userId, goalId);
      return outcome;
    },

    evaluateMilestones,
  };
}

/** A reached level as a fact: GOAL_MILESTONE (25, 50, 75) or GOAL_ACHIEVED (100), with its snapshot. */
function milestoneItem(goal: GoalItem, percent: number, createdAt: string) {
  const item: Omit<GoalMilestoneItem, 'type'> & { type: typeof GoalMilestoneEntity.type | typeof GOAL_ACHIEVED_TYPE } =
    {
      type: percent >= ACHIEVED_PERCENT ? GOAL_ACHIEVED_TYPE : GoalMilestoneEntity.type,
      milestoneId: `${goal.goalId}-${percent}`,
      goalId: goal.goalId,
      goalName: goal.name,
      percent,
      saved: goal.saved,
      target: goal.target,
      currency: goal.currency,
      createdAt,
      version: 1,
    };
  return item;
}
