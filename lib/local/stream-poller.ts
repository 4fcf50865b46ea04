/**
 * The local event-source mapping: reads the table's stream from DynamoDB Local and invokes the
 * stream publisher with Lambda-shaped DynamoDB events, with the settings the stack gives the real
 * mapping (lib/catalog/stream-filters.ts):
 *  - filter patterns: a record no pattern matches is skipped and never costs an invocation;
 *  - batches of at most `batchSize`, one batch per shard at a time, parent shards before children;
 *  - `reportBatchItemFailures`: the batch is retried from the first failed sequence number;
 *  - a thrown error bisects the batch (splitting does not use up retries) and retries;
 *  - after `retryAttempts` the batch's metadata goes to the failure log (the on-failure
 *    destination) and the shard moves on;
 *  - a checkpoint per shard, so a restart resumes AFTER the last handled sequence number.
 */
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
  type ShardIteratorType,
  type _Record as StreamRecord,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import type { FunctionId } from '../catalog/functions';
import type { streamSourceSettings } from '../catalog/stream-filters';
import type { Invoker } from './contracts';
import { LOCAL_CLIENT_CONFIG } from './dynamodb-local';
import { matchesPattern } from './event-pattern';

/** One record as Lambda hands it to a DynamoDB-stream handler. */
export type LambdaStreamRecord = {
  eventID: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  eventVersion: string;
  eventSource: 'aws:dynamodb';
  awsRegion: string;
  dynamodb: Record<string, unknown> & { SequenceNumber: string };
  eventSourceARN: string;
  userIdentity?: { type: string; principalId: string };
};

type Checkpoints = {
  streamArn?: string;
  /** Last handled sequence number per shard. */
  shards: Record<string, string>;
  /** Closed shards read to their end: never read again. */
  finished: string[];
};

type ShardState = { shard: Shard; iterator?: string };

/** The mapping's settings, widened from the catalogue's literal types so tests can vary them. */
export type StreamSourceSettings = {
  [K in keyof typeof streamSourceSettings]: (typeof streamSourceSettings)[K] extends number
    ? number
    : (typeof streamSourceSettings)[K] extends boolean
      ? boolean
      : (typeof streamSourceSettings)[K];
};

export async function startStreamPoller(opts: {
  dynamodbEndpoint: string;
  tableName: string;
  invoker: Invoker;
  functionId: FunctionId;
  filters: readonly Record<string, unknown>[];
  settings: StreamSourceSettings;
  checkpointFile?: string;
  pollIntervalMs?: number;
  /** Where poison batches are recorded; defaults to failures.jsonl next to the checkpoint file. */
  failureFile?: string;
  region?: string;
}): Promise<{ stop(): Promise<void>; whenIdle(): Promise<void> }> {
  const pollIntervalMs = opts.pollIntervalMs ?? 100;
  const region = opts.region ?? LOCAL_CLIENT_CONFIG.region;
  const settings = opts.settings;
  const failureFile = opts.failureFile ?? (opts.checkpointFile && join(dirname(opts.checkpointFile), 'failures.jsonl'));
  const streams = new DynamoDBStreamsClient({ ...LOCAL_CLIENT_CONFIG, endpoint: opts.dynamodbEndpoint });

  const streamArn = await latestStreamArn(opts.dynamodbEndpoint, opts.tableName);
  let checkpoints = await loadCheckpoints(opts.checkpointFile);
  if (checkpoints.streamArn !== streamArn) {
    // The table was recreated (new stream): old positions mean nothing there.
    checkpoints = { streamArn, shards: {}, finished: [] };
  }
  const shards = new Map<string, ShardState>();

  let stopped = false;
  let wake: (() => void) | undefined;
  /** Passes started so far; a pass's index is the count before it started. */
  let passesStarted = 0;
  let idleWaiters: { after: number; resolve: () => void; reject: (e: unknown) => void }[] = [];

  // --- reading ---------------------------------------------------------------------------------

  async function refreshShards(): Promise<void> {
    let exclusiveStartShardId: string | undefined;
    do {
      const page = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }),
      );
      for (const shard of page.StreamDescription?.Shards ?? []) {
        const id = shard.ShardId!;
        if (!shards.has(id) && !checkpoints.finished.includes(id)) shards.set(id, { shard });
        else if (shards.has(id)) shards.get(id)!.shard = shard;
      }
      exclusiveStartShardId = page.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
  }

  /** A child shard waits until its parent has been read to the end, which keeps per-key order. */
  function readable(state: ShardState): boolean {
    const parent = state.shard.ParentShardId;
    return !parent || !shards.has(parent);
  }

  async function iteratorFor(state: ShardState): Promise<string | undefined> {
    if (state.iterator) return state.iterator;
    const id = state.shard.ShardId!;
    const after = checkpoints.shards[id];
    const type: ShardIteratorType = after ? 'AFTER_SEQUENCE_NUMBER' : settings.startingPosition;
    try {
      const answer = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: id,
          ShardIteratorType: type,
          SequenceNumber: after,
        }),
      );
      state.iterator = answer.ShardIterator;
    } catch (error) {
      if (!(error instanceof TrimmedDataAccessException)) throw error;
      // The checkpoint fell off the 24 h retention window: like Lambda, carry on at the oldest record.
      const answer = await streams.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: id, ShardIteratorType: 'TRIM_HORIZON' }),
      );
      state.iterator = answer.ShardIterator;
    }
    return state.iterator;
  }

  /** Reads and handles one page of a shard; returns how many records it read. */
  async function pollShard(state: ShardState): Promise<number> {
    const id = state.shard.ShardId!;
    const iterator = await iteratorFor(state);
    if (!iterator) return finishShard(id);
    let page: Awaited<ReturnType<typeof getRecords>>;
    try {
      page = await getRecords(iterator);
    } catch (error) {
      if (!(error instanceof ExpiredIteratorException)) throw error;
      state.iterator = undefined; // re-open at the checkpoint next pass
      return 0;
    }
    const records = page.Records ?? [];
    if (records.length > 0) {
      const lambdaRecords = records.map((r) => toLambdaRecord(r, streamArn, region));
      const matching = lambdaRecords.filter((r) => opts.filters.some((pattern) => matchesPattern(pattern, r)));
      if (matching.length > 0) await deliver(id, matching);
      await checkpoint(id, lambdaRecords.at(-1)!.dynamodb.SequenceNumber);
    }
    state.iterator = page.NextShardIterator;
    if (!page.NextShardIterator) await finishShard(id);
    return records.length;
  }

  function getRecords(iterator: string) {
    return streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: settings.batchSize }));
  }

  async function finishShard(id: string): Promise<number> {
    shards.delete(id);
    if (!checkpoints.finished.includes(id)) checkpoints.finished.push(id);
    await saveCheckpoints();
    return 0;
  }

  // --- delivering ------------------------------------------------------------------------------

  type Pending = { records: LambdaStreamRecord[]; retries: number };

  /** Hands `records` (in order) to the function until each is handled or given up on. */
  async function deliver(shardId: string, records: LambdaStreamRecord[]): Promise<void> {
    const queue: Pending[] = [{ records, retries: 0 }];
    while (queue.length > 0 && !stopped) {
      const batch = queue[0]!;
      const outcome = await invoke(batch.records);
      if (outcome.ok) {
        queue.shift();
        await checkpoint(shardId, batch.records.at(-1)!.dynamodb.SequenceNumber);
        continue;
      }
      if (outcome.failedFrom !== undefined && outcome.failedFrom > 0) {
        // Everything before the first failed record is done; only the rest is retried.
        await checkpoint(shardId, batch.records[outcome.failedFrom - 1]!.dynamodb.SequenceNumber);
        batch.records = batch.records.slice(outcome.failedFrom);
      } else if (outcome.threw && settings.bisectBatchOnError && batch.records.length > 1) {
        const half = Math.ceil(batch.records.length / 2);
        queue.splice(
          0,
          1,
          { records: batch.records.slice(0, half), retries: batch.retries },
          { records: batch.records.slice(half), retries: batch.retries },
        );
        continue;
      }
      batch.retries++;
      if (batch.retries > settings.retryAttempts) {
        queue.shift();
        await recordFailure(shardId, batch, outcome.error);
        await checkpoint(shardId, batch.records.at(-1)!.dynamodb.SequenceNumber);
        continue;
      }
      await sleep(Math.min(pollIntervalMs * 2 ** batch.retries, 5000));
    }
  }

  type Outcome = { ok: true } | { ok: false; threw: boolean; failedFrom?: number; error: string };

  async function invoke(records: LambdaStreamRecord[]): Promise<Outcome> {
    let answer: unknown;
    try {
      answer = await opts.invoker.invoke(opts.functionId, { Records: records });
    } catch (error) {
      return { ok: false, threw: true, error: error instanceof Error ? error.message : String(error) };
    }
    if (!settings.reportBatchItemFailures) return { ok: true };
    const failures = isRecord(answer) ? answer.batchItemFailures : undefined;
    if (failures === undefined || failures === null || (Array.isArray(failures) && failures.length === 0)) {
      return { ok: true };
    }
    // Lambda's rule: an unreadable answer or an unknown identifier fails the whole batch.
    const ids = Array.isArray(failures) ? failures.map((f) => (isRecord(f) ? f.itemIdentifier : undefined)) : [];
    const indexes = ids.map((id) => records.findIndex((r) => r.dynamodb.SequenceNumber === id));
    if (indexes.length === 0 || indexes.some((i) => i < 0)) {
      return { ok: false, threw: false, failedFrom: 0, error: 'Invalid batchItemFailures: whole batch failed' };
    }
    const failedFrom = Math.min(...indexes);
    return { ok: false, threw: false, failedFrom, error: `batchItemFailures from record ${failedFrom}` };
  }

  /** The on-failure destination: where and what failed, never the records' contents. */
  async function recordFailure(shardId: string, batch: Pending, error: string): Promise<void> {
    const first = batch.records[0]!.dynamodb;
    const last = batch.records.at(-1)!.dynamodb;
    const entry = {
      at: new Date().toISOString(),
      functionId: opts.functionId,
      streamArn,
      shardId,
      startSequenceNumber: first.SequenceNumber,
      endSequenceNumber: last.SequenceNumber,
      batchSize: batch.records.length,
      approximateArrivalOfFirstRecord: new Date(Number(first.ApproximateCreationDateTime) * 1000).toISOString(),
      approximateArrivalOfLastRecord: new Date(Number(last.ApproximateCreationDateTime) * 1000).toISOString(),
      condition: 'RetryAttemptsExhausted',
      error,
    };
    console.warn(
      `[stream] ${opts.functionId} gave up on ${entry.batchSize} record(s) of ${shardId} after ${settings.retryAttempts} retries`,
    );
    if (failureFile) {
      await mkdir(dirname(failureFile), { recursive: true });
      await appendFile(failureFile, `${JSON.stringify(entry)}\n`);
    }
  }

  // --- checkpoints ---------------------------------------------------------------------------

  async function checkpoint(shardId: string, sequenceNumber: string): Promise<void> {
    checkpoints.shards[shardId] = sequenceNumber;
    await saveCheckpoints();
  }

  async function saveCheckpoints(): Promise<void> {
    if (!opts.checkpointFile) return;
    await mkdir(dirname(opts.checkpointFile), { recursive: true });
    // Write-then-rename: a crash mid-write never leaves a torn checkpoint file.
    const tmp = `${opts.checkpointFile}.tmp`;
    await writeFile(tmp, JSON.stringify(checkpoints, null, 2));
    await rename(tmp, opts.checkpointFile);
  }

  // --- the loop --------------------------------------------------------------------------------

  async function pass(): Promise<void> {
    const index = passesStarted++;
    await refreshShards();
    let read = 0;
    for (const state of [...shards.values()]) {
      if (stopped) return;
      if (readable(state)) read += await pollShard(state);
    }
    if (read > 0) return;
    // Idle means a pass that began after the caller asked found nothing left to read.
    idleWaiters = idleWaiters.filter((waiter) => {
      if (waiter.after > index) return true;
      waiter.resolve();
      return false;
    });
  }

  const loop = (async () => {
    while (!stopped) {
      try {
        await pass();
      } catch (error) {
        console.error('[stream] poll failed:', error instanceof Error ? error.message : error);
        for (const waiter of idleWaiters.splice(0)) waiter.reject(error);
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollIntervalMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  })();

  return {
    whenIdle: () => new Promise<void>((resolve, reject) => idleWaiters.push({ after: passesStarted, resolve, reject })),
    stop: async () => {
      stopped = true;
      wake?.();
      await loop;
      for (const w of idleWaiters.splice(0)) w.resolve();
      streams.destroy();
    },
  };
}

async function latestStreamArn(endpoint: string, tableName: string): Promise<string> {
  const client = new DynamoDBClient({ ...LOCAL_CLIENT_CONFIG, endpoint });
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (!Table?.LatestStreamArn) throw new Error(`Table ${tableName} has no stream; create it with ensureTable`);
    return Table.LatestStreamArn;
  } finally {
    client.destroy();
  }
}

async function loadCheckpoints(file: string | undefined): Promise<Checkpoints> {
  if (!file) return { shards: {}, finished: [] };
  const raw = await readFile(file, 'utf8').catch(() => undefined);
  if (!raw) return { shards: {}, finished: [] };
  const parsed = JSON.parse(raw) as Partial<Checkpoints>;
  return { streamArn: parsed.streamArn, shards: parsed.shards ?? {}, finished: parsed.finished ?? [] };
}

/**
 * The SDK's record → Lambda's record: epoch seconds instead of a Date, binary as base64, and the
 * stream ARN that Lambda adds.
 */
function toLambdaRecord(record: StreamRecord, streamArn: string, region: string): LambdaStreamRecord {
  const ddb = record.dynamodb ?? {};
  const dynamodb: LambdaStreamRecord['dynamodb'] = {
    ApproximateCreationDateTime:
      ddb.ApproximateCreationDateTime instanceof Date
        ? Math.floor(ddb.ApproximateCreationDateTime.getTime() / 1000)
        : ddb.ApproximateCreationDateTime,
    Keys: plain(ddb.Keys),
    ...(ddb.NewImage && { NewImage: plain(ddb.NewImage) }),
    ...(ddb.OldImage && { OldImage: plain(ddb.OldImage) }),
    SequenceNumber: ddb.SequenceNumber!,
    SizeBytes: ddb.SizeBytes,
    StreamViewType: ddb.StreamViewType,
  };
  return {
    eventID: record.eventID!,
    eventName: record.eventName as LambdaStreamRecord['eventName'],
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    dynamodb,
    eventSourceARN: streamArn,
    ...(record.userIdentity && {
      userIdentity: { type: record.userIdentity.Type!, principalId: record.userIdentity.PrincipalId! },
    }),
  };
}

/** Attribute values as JSON: Uint8Array (B, BS) becomes base64 like in Lambda's event. */
function plain(value: unknown): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(value ?? {}, (_key, v) =>
      v instanceof Uint8Array || (isRecord(v) && v.type === 'Buffer' && Array.isArray(v.data))
        ? Buffer.from(v instanceof Uint8Array ? v : (v.data as number[])).toString('base64')
        : v,
    ),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
