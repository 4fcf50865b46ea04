/**
 * What the benchmarks share: a DynamoDB client that meters consumed capacity, and percentiles.
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type LocalCloud, startLocalCloud, stopLocalCloud } from '../e2e/support/local-cloud-process';
import { OUTPUTS_FILE_VARIABLE, type StackOutputs, stackOutputs } from '../e2e/support/outputs';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Runs `work` against a fresh in-memory local cloud and stops it afterwards — also on Ctrl-C, so
 * no cloud (and no DynamoDB Local JVM) outlives an interrupted benchmark.
 */
export async function withLocalCloud(
  name: string,
  work: (outputs: StackOutputs, cloud: LocalCloud) => Promise<void>,
): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), `moneta-bench-${name}-`));
  const started = Date.now();
  let cloud: LocalCloud | undefined;
  try {
    cloud = await startLocalCloud(ROOT, workDir);
    const child = cloud.child;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => void stopLocalCloud(child).finally(() => process.exit(130)));
    }
    process.env[OUTPUTS_FILE_VARIABLE] = cloud.outputsFile;
    const outputs = stackOutputs();
    console.log(`Local cloud (in memory) ready in ${Date.now() - started} ms at ${outputs.ApiUrl}`);
    await work(outputs, cloud);
  } finally {
    if (cloud) await stopLocalCloud(cloud.child);
  }
}

/** Nearest-rank percentile of samples (ms), rounded to 0.1. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return Math.round((sorted[rank - 1] ?? Number.NaN) * 10) / 10;
}

/** Capacity units; `indexWrite` is the part of `write` spent on keeping the GSIs up to date. */
export type Capacity = { read: number; write: number; indexWrite: number; calls: number };

/**
 * A document client whose every command asks DynamoDB for its consumed capacity, summed into
 * `meter.total` (reads: GetItem/Query/BatchGet; writes: everything else, transactions included).
 */
export function meteredClient(outputs: StackOutputs) {
  const total: Capacity = { read: 0, write: 0, indexWrite: 0, calls: 0 };
  const client = new DynamoDBClient({
    region: outputs.Region,
    endpoint: outputs.DynamoDbEndpoint,
    // DynamoDB Local accepts any credentials; never pick up a developer's real ones for it.
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      // INDEXES: the total, and how much of it went to the table and to each index.
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'INDEXES';
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
      const entries = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as {
        CapacityUnits?: number;
        GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
      }[];
      const units = entries.reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
      const onIndexes = entries
        .flatMap((entry) => Object.values(entry.GlobalSecondaryIndexes ?? {}))
        .reduce((sum, index) => sum + (index.CapacityUnits ?? 0), 0);
      if (/^(GetItem|Query|BatchGetItem|TransactGetItems)/.test(context.commandName ?? '')) total.read += units;
      else {
        total.write += units;
        total.indexWrite += onIndexes;
      }
      total.calls += 1;
      return result;
    },
    // Before the serializer, after lib-dynamodb has marshalled the input.
    { step: 'serialize', priority: 'high', name: 'consumedCapacityMeter' },
  );
  const db = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  /** The capacity `work` consumed. */
  async function measure(work: () => Promise<unknown>): Promise<Capacity> {
    const before = { ...total };
    await work();
    return {
      read: total.read - before.read,
      write: total.write - before.write,
      indexWrite: total.indexWrite - before.indexWrite,
      calls: total.calls - before.calls,
    };
  }
  return { db, measure, destroy: () => client.destroy() };
}
