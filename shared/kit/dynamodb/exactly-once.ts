/**
 * The exactly-once kernel: how a consumer of at-least-once, out-of-order events keeps a total (a
 * budget period's spent, a goal's saved) equal to the sum of what each source contributes.
 *
 * For each (target, source) the table keeps the *applied state*: what that source currently
 * contributes and at which version. Applying a newer state of the source is ONE TransactWriteItems:
 *
 * - `appliedStatePut`: Put the new applied state, pinned to the state that was read (absent, or
 *   exactly the pinned attributes as read and not deleted). A failed pin throws AppliedStateMoved.
 * - `addDifference`: ADD new − old to the total(s), under the caller's condition.
 * - `userExists`: a ConditionCheck that the user's root item (userRootKey) still exists, so an
 *   erased user's partition is never written again. A failed check throws UserGone.
 *
 * `commit` runs that transaction, retrying when DynamoDB cancelled it only for contention
 * (TransactionConflict: many events ADD to one total), each attempt with its own
 * ClientRequestToken so the SDK's own retries of one attempt apply it once. `untilSettled` runs
 * read → decide → commit again when a lost race (AppliedStateMoved, or any error the caller names)
 * says the state read is stale. Duplicates and late deliveries read a state as new as theirs and
 * write nothing: the caller decides that before committing.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { type Key, userRootKey } from './keys';
import { type GuardedItem, transactWrite } from './transact';

/** The user's root item is gone: the partition is being erased and must not be written again. */
export class UserGone extends Error {}
/** Someone else wrote the applied state since it was read: read again and decide again. */
export class AppliedStateMoved extends Error {}

/** Attempts of one transaction lost to contention (TransactionConflict) before the error passes. */
const MAX_CONTENTION_ATTEMPTS = 10;
/** Attempts of read → decide → commit lost to a moved state before the error passes. */
const MAX_SETTLE_ATTEMPTS = 8;
const BASE_BACKOFF_MS = 15;
const MAX_BACKOFF_MS = 1000;

/** Full jitter, capped exponential: the one backoff of every retry here. */
export async function backoff(attempt: number): Promise<void> {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** attempt);
  await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}

/** DynamoDB cancelled the transaction only because a concurrent one held one of its items. */
export function isOnlyContention(error: unknown): boolean {
  if (!(error instanceof TransactionCanceledException)) return false;
  const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
  return (
    codes.includes('TransactionConflict') && codes.every((code) => code === 'None' || code === 'TransactionConflict')
  );
}

/** One TransactWriteItems, retried under contention (see above); condition failures pass as mapped. */
export async function commit(db: DynamoDBDocumentClient, items: GuardedItem[]): Promise<void> {
  const token = ulid();
  for (let attempt = 1; ; attempt++) {
    try {
      await transactWrite(db, items, `${token}-${attempt}`);
      return;
    } catch (error) {
      if (!isOnlyContention(error) || attempt >= MAX_CONTENTION_ATTEMPTS) throw error;
      await backoff(attempt);
    }
  }
}

/**
 * Runs `attempt` (read, decide, commit) until it settles: AppliedStateMoved, the errors in
 * `retryOn` and contention read and try again, at most MAX_SETTLE_ATTEMPTS times.
 */
export async function untilSettled<T>(
  attempt: () => Promise<T>,
  retryOn: readonly (abstract new (...args: never[]) => Error)[] = [],
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const lostRace =
        error instanceof AppliedStateMoved || retryOn.some((type) => error instanceof type) || isOnlyContention(error);
      if (!lostRace || n >= MAX_SETTLE_ATTEMPTS) throw error;
      await backoff(n);
    }
  }
}

/** The user still exists: a deleted user's partition is never written again (throws UserGone). */
export function userExists(tableName: string, userId: string, gone: () => Error = () => new UserGone()): GuardedItem {
  return {
    item: {
      ConditionCheck: { TableName: tableName, Key: userRootKey(userId), ConditionExpression: 'attribute_exists(pk)' },
    },
    onConditionFailed: gone,
  };
}

/**
 * The Put of a new applied state, pinned to the state read: absent (`read` undefined), or still
 * holding the `read` values and not deleted. Pinning (rather than "older than mine") keeps the
 * difference right: it is computed against the state read and must not land on another one.
 */
export function appliedStatePut(request: {
  tableName: string;
  key: Key;
  item: Record<string, unknown>;
  /** The attributes of the state read that the new one replaces (version, amount, …); undefined: none. */
  read: Record<string, unknown> | undefined;
}): GuardedItem {
  const { read } = request;
  const pinned = read
    ? {
        ConditionExpression: [...Object.keys(read).map((name) => `#${name} = :read_${name}`), '#deleted = :false'].join(
          ' AND ',
        ),
        ExpressionAttributeNames: {
          ...Object.fromEntries(Object.keys(read).map((name) => [`#${name}`, name])),
          '#deleted': 'deleted',
        },
        ExpressionAttributeValues: {
          ...Object.fromEntries(Object.entries(read).map(([name, value]) => [`:read_${name}`, value])),
          ':false': false,
        },
      }
    : { ConditionExpression: 'attribute_not_exists(pk)' };
  return {
    item: { Put: { TableName: request.tableName, Item: { ...request.key, ...request.item }, ...pinned } },
    onConditionFailed: () => new AppliedStateMoved(),
  };
}

type Condition = { expression: string; names?: Record<string, string>; values?: Record<string, unknown> };

/** A difference to ADD: the placeholder is `:<attribute>` unless `as` names another. */
type Difference = number | { value: number; as: string };

/**
 * `ADD` the difference to the total(s) of `key` (and SET `set`, placeholders `:<attribute>`), under
 * `condition`. When every difference is 0 and there is a condition, only the condition is checked.
 */
export function addDifference(request: {
  tableName: string;
  key: Key;
  add: Record<string, Difference>;
  set?: Record<string, unknown>;
  condition?: Condition;
  onConditionFailed?: (existing: Record<string, unknown> | undefined) => Error;
}): GuardedItem {
  const { tableName, key, set = {}, condition } = request;
  const add = Object.entries(request.add).map(([name, difference]) =>
    typeof difference === 'number'
      ? { name, value: difference, placeholder: `:${name}` }
      : { name, value: difference.value, placeholder: `:${difference.as}` },
  );
  const failed = request.onConditionFailed ? { onConditionFailed: request.onConditionFailed } : {};
  if (condition && add.every(({ value }) => value === 0)) {
    return {
      item: {
        ConditionCheck: {
          TableName: tableName,
          Key: key,
          ConditionExpression: condition.expression,
          ...(condition.names ? { ExpressionAttributeNames: condition.names } : {}),
          ...(condition.values ? { ExpressionAttributeValues: condition.values } : {}),
        },
      },
      ...failed,
    };
  }
  const sets = Object.keys(set).map((name) => `#${name} = :${name}`);
  return {
    item: {
      Update: {
        TableName: tableName,
        Key: key,
        UpdateExpression: `ADD ${add.map(({ name, placeholder }) => `#${name} ${placeholder}`).join(', ')}${sets.length > 0 ? ` SET ${sets.join(', ')}` : ''}`,
        ...(condition ? { ConditionExpression: condition.expression } : {}),
        ExpressionAttributeNames: {
          ...Object.fromEntries(
            [...add.map(({ name }) => name), ...Object.keys(set)].map((name) => [`#${name}`, name]),
          ),
          ...condition?.names,
        },
        ExpressionAttributeValues: {
          ...Object.fromEntries(add.map(({ placeholder, value }) => [placeholder, value])),
          ...Object.fromEntries(Object.entries(set).map(([name, value]) => [`:${name}`, value])),
          ...condition?.values,
        },
      },
    },
    ...failed,
  };
}
