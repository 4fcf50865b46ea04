/**
 * The UpdateItem of a PATCH under optimistic concurrency: SET the given fields, `updatedAt` and
 * `version + 1`, conditional on the item existing and, with `If-Match`, on its version being one of
 * those named. DynamoDB checks both atomically, so two clients can never overwrite each other.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Key } from './keys';

export type VersionedUpdateOutcome<T> =
  | { status: 'updated'; item: T }
  | { status: 'not-found' }
  /** The item exists but its version is none of the expected ones (HTTP 412). */
  | { status: 'version-mismatch' };

export type VersionedUpdateOptions = { now: string; expectedVersions?: readonly number[] };

export function versionedUpdateExpression(fields: Record<string, unknown>, options: VersionedUpdateOptions) {
  const names: Record<string, string> = { '#pk': 'pk', '#version': 'version', '#updatedAt': 'updatedAt' };
  const values: Record<string, unknown> = { ':updatedAt': options.now, ':one': 1 };
  const sets = ['#updatedAt = :updatedAt', '#version = #version + :one'];
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    sets.push(`#${field} = :${field}`);
  }
  let condition = 'attribute_exists(#pk)';
  if (options.expectedVersions) {
    const placeholders = options.expectedVersions.map((version, index) => {
      values[`:expected${index}`] = version;
      return `:expected${index}`;
    });
    condition += ` AND #version IN (${placeholders.join(', ')})`;
  }
  return {
    UpdateExpression: `SET ${sets.join(', ')}`,
    ConditionExpression: condition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** Runs the update and tells "absent" (404) from "stale" (412) without a second read. */
export async function versionedUpdate<T>(
  db: DynamoDBDocumentClient,
  request: { tableName: string; key: Key; fields: Record<string, unknown>; parse: (item: unknown) => T },
  options: VersionedUpdateOptions,
): Promise<VersionedUpdateOutcome<T>> {
  try {
    const { Attributes } = await db.send(
      new UpdateCommand({
        TableName: request.tableName,
        Key: request.key,
        ...versionedUpdateExpression(request.fields, options),
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { status: 'updated', item: request.parse(Attributes) };
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      return error.Item ? { status: 'version-mismatch' } : { status: 'not-found' };
    }
    throw error;
  }
}
