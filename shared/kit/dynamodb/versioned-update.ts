/**
 * Version-conditioned writes, one way for every store.
 *
 * `versionedUpdate`: the UpdateItem of a PATCH under optimistic concurrency: SET the given fields,
 * `updatedAt` and `version + 1`, conditional on the item existing and, with `If-Match`, on its
 * version being one of those named (and on the caller's own `condition`, if any). DynamoDB checks
 * all of it atomically, so two clients can never overwrite each other.
 *
 * `conditionalDelete`: one DeleteItem under the same kind of condition.
 *
 * Both tell "absent" (404) from "stale" (412) from "refused by the caller's condition" by the old
 * item DynamoDB returns with the failure: never a second read.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Key } from './keys';
import { plain } from './transact';

export type VersionedUpdateOutcome<T> =
  | { status: 'updated'; item: T }
  | { status: 'not-found' }
  /** The item exists but its version is none of the expected ones (HTTP 412). */
  | { status: 'version-mismatch' };

/** With a condition of the caller's: the item exists at an expected version, but that condition failed. */
export type Refused = { status: 'refused'; old: Record<string, unknown> };

export type VersionedUpdateOptions = { now: string; expectedVersions?: readonly number[] };

/** A condition of the caller's, ANDed to the version condition. */
export type ExtraCondition = { expression: string; names?: Record<string, string>; values?: Record<string, unknown> };

/**
 * The update: `fields` SET one by one (undefined ones left out); `maps` SET member by member, so a
 * PATCH of one member of a map attribute leaves the others as they are.
 */
export function versionedUpdateExpression(
  fields: Record<string, unknown>,
  options: VersionedUpdateOptions,
  maps: Record<string, Record<string, unknown>> = {},
) {
  const names: Record<string, string> = { '#pk': 'pk', '#version': 'version', '#updatedAt': 'updatedAt' };
  const values: Record<string, unknown> = { ':updatedAt': options.now, ':one': 1 };
  const sets = ['#updatedAt = :updatedAt', '#version = #version + :one'];
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    sets.push(`#${field} = :${field}`);
  }
  for (const [map, members] of Object.entries(maps)) {
    const given = Object.entries(members).filter(([, value]) => value !== undefined);
    if (given.length > 0) names[`#${map}`] = map;
    for (const [member, value] of given) {
      names[`#${map[0]}_${member}`] = member;
      values[`:${map[0]}_${member}`] = value;
      sets.push(`#${map}.#${map[0]}_${member} = :${map[0]}_${member}`);
    }
  }
  const condition = versionCondition(options.expectedVersions, values);
  return {
    UpdateExpression: `SET ${sets.join(', ')}`,
    ConditionExpression: condition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** `attribute_exists(#pk)`, and with expected versions `#version IN (…)` (their values added to `values`). */
function versionCondition(expectedVersions: readonly number[] | undefined, values: Record<string, unknown>): string {
  if (!expectedVersions) return 'attribute_exists(#pk)';
  const placeholders = expectedVersions.map((version, index) => {
    values[`:expected${index}`] = version;
    return `:expected${index}`;
  });
  return `attribute_exists(#pk) AND #version IN (${placeholders.join(', ')})`;
}

/** Why a version-conditioned write failed, from the old item returned with the failure. */
function failure(
  error: unknown,
  expectedVersions: readonly number[] | undefined,
): { status: 'not-found' } | { status: 'version-mismatch' } | Refused {
  if (!(error instanceof ConditionalCheckFailedException)) throw error;
  const old = plain(error.Item as Record<string, unknown> | undefined);
  if (!old) return { status: 'not-found' };
  if (expectedVersions && !expectedVersions.includes(Number(old.version))) return { status: 'version-mismatch' };
  return { status: 'refused', old };
}

type UpdateRequest<T> = {
  tableName: string;
  key: Key;
  fields: Record<string, unknown>;
  maps?: Record<string, Record<string, unknown>>;
  parse: (item: unknown) => T;
};

/** Runs the update; see VersionedUpdateOutcome. */
export async function versionedUpdate<T>(
  db: DynamoDBDocumentClient,
  request: UpdateRequest<T>,
  options: VersionedUpdateOptions,
): Promise<VersionedUpdateOutcome<T>> {
  const outcome = await versionedUpdateWhere(db, request, options);
  // Without a condition of the caller's, only the version can have refused the write.
  return outcome.status === 'refused' ? { status: 'version-mismatch' } : outcome;
}

/** The update, also under the caller's `condition` (a failure of it is `refused`, with the old item). */
export async function versionedUpdateWhere<T>(
  db: DynamoDBDocumentClient,
  request: UpdateRequest<T> & { condition?: ExtraCondition },
  options: VersionedUpdateOptions,
): Promise<VersionedUpdateOutcome<T> | Refused> {
  const expression = versionedUpdateExpression(request.fields, options, request.maps);
  const { condition } = request;
  try {
    const { Attributes } = await db.send(
      new UpdateCommand({
        TableName: request.tableName,
        Key: request.key,
        ...expression,
        ...(condition
          ? {
              ConditionExpression: `${expression.ConditionExpression} AND ${condition.expression}`,
              ExpressionAttributeNames: { ...expression.ExpressionAttributeNames, ...condition.names },
              ExpressionAttributeValues: { ...expression.ExpressionAttributeValues, ...condition.values },
            }
          : {}),
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { status: 'updated', item: request.parse(Attributes) };
  } catch (error) {
    return failure(error, options.expectedVersions);
  }
}

export type ConditionalDeleteOutcome =
  | { status: 'deleted' }
  | { status: 'not-found' }
  | { status: 'version-mismatch' }
  | Refused;

/** One DeleteItem of an existing item, at one of `expectedVersions` (when given) and under `condition`. */
export async function conditionalDelete(
  db: DynamoDBDocumentClient,
  request: { tableName: string; key: Key; expectedVersions?: readonly number[]; condition?: ExtraCondition },
): Promise<ConditionalDeleteOutcome> {
  const { expectedVersions, condition } = request;
  const values: Record<string, unknown> = { ...condition?.values };
  const versions = versionCondition(expectedVersions, values);
  try {
    await db.send(
      new DeleteCommand({
        TableName: request.tableName,
        Key: request.key,
        ConditionExpression: condition ? `${versions} AND ${condition.expression}` : versions,
        ExpressionAttributeNames: {
          '#pk': 'pk',
          ...(expectedVersions ? { '#version': 'version' } : {}),
          ...condition?.names,
        },
        ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { status: 'deleted' };
  } catch (error) {
    return failure(error, expectedVersions);
  }
}
