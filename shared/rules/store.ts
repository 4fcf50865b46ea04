/**
 * Reads and writes of rules and their order. Every change of the set (create, delete, a move) is
 * one TransactWriteItems with the order item, conditioned on the order's version as read: two
 * concurrent creations cannot both take the last of MAX_RULES places or lose each other's id. A
 * lost race is read again and retried.
 */
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { backoff } from '../kit/dynamodb/exactly-once';
import { userPk } from '../kit/dynamodb/keys';
import { queryAll } from '../kit/dynamodb/prefix-page';
import { type GuardedItem, transactWrite } from '../kit/dynamodb/transact';
import { ConflictError, InvalidInput, VersionMismatch } from '../kit/errors';
import { normalizePayee } from '../transactions/public';
import {
  RuleEntity,
  type RuleItem,
  RuleJobEntity,
  type RuleJobItem,
  RuleOrderEntity,
  type RuleOrderItem,
  ruleItem,
  ruleJobItem,
  ruleOrderItem,
} from './items';
import { MAX_RULES } from './schemas';

/** The user's rules in order, and the order item's version (0: none yet). */
export type RuleSet = { rules: RuleItem[]; orderVersion: number };

/** The order item moved while we wrote: read again. */
class OrderMoved extends Error {}
/** Reads and writes of the set lost to a concurrent change before giving up with a 409. */
const MAX_ATTEMPTS = 10;

/** Places `id` at the 1-based `position` (clamped; default last) of `ids` without it. */
export function placeAt(ids: readonly string[], id: string, position: number | undefined): string[] {
  const rest = ids.filter((other) => other !== id);
  const index = position === undefined ? rest.length : Math.min(Math.max(position - 1, 0), rest.length);
  return [...rest.slice(0, index), id, ...rest.slice(index)];
}

export type RuleStore = ReturnType<typeof createRuleStore>;

export function createRuleStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  /** One Query of `RULE#`: the order item sorts first, then every rule. */
  async function readSet(userId: string, consistent: boolean): Promise<RuleSet> {
    const items = await queryAll(db, { tableName, pk: userPk(userId), prefix: RuleEntity.prefix, consistent });
    let order: RuleOrderItem | undefined;
    const byId = new Map<string, RuleItem>();
    for (const item of items) {
      if (item.type === RuleOrderEntity.type) order = ruleOrderItem().parse(item);
      else if (item.type === RuleEntity.type) {
        const rule = ruleItem().parse(item);
        byId.set(rule.ruleId, rule);
      }
    }
    const ordered = (order?.ids ?? []).flatMap((id) => {
      const rule = byId.get(id);
      byId.delete(id);
      return rule ? [rule] : [];
    });
    // A rule missing from the order cannot happen through the routes; kept last rather than lost.
    return { rules: [...ordered, ...byId.values()], orderVersion: order?.version ?? 0 };
  }

  function orderPut(userId: string, ids: string[], readVersion: number, now: string): GuardedItem {
    const item: RuleOrderItem = { type: RuleOrderEntity.type, ids, version: readVersion + 1, updatedAt: now };
    return {
      item: {
        Put: {
          TableName: tableName,
          Item: { ...RuleOrderEntity.key(userId), ...item },
          ConditionExpression: readVersion === 0 ? 'attribute_not_exists(pk)' : '#version = :read',
          ...(readVersion === 0
            ? {}
            : {
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':read': readVersion },
              }),
        },
      },
      onConditionFailed: () => new OrderMoved(),
    };
  }

  /** Runs `attempt` on a fresh read of the set until the order did not move meanwhile. */
  async function onFreshSet<T>(userId: string, attempt: (set: RuleSet) => Promise<T>): Promise<T> {
    for (let n = 1; ; n++) {
      try {
        return await attempt(await readSet(userId, true));
      } catch (error) {
        if (!(error instanceof OrderMoved)) throw error;
        if (n >= MAX_ATTEMPTS) {
          throw new ConflictError('Your rules kept changing while this was saved; nothing was written. Retry.');
        }
        await backoff(n);
      }
    }
  }

  function rulePut(userId: string, rule: RuleItem, readVersion: number | undefined): GuardedItem {
    return {
      item: {
        Put: {
          TableName: tableName,
          Item: { ...RuleEntity.key(userId, rule.ruleId), ...rule },
          ...(readVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: '#version = :read',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':read': readVersion },
              }),
        },
      },
      onConditionFailed: () => new VersionMismatch(),
    };
  }

  return {
    /** The user's rules in evaluation order. `consistent`: a read right after a write shows it. */
    list: (userId: string, consistent = true) => readSet(userId, consistent),

    async get(userId: string, ruleId: string): Promise<RuleItem | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: RuleEntity.key(userId, ruleId), ConsistentRead: true }),
      );
      return Item ? ruleItem().parse(Item) : undefined;
    },

    /** Adds a rule at `position` (1-based, default last); refused past MAX_RULES. */
    async create(userId: string, rule: RuleItem, position: number | undefined): Promise<number> {
      return onFreshSet(userId, async ({ rules, orderVersion }) => {
        if (rules.length >= MAX_RULES) {
          throw new ConflictError(`You have ${MAX_RULES} rules, the most a user keeps.`, 'too-many-rules');
        }
        const ids = placeAt(
          rules.map((r) => r.ruleId),
          rule.ruleId,
          position,
        );
        await transactWrite(db, [
          rulePut(userId, rule, undefined),
          orderPut(userId, ids, orderVersion, rule.createdAt),
        ]);
        return ids.indexOf(rule.ruleId) + 1;
      });
    },

    /**
     * Replaces a rule read at `readVersion` (VersionMismatch when it moved on), and moves it when
     * `position` is given. Returns its place, or undefined when the rule is gone.
     */
    async replace(
      userId: string,
      rule: RuleItem,
      readVersion: number,
      position: number | undefined,
    ): Promise<number | undefined> {
      return onFreshSet(userId, async ({ rules, orderVersion }) => {
        const ids = rules.map((r) => r.ruleId);
        if (!ids.includes(rule.ruleId)) return undefined;
        const moved = position === undefined ? ids : placeAt(ids, rule.ruleId, position);
        await transactWrite(db, [
          rulePut(userId, rule, readVersion),
          ...(position === undefined ? [] : [orderPut(userId, moved, orderVersion, rule.updatedAt)]),
        ]);
        return moved.indexOf(rule.ruleId) + 1;
      });
    },

    /**
     * Rules that set a payee by one of `fromNames` (normalized) set `toName` instead: a merged
     * payee's rules follow it. Each rule is replaced at the version read; one that moved on is read
     * again. Idempotent: a second run finds nothing to change. Returns how many rules it changed.
     */
    async repointPayee(userId: string, fromNames: readonly string[], toName: string, now: string): Promise<number> {
      const from = new Set(fromNames);
      let changed = 0;
      for (let attempt = 1; ; attempt++) {
        const { rules } = await readSet(userId, true);
        const stale = rules.filter((rule) => rule.actions.payee && from.has(normalizePayee(rule.actions.payee)));
        try {
          for (const rule of stale) {
            const replaced = {
              ...rule,
              actions: { ...rule.actions, payee: toName },
              updatedAt: now,
              version: rule.version + 1,
            };
            await transactWrite(db, [rulePut(userId, replaced, rule.version)]);
            changed++;
          }
          return changed;
        } catch (error) {
          if (!(error instanceof VersionMismatch) || attempt >= 3) throw error;
        }
      }
    },

    /** Deletes a rule and takes it out of the order; 'not-found' when it was not there. */
    async delete(userId: string, ruleId: string, now: string): Promise<'deleted' | 'not-found'> {
      return onFreshSet(userId, async ({ rules, orderVersion }) => {
        const ids = rules.map((r) => r.ruleId);
        if (!ids.includes(ruleId)) return 'not-found';
        await transactWrite(db, [
          {
            item: {
              Delete: {
                TableName: tableName,
                Key: RuleEntity.key(userId, ruleId),
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
            onConditionFailed: () => new OrderMoved(),
          },
          orderPut(
            userId,
            ids.filter((id) => id !== ruleId),
            orderVersion,
            now,
          ),
        ]);
        return 'deleted';
      });
    },

    /** Sets the whole order: `ids` must name every rule exactly once (400 naming `ids` otherwise). */
    async reorder(userId: string, ids: string[], now: string): Promise<RuleItem[]> {
      return onFreshSet(userId, async ({ rules, orderVersion }) => {
        const known = new Set(rules.map((r) => r.ruleId));
        const given = new Set(ids);
        if (given.size !== ids.length || given.size !== known.size || ids.some((id) => !known.has(id))) {
          throw new InvalidInput('ids', 'must name each of your rules exactly once');
        }
        await transactWrite(db, [orderPut(userId, ids, orderVersion, now)]);
        const byId = new Map(rules.map((r) => [r.ruleId, r]));
        return ids.map((id) => byId.get(id) as RuleItem);
      });
    },

    async createJob(userId: string, job: RuleJobItem): Promise<void> {
      await transactWrite(db, [
        {
          item: {
            Put: {
              TableName: tableName,
              Item: { ...RuleJobEntity.key(userId, job.jobId), ...job },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        },
      ]);
    },

    /** Strongly consistent: the job runner decides on it, and a GET shows the latest progress. */
    async getJob(userId: string, jobId: string): Promise<RuleJobItem | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: RuleJobEntity.key(userId, jobId), ConsistentRead: true }),
      );
      return Item ? ruleJobItem().parse(Item) : undefined;
    },
  };
}
