/**
 * A request budget per key, kept in the table: GCRA (the generic cell rate algorithm, a token
 * bucket written as one instant). A budget of `ratePerSecond` sustained and `burst` at once has an
 * emission interval `T = 1 / ratePerSecond` and a tolerance `τ = (burst − 1) · T`; each key stores
 * one number, `tat` (the theoretical arrival time: when its bucket is full again). A request at
 * `now` is admitted when `tat − now ≤ τ`, and then moves `tat` to `max(tat, now) + T`.
 *
 * One item per key (`LIMIT#<budget>#<principal>`, sort key `LIMIT`), outside every user partition,
 * so keys never collide across users and an erasure has nothing of it to chase; TTL removes an
 * idle one (an expired item and a missing one mean the same: a full bucket). It holds an instant,
 * nothing personal, and the stream publisher never sees it (it is no domain item).
 *
 * Cost: DynamoDB cannot write `max(tat, now)`, so the two cases are two conditional UpdateItems:
 * `tat ≤ now` (an idle or steady caller: the bucket has room for this request and `tat` restarts
 * from now) and `now < tat ≤ now + τ` (inside a burst: `tat` moves on by `T`). The first case is
 * tried first, the one that fits the caller's last known state in this execution environment
 * when it knows one; a failed condition returns the item (ReturnValuesOnConditionCheckFailure), so
 * the second attempt, or the refusal, needs no read. So: one write (1 WRU, the item is < 1 KB) per
 * admitted request in the common case, two inside a burst the environment has not seen yet, one
 * per refused request. No read, no Scan, no transaction.
 *
 * Accuracy: exact, whatever the concurrency (each decision is a condition on the stored instant,
 * so two racing requests cannot both take the last unit), to within the callers' clock skew (the
 * functions' clocks, NTP-synchronised on Lambda: milliseconds).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { plain } from './transact';

export type Budget = {
  /** Sustained requests per second (may be below 1: 1/30 is two a minute). */
  ratePerSecond: number;
  /** Requests admitted at once from a full bucket. */
  burst: number;
};

export const limiterKey = (budget: string, principal: string) => ({ pk: `LIMIT#${budget}#${principal}`, sk: 'LIMIT' });

/** How long an item outlives its full-bucket instant before TTL may remove it (seconds). */
const TTL_SLACK_SECONDS = 60;

/** What a decision tells the caller: the IETF RateLimit fields and, when refused, Retry-After. */
export type LimitDecision = {
  admitted: boolean;
  /** The burst: requests a full bucket admits. */
  limit: number;
  /** Requests admitted right now, after this one. */
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** Refused: seconds until one request is admitted again (at least 1). */
  retryAfterSeconds?: number;
};

export type RateLimiter = ReturnType<typeof createRateLimiter>;

/** The environment's last known `tat` per key, so a caller in a burst costs one write, not two. */
const HINTS_KEPT = 1_000;

export function createRateLimiter({
  db,
  tableName,
  now = () => Date.now(),
}: {
  db: Pick<DynamoDBDocumentClient, 'send'>;
  tableName: string;
  now?: () => number;
}) {
  const hints = new Map<string, number>();
  const remember = (key: string, tat: number) => {
    hints.delete(key);
    hints.set(key, tat);
    if (hints.size > HINTS_KEPT) hints.delete(hints.keys().next().value as string);
  };

  return {
    /** Takes one request from the budget of `principal`, or tells when it may come back. */
    async take(name: string, budget: Budget, principal: string): Promise<LimitDecision> {
      const Key = limiterKey(name, principal);
      const hintKey = Key.pk;
      const at = now();
      // Milliseconds, whole: a budget of 1/6 per second is 6000, not 6000.000000000001.
      const interval = Math.round(1000 / budget.ratePerSecond);
      const tolerance = (budget.burst - 1) * interval;
      const decided = (tat: number): LimitDecision => {
        remember(hintKey, tat);
        return {
          admitted: true,
          limit: budget.burst,
          remaining: Math.max(0, Math.floor((at + tolerance - tat) / interval) + 1),
          resetSeconds: Math.max(0, Math.ceil((tat - at) / 1000)),
        };
      };
      const refused = (tat: number): LimitDecision => {
        remember(hintKey, tat);
        return {
          admitted: false,
          limit: budget.burst,
          remaining: 0,
          resetSeconds: Math.max(1, Math.ceil((tat - at) / 1000)),
          retryAfterSeconds: Math.max(1, Math.ceil((tat - tolerance - at) / 1000)),
        };
      };
      const expiresAt = Math.ceil((at + budget.burst * interval) / 1000) + TTL_SLACK_SECONDS;

      /** `tat ≤ now`: the bucket has room; `tat` restarts from now. */
      const idle = async (): Promise<{ tat: number } | { seen: number }> => {
        try {
          await db.send(
            new UpdateCommand({
              TableName: tableName,
              Key,
              UpdateExpression: 'SET tat = :next, expiresAt = :expiresAt',
              ConditionExpression: 'attribute_not_exists(tat) OR tat <= :now',
              ExpressionAttributeValues: { ':next': at + interval, ':now': at, ':expiresAt': expiresAt },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            }),
          );
          return { tat: at + interval };
        } catch (error) {
          return { seen: seenOn(error) };
        }
      };
      /** `now < tat ≤ now + τ`: inside a burst with room left; `tat` moves on by one interval. */
      const busy = async (): Promise<{ tat: number } | { seen: number }> => {
        try {
          const updated = await db.send(
            new UpdateCommand({
              TableName: tableName,
              Key,
              UpdateExpression: 'SET tat = tat + :interval, expiresAt = :expiresAt',
              ConditionExpression: 'tat > :now AND tat <= :latest',
              ExpressionAttributeValues: {
                ':interval': interval,
                ':now': at,
                ':latest': at + tolerance,
                ':expiresAt': expiresAt,
              },
              ReturnValues: 'UPDATED_NEW',
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            }),
          );
          const tat = Number(updated?.Attributes?.tat);
          return { tat: Number.isFinite(tat) ? tat : at + interval };
        } catch (error) {
          return { seen: seenOn(error) };
        }
      };

      // The hint picks the first attempt; a failed one returns the stored instant, which says
      // whether the caller is over the budget or which attempt fits. Requests of the same key racing
      // between two attempts can only move `tat` on, so a third attempt is the most ever made.
      const hinted = hints.get(hintKey);
      let attempt = hinted !== undefined && hinted > at ? busy : idle;
      let seen = 0;
      for (let tries = 0; tries < 3; tries++) {
        const outcome = await attempt();
        if ('tat' in outcome) return decided(outcome.tat);
        seen = outcome.seen;
        if (seen > at + tolerance) return refused(seen);
        attempt = seen > at ? busy : idle;
      }
      return refused(Math.max(seen, at + tolerance + 1));
    },
  };
}

/** The stored `tat` a failed condition returned (none: no item, an empty bucket's instant 0). */
function seenOn(error: unknown): number {
  if (!(error instanceof ConditionalCheckFailedException)) throw error;
  const old = plain(error.Item as Record<string, unknown> | undefined);
  const tat = Number(old?.tat);
  return Number.isFinite(tat) ? tat : 0;
}
