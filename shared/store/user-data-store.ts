/**
 * Bulk removal of one user's partition (`pk = USER#<userId>`): Query for keys only, then
 * BatchWriteItem deletes in groups of 25, retrying unprocessed items with exponential backoff.
 * A Query on the user's own partition, never a Scan.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../aws/clients';
import { requireEnv } from '../config';
import { type Key, userPk } from './keys';
import { tableDefinition } from './table-definition';

/** BatchWriteItem's limit. */
export const MAX_BATCH_WRITE = 25;

export type EraseOptions = {
  client?: Pick<DynamoDBDocumentClient, 'send'>;
  tableName?: string;
  /** Attempts per group of 25 before giving up (the event is then retried as a whole). */
  maxAttempts?: number;
  /** Base of the exponential backoff between attempts. */
  baseDelayMs?: number;
  /**
   * Full passes over the partition. A pass that still finds items means something wrote while we
   * erased (a consumer finishing its work); one more pass catches it, and a partition that never
   * empties fails the invocation so it is retried rather than reported as erased.
   */
  maxPasses?: number;
};

export class PartitionNotErased extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'PartitionNotErased';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function deleteGroup(
  keys: Key[],
  { client, tableName, maxAttempts, baseDelayMs }: Required<Omit<EraseOptions, 'maxPasses'>>,
): Promise<void> {
  let pending = keys.map((key) => ({ DeleteRequest: { Key: key } }));
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (attempt > maxAttempts) {
      throw new PartitionNotErased(`${pending.length} deletes still unprocessed after ${maxAttempts} attempts`);
    }
    if (attempt > 1) {
      // Unprocessed items mean throttling: back off exponentially, with jitter to spread retries.
      await sleep(baseDelayMs * 2 ** (attempt - 2) * (0.5 + Math.random() / 2));
    }
    const response = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
    pending = (response.UnprocessedItems?.[tableName] ?? []) as typeof pending;
  }
}

/** Deletes every item of the user's partition; resolves with how many deletes were issued. */
export async function eraseUserPartition(userId: string, options: EraseOptions = {}): Promise<number> {
  const settings = {
    client: options.client ?? documentClient(),
    tableName: options.tableName ?? requireEnv('TABLE_NAME'),
    maxAttempts: options.maxAttempts ?? 8,
    baseDelayMs: options.baseDelayMs ?? 50,
  };
  const maxPasses = options.maxPasses ?? 5;
  let erased = 0;

  for (let pass = 1; pass <= maxPasses; pass++) {
    let foundInPass = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await settings.client.send(
        new QueryCommand({
          TableName: settings.tableName,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': tableDefinition.partitionKey, '#sk': tableDefinition.sortKey },
          ExpressionAttributeValues: { ':pk': userPk(userId) },
          ProjectionExpression: '#pk, #sk',
          // Deleted items must not come back in the next pass.
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      const keys = (page.Items ?? []) as Key[];
      for (let i = 0; i < keys.length; i += MAX_BATCH_WRITE) {
        await deleteGroup(keys.slice(i, i + MAX_BATCH_WRITE), settings);
      }
      foundInPass += keys.length;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    if (foundInPass === 0) return erased;
    erased += foundInPass;
  }
  throw new PartitionNotErased(`The partition still had items after ${maxPasses} passes`);
}
