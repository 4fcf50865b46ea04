import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { AccountEntity } from '../accounts/public';
import { userPk } from '../kit/dynamodb/keys';
import { queryAll, queryPrefixPage } from '../kit/dynamodb/prefix-page';
import { leavesRange, roomFor } from '../kit/dynamodb/range-guard';
import { type GuardedItem, transactWrite } from '../kit/dynamodb/transact';
import { conditionalDelete, type VersionedUpdateOptions, versionedUpdateWhere } from '../kit/dynamodb/versioned-update';
import { ConflictError, InvalidInput, NotFoundError, OutOfRange } from '../kit/errors';
import { MAX_SAFE_AMOUNT } from '../kit/money/money';
import * as z from '../kit/schema';
import {
  GoalAppliedEntity,
  GoalContributionEntity,
  type GoalContributionItem,
  GoalEntity,
  type GoalItem,
  goalContributionItem,
  goalItem,
} from './items';
import type { GoalCreate, GoalPatch } from './schemas';
import { sourceId } from './sources';

/**
 * What one source currently adds to a goal. State, not a log: an event applies only when it is
 * newer than `version`, and a deleted source is final, so duplicates and late deliveries change
 * nothing. For an account source `version` is the account's and `balance` what was converted.
 */
const goalAppliedItem = z.lazily(() =>
  z.object({
    type: z.literal('GOAL_APPLIED'),
    goalId: z.string(),
    sourceId: z.string(),
    version: z.int().check(z.nonnegative()),
    deleted: z.boolean(),
    /** Minor units of the goal currency. */
    amount: z.int(),
    balance: z.optional(z.int()),
    updatedAt: z.string(),
  }),
);
export type GoalAppliedItem = z.infer<ReturnType<typeof goalAppliedItem>>;

type GoalUpdateOutcome =
  | { status: 'updated'; item: GoalItem }
  | { status: 'not-found' }
  | { status: 'version-mismatch' };

/** A new goal: nothing saved yet (an account-funded goal learns its balance from the goal tracker). */
export function newGoalItem(input: GoalCreate, goalId: string, now: string): GoalItem {
  return {
    type: GoalEntity.type,
    goalId,
    name: input.name,
    target: input.target.amount,
    currency: input.target.currency,
    deadline: input.deadline ?? null,
    funding: input.funding,
    saved: 0,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

/** Condition on the goal item: it exists and is funded by contributions. */
export const contributionsFunded = {
  expression: 'attribute_exists(#pk) AND #funding.#kind = :contributions',
  names: { '#pk': 'pk', '#funding': 'funding', '#kind': 'kind' },
  values: { ':contributions': 'contributions' },
} as const;

export type GoalStore = ReturnType<typeof createGoalStore>;

export function createGoalStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  async function getItem(key: { pk: string; sk: string }) {
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
    return Item;
  }

  return {
    /**
     * Writes a new goal with `extra` items (the Idempotency-Key record). An account-funded goal is
     * written only while its account exists (checked in the same transaction: the read before it
     * is not enough against a concurrent account deletion).
     */
    async create(userId: string, goal: GoalItem, extra: GuardedItem[] = []): Promise<void> {
      const items: GuardedItem[] = [
        {
          item: {
            Put: {
              TableName: tableName,
              Item: { ...GoalEntity.key(userId, goal.goalId), ...goal },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        },
      ];
      if (goal.funding.kind === 'account') {
        // Marks the account as funding a goal, so its balance moves are published from now on
        // (shared/accounts/events.ts); the condition refuses an account deleted meanwhile.
        items.push({
          item: {
            Update: {
              TableName: tableName,
              Key: AccountEntity.key(userId, goal.funding.accountId),
              UpdateExpression: 'SET #fundsGoal = :true',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeNames: { '#fundsGoal': 'fundsGoal' },
              ExpressionAttributeValues: { ':true': true },
            },
          },
          onConditionFailed: () => unknownFundingAccount(),
        });
      }
      await transactWrite(db, [...items, ...extra]);
    },

    /** Strongly consistent: a GET right after a PATCH or a contribution shows it. */
    async get(userId: string, goalId: string): Promise<GoalItem | undefined> {
      const item = await getItem(GoalEntity.key(userId, goalId));
      return item ? goalItem().parse(item) : undefined;
    },

    /** A page of the user's goals in creation order (ids are ULIDs). */
    async list(userId: string, options: { limit: number; after?: string }) {
      const page = await queryPrefixPage(db, {
        tableName,
        pk: userPk(userId),
        prefix: GoalEntity.prefix,
        limit: options.limit,
        ...(options.after !== undefined ? { after: options.after } : {}),
        consistent: true,
      });
      return { items: page.items.map((item) => goalItem().parse(item)), last: page.last };
    },

    /** Every goal funded by one account (a user has a handful of goals: one Query, filtered). */
    async fundedBy(userId: string, accountId: string): Promise<GoalItem[]> {
      const items = await queryAll(db, {
        tableName,
        pk: userPk(userId),
        prefix: GoalEntity.prefix,
        filter: {
          expression: '#funding.#kind = :account AND #funding.#accountId = :accountId',
          names: { '#funding': 'funding', '#kind': 'kind', '#accountId': 'accountId' },
          values: { ':account': 'account', ':accountId': accountId },
        },
        consistent: true,
      });
      return items.map((item) => goalItem().parse(item));
    },

    /**
     * PATCH under optimistic concurrency. The target must stay in the goal's currency: checked in
     * the same condition, so 404, 412 and 400 are told apart from the old item without a second read.
     */
    async update(
      userId: string,
      goalId: string,
      patch: GoalPatch,
      options: VersionedUpdateOptions,
    ): Promise<GoalUpdateOutcome> {
      const outcome = await versionedUpdateWhere(
        db,
        {
          tableName,
          key: GoalEntity.key(userId, goalId),
          fields: { name: patch.name, target: patch.target?.amount, deadline: patch.deadline },
          ...(patch.target
            ? {
                condition: {
                  expression: '#currency = :currency',
                  names: { '#currency': 'currency' },
                  values: { ':currency': patch.target.currency },
                },
              }
            : {}),
          parse: (item) => goalItem().parse(item),
        },
        options,
      );
      if (outcome.status !== 'refused') return outcome;
      throw new InvalidInput('target.currency', `must be the goal's currency (${String(outcome.old.currency)})`);
    },

    /** One conditional DeleteItem; 'not-found' when there was nothing to delete. */
    async delete(userId: string, goalId: string): Promise<'deleted' | 'not-found'> {
      const outcome = await conditionalDelete(db, { tableName, key: GoalEntity.key(userId, goalId) });
      return outcome.status === 'deleted' ? 'deleted' : 'not-found';
    },

    /**
     * Records a contribution AND applies it, in one TransactWriteItems: the contribution, its applied
     * state at version 1, `ADD saved`, and `extra` (the Idempotency-Key record). The response can
     * then show the new `saved`; the goal tracker, receiving GoalContributionAdded, finds version 1
     * applied and only evaluates milestones. 404 when the goal is gone, 409 when it is account-funded.
     */
    async addContribution(userId: string, contribution: GoalContributionItem, extra: GuardedItem[] = []) {
      const { goalId, contributionId } = contribution;
      const source = sourceId.contribution(contributionId);
      const room = roomFor('#saved', contribution.amount);
      await transactWrite(db, [
        {
          item: {
            Put: {
              TableName: tableName,
              Item: { ...GoalContributionEntity.key(userId, goalId, contributionId), ...contribution },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        },
        {
          item: {
            Put: {
              TableName: tableName,
              Item: {
                ...GoalAppliedEntity.key(userId, goalId, source),
                type: GoalAppliedEntity.type,
                goalId,
                sourceId: source,
                version: contribution.version,
                deleted: false,
                amount: contribution.amount,
                updatedAt: contribution.createdAt,
              } satisfies GoalAppliedItem,
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        },
        {
          item: {
            Update: {
              TableName: tableName,
              Key: GoalEntity.key(userId, goalId),
              UpdateExpression: 'ADD #saved :amount',
              ConditionExpression: [contributionsFunded.expression, ...(room ? [room.expression] : [])].join(' AND '),
              ExpressionAttributeNames: { ...contributionsFunded.names, '#saved': 'saved' },
              ExpressionAttributeValues: {
                ...contributionsFunded.values,
                ':amount': contribution.amount,
                ...room?.values,
              },
            },
          },
          onConditionFailed: (existing) => {
            if (!existing) return new NotFoundError('goal');
            const funding = existing.funding as { kind?: string } | undefined;
            if (funding?.kind !== 'contributions' || !leavesRange(existing.saved, contribution.amount)) {
              return notContributionsFunded();
            }
            return new OutOfRange(
              'money.amount',
              `would take the goal's saved amount past ±${MAX_SAFE_AMOUNT} minor units`,
            );
          },
        },
        ...extra,
      ]);
    },

    /** A page of a goal's contributions, most recently recorded first. */
    async listContributions(userId: string, goalId: string, options: { limit: number; after?: string }) {
      const page = await queryPrefixPage(db, {
        tableName,
        pk: userPk(userId),
        prefix: `${GoalContributionEntity.prefix}${goalId}#`,
        limit: options.limit,
        ...(options.after !== undefined ? { after: options.after } : {}),
        consistent: true,
        newestFirst: true,
      });
      return { items: page.items.map((item) => goalContributionItem().parse(item)), last: page.last };
    },

    /** The applied state of one source, strongly consistent (the tracker decides on it). */
    async getApplied(userId: string, goalId: string, source: string): Promise<GoalAppliedItem | undefined> {
      const item = await getItem(GoalAppliedEntity.key(userId, goalId, source));
      return item ? goalAppliedItem().parse(item) : undefined;
    },
  };
}

export function unknownFundingAccount() {
  return new InvalidInput('funding.accountId', 'is not one of your accounts');
}

export function notContributionsFunded() {
  return new ConflictError(
    'This goal is funded by an account: its progress is the account balance. Move money into that account instead.',
    'goal-funded-by-account',
  );
}
