import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../functions/ops/seed-rates';
import snapshot from '../../../shared/rates/data/eurofxref-hist.csv';
import { parseEcbCsv } from '../../../shared/rates/ecb-csv';
import { createRateStore } from '../../../shared/rates/store';
import { lambdaContext } from '../support/http-event';

const db = mockClient(DynamoDBDocumentClient);
const snapshotDays = parseEcbCsv(snapshot);
const LAST_DATE = '2026-04-13';

type Put = { PutRequest: { Item: Record<string, unknown> & { pk: string; sk: string } } };
/** What the table holds after the writes, by sort key. */
let written: Map<string, Record<string, unknown>>;

beforeEach(() => {
  db.reset();
  written = new Map();
  db.on(BatchWriteCommand).callsFake((input: BatchWriteCommandInput) => {
    for (const request of (input.RequestItems?.['moneta-test'] ?? []) as Put[]) {
      written.set(request.PutRequest.Item.sk, request.PutRequest.Item);
    }
    return {};
  });
  db.on(PutCommand).resolves({});
});

const seed = (event: Record<string, unknown> = {}) => handler(event as never, lambdaContext('seed-rates'));
const batchSizes = () =>
  db.commandCalls(BatchWriteCommand).map((c) => (c.args[0].input.RequestItems?.['moneta-test'] ?? []).length);

describe('seed-rates', () => {
  test('on a fresh table writes every day of the snapshot, 25 per call, then the marker', async () => {
    db.on(GetCommand).resolves({});

    const result = await seed({ RequestType: 'Create', ResourceProperties: {} });

    expect(result).toEqual({
      PhysicalResourceId: 'ecb-rates',
      Data: { days: snapshotDays.length, lastDate: LAST_DATE },
    });
    expect(snapshotDays.length).toBeGreaterThan(6900);
    expect(written.size).toBe(snapshotDays.length);
    expect(Math.max(...batchSizes())).toBe(25);
    expect(written.get('2026-04-13')).toEqual({
      pk: 'RATES#ECB',
      sk: '2026-04-13',
      type: 'RATES',
      date: '2026-04-13',
      rates: expect.objectContaining({ USD: '1.1684', JPY: '186.75' }),
    });
    // N/A cells are left out, not stored as rates.
    expect(written.get('2026-04-13')?.rates).not.toHaveProperty('BGN');

    const calls = db.calls().map((c) => c.args[0].constructor.name);
    expect(calls.at(-1)).toBe('PutCommand');
    expect(calls.indexOf('PutCommand')).toBe(calls.length - 1);
    expect(db.commandCalls(PutCommand)[0]?.args[0].input.Item).toMatchObject({
      pk: 'RATES#ECB',
      sk: 'SNAPSHOT',
      type: 'RATES',
      lastDate: LAST_DATE,
      days: snapshotDays.length,
    });
  });

  test('a second run (the local cloud at every start, a redeploy) finds the marker and writes nothing', async () => {
    db.on(GetCommand).resolves({
      Item: { pk: 'RATES#ECB', sk: 'SNAPSHOT', lastDate: LAST_DATE, days: snapshotDays.length },
    });

    const result = await seed({});

    expect(result).toEqual({
      PhysicalResourceId: 'ecb-rates',
      Data: { days: snapshotDays.length, lastDate: LAST_DATE },
    });
    expect(db.commandCalls(BatchWriteCommand)).toHaveLength(0);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
    expect(db.commandCalls(GetCommand)[0]?.args[0].input).toMatchObject({
      Key: { pk: 'RATES#ECB', sk: 'SNAPSHOT' },
      ConsistentRead: true,
    });
  });

  test('a newer snapshot than the one seeded is written again', async () => {
    db.on(GetCommand).resolves({ Item: { lastDate: '2025-12-31', days: 6900 } });

    await seed({ RequestType: 'Update' });

    expect(written.size).toBe(snapshotDays.length);
    expect(db.commandCalls(PutCommand)).toHaveLength(1);
  });

  test('deleting the custom resource leaves the rates alone', async () => {
    const result = await seed({ RequestType: 'Delete', PhysicalResourceId: 'ecb-rates' });

    expect(result).toEqual({ PhysicalResourceId: 'ecb-rates' });
    expect(db.calls()).toHaveLength(0);
  });

  test('items DynamoDB leaves unprocessed (throttling) are sent again until written', async () => {
    db.on(GetCommand).resolves({});
    let throttled = 0;
    db.on(BatchWriteCommand).callsFake((input: BatchWriteCommandInput) => {
      const requests = input.RequestItems?.['moneta-test'] as Put[];
      // Every other call leaves its last 5 requests unprocessed.
      const leftOver = requests.length > 5 && throttled++ % 2 === 0 ? requests.slice(-5) : [];
      for (const request of requests.slice(0, requests.length - leftOver.length)) {
        written.set(request.PutRequest.Item.sk, request.PutRequest.Item);
      }
      return { UnprocessedItems: leftOver.length ? { 'moneta-test': leftOver } : {} };
    });

    await seed({});

    expect(throttled).toBeGreaterThan(0);
    expect(written.size).toBe(snapshotDays.length);
    expect(db.commandCalls(PutCommand)).toHaveLength(1);
  });
});

describe('rate store writeDays', () => {
  const store = createRateStore({ db: DynamoDBDocumentClient.from(new DynamoDBClient({})), tableName: 'moneta-test' });

  test('gives up on days still unprocessed at the deadline, so the run fails (before the marker is written)', async () => {
    db.on(BatchWriteCommand).callsFake((input: BatchWriteCommandInput) => ({ UnprocessedItems: input.RequestItems }));

    await expect(
      store.writeDays(snapshotDays.slice(0, 30), { deadline: Date.now() + 200, baseDelayMs: 5, maxDelayMs: 20 }),
    ).rejects.toThrow(/unwritten by the deadline/);
    // Both batches (25 + 5) were tried more than once before the deadline.
    expect(db.commandCalls(BatchWriteCommand).length).toBeGreaterThan(2);
  });

  test('rides out a long throttle, errors included, as long as the deadline allows', async () => {
    let calls = 0;
    db.on(BatchWriteCommand).callsFake(() => {
      calls++;
      // Twelve throttled calls in a row (a fixed number of attempts would have given up), then writes.
      if (calls <= 12)
        throw Object.assign(new Error('Throughput exceeds the current capacity'), {
          name: 'ProvisionedThroughputExceededException',
        });
      return {};
    });

    await store.writeDays(snapshotDays.slice(0, 25), { deadline: Date.now() + 30_000, baseDelayMs: 1, maxDelayMs: 2 });

    expect(calls).toBe(13);
  });

  test('does not retry an error that is not throttling', async () => {
    db.on(BatchWriteCommand).rejects(Object.assign(new Error('no such table'), { name: 'ResourceNotFoundException' }));
    await expect(store.writeDays(snapshotDays.slice(0, 25), { baseDelayMs: 1 })).rejects.toThrow('no such table');
    expect(db.commandCalls(BatchWriteCommand)).toHaveLength(1);
  });

  test('keeps at most `concurrency` calls in flight', async () => {
    let inFlight = 0;
    let most = 0;
    db.on(BatchWriteCommand).callsFake(async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
      return {};
    });

    await store.writeDays(snapshotDays.slice(0, 500), { concurrency: 3 });

    expect(most).toBe(3);
    expect(db.commandCalls(BatchWriteCommand)).toHaveLength(20);
  });
});
