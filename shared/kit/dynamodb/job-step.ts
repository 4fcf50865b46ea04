/**
 * The step of a chunked job (an export, a restatement): each chunk's changes land on the job item
 * together with the move to the next step, in one UpdateItem conditioned on the step the chunk was
 * given. Of two deliveries of one chunk, one advances the job and the other learns it is stale, so
 * a chunk's effect lands once; the condition never creates an item, so a job erased with its user
 * stays gone.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Key } from './keys';

export type JobStep = {
  tableName: string;
  key: Key;
  /** The step the chunk ran at. */
  step: number;
  /** The attributes the chunk sets (undefined ones left out), besides `updatedAt`. */
  changes: Record<string, unknown>;
  now: string;
  /** An attribute the job item must still hold, e.g. the id of the job a newer one may replace. */
  still?: { name: string; value: unknown };
};

/** 'stale': the job moved past `step` (another delivery did it), was replaced, or is gone. */
export async function advanceJobStep(
  db: Pick<DynamoDBDocumentClient, 'send'>,
  { tableName, key, step, changes, now, still }: JobStep,
): Promise<'advanced' | 'stale'> {
  const fields = Object.entries({ ...changes, updatedAt: now }).filter(([, value]) => value !== undefined);
  const names: Record<string, string> = { '#step': 'step', '#version': 'version' };
  const values: Record<string, unknown> = { ':step': step, ':next': step + 1, ':one': 1 };
  const sets = ['#step = :next', '#version = #version + :one'];
  fields.forEach(([name, value], index) => {
    names[`#f${index}`] = name;
    values[`:f${index}`] = value;
    sets.push(`#f${index} = :f${index}`);
  });
  // `#step = :step` fails on a missing item too: no attribute_exists needed.
  const conditions = ['#step = :step'];
  if (still) {
    names['#still'] = still.name;
    values[':still'] = still.value;
    conditions.push('#still = :still');
  }
  try {
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    return 'advanced';
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return 'stale';
    throw error;
  }
}
