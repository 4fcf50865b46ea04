/**
 * Bulk removal of one user's partition (`pk = USER#<userId>`): Query for keys only, then
 * BatchWriteItem deletes in groups of 25, retrying unprocessed items with exponential backoff.
 * A Query on the user's own partition, never a Scan.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../kit/aws/document-client';
import { requireEnv } from '../kit/config';
import { type Key, userPk } from '../kit/dynamodb/keys';
import { queryPages } from '../kit/dynamodb/prefix-page';
import { tableDefinition } from '../kit/dynamodb/table-definition';

/** BatchWriteItem's limit. */
export const MAX_BATCH_WRITE = 25;

/**
 * How long after the profile's deletion a request that passed the API's account check just before
 * it can still write into the partition: an API function's timeout (10 s, lib/catalog/functions.ts;
 * the runtime stops it then) plus a margin for a write already on the wire and for the stream
 * record's timestamp, which is only approximate. The eraser's tests tie it to the catalog.
 */
export const ADMITTED_REQUEST_WINDOW_MS = 15_000;

export type EraseOptions = {
  client?: Pick<DynamoDBDocumentClient, 'send'>;
  tableName?: string;
  /** Attempts per group of 25 before giving up (the event is then retried as a whole). */
  maxAttempts?: number;
  /** Base of the exponential backoff between attempts. */
  baseDelayMs?: number;
  /**
   * Passes over the partition that may find items. A pass that still finds items means something
   * wrote while we erased (a request admitted before the deletion, a consumer finishing its work);
   * one more pass catches it, and a partition that never empties fails the invocation so it is
   * retried rather than reported as erased.
   */
  maxPasses?: number;
  /**
   * Epoch milliseconds by which every write that can still reach the partition has landed. The
   * erasure ends only with an empty pass that started after it: an empty pass before it proves
   * nothing (a slow request may still write), so the eraser waits until then and sweeps again.
   */
  writesSettledAt?: number;
};

export class PartitionNotErased extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'PartitionNotErased';
  }
}

type Settings = Required<Omit<EraseOptions, 'maxPasses' | 'writesSettledAt'>>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function deleteGroup(keys: Key[], { client, tableName, maxAttempts, baseDelayMs }: Settings): Promise<void> {
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

/** One pass: every key of the partition, page by page, deleted in groups of 25. Resolves with how many. */
async function sweep(userId: string, settings: Settings): Promise<number> {
  let found = 0;
  const pages = queryPages(settings.client, {
    TableName: settings.tableName,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': tableDefinition.partitionKey, '#sk': tableDefinition.sortKey },
    ExpressionAttributeValues: { ':pk': userPk(userId) },
    ProjectionExpression: '#pk, #sk',
    // Deleted items must not come back in the next pass, and a landed write must show.
    ConsistentRead: true,
  });
  for await (const page of pages) {
    const keys = page as Key[];
    for (let i = 0; i < keys.length; i += MAX_BATCH_WRITE) {
      await deleteGroup(keys.slice(i, i + MAX_BATCH_WRITE), settings);
    }
    found += keys.length;
  }
  return found;
}

/**
 * Deletes every item of the user's partition, sweeping until a strongly consistent pass that
 * started after `writesSettledAt` finds it empty; resolves with how many deletes were issued.
 * Bounded: at most `maxPasses` passes that find items, one early empty pass, and the final one.
 */
export async function eraseUserPartition(userId: string, options: EraseOptions = {}): Promise<number> {
  const settings: Settings = {
    client: options.client ?? documentClient(),
    tableName: options.tableName ?? requireEnv('TABLE_NAME'),
    maxAttempts: options.maxAttempts ?? 8,
    baseDelayMs: options.baseDelayMs ?? 50,
  };
  const maxPasses = options.maxPasses ?? 5;
  const writesSettledAt = options.writesSettledAt ?? 0;
  let erased = 0;
  let passesWithItems = 0;

  for (;;) {
    const startedAt = Date.now();
    const found = await sweep(userId, settings);
    erased += found;
    if (found === 0) {
      if (startedAt >= writesSettledAt) return erased;
      await sleep(writesSettledAt - Date.now());
      continue;
    }
    passesWithItems += 1;
    if (passesWithItems >= maxPasses) {
      throw new PartitionNotErased(`The partition still had items after ${maxPasses} passes`);
    }
  }
}
