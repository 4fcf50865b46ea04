/**
 * The stream poller against a real DynamoDB Local (in memory): real stream records, real shard
 * iterators, real sequence numbers. Each test uses its own table, so its own stream.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { streamFilterPatterns, streamSourceSettings } from '../../../lib/catalog/stream-filters';
import type { RunningService } from '../../../lib/local/contracts';
import { ensureTable, startDynamoDbLocal } from '../../../lib/local/dynamodb-local';
import {
  type LambdaStreamRecord,
  type StreamSourceSettings,
  startStreamPoller,
} from '../../../lib/local/stream-poller';
import { tableDefinition } from '../../../shared/kit/dynamodb/table-definition';
import { freePort } from './support-l1/free-port';
import { handlerFailure, recordingInvoker } from './support-l1/recording-invoker';

jest.setTimeout(60_000);

let dynamodb: RunningService;
let raw: DynamoDBClient;
let doc: DynamoDBDocumentClient;
let dir: string;
let tableCount = 0;

beforeAll(async () => {
  dynamodb = await startDynamoDbLocal({ port: await freePort() });
  raw = new DynamoDBClient({
    endpoint: dynamodb.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  doc = DynamoDBDocumentClient.from(raw);
});
afterAll(async () => {
  raw?.destroy();
  await dynamodb?.stop();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stream-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function newTable(): Promise<string> {
  const name = `moneta-${++tableCount}`;
  await ensureTable(dynamodb.url, name);
  return name;
}

const profile = (id: string, extra: Record<string, unknown> = {}) => ({
  pk: `USER#${id}`,
  sk: 'PROFILE',
  type: 'PROFILE',
  userId: id,
  version: 1,
  ...extra,
});
const put = (table: string, item: Record<string, unknown>) =>
  doc.send(new PutCommand({ TableName: table, Item: item }));

type Poller = Awaited<ReturnType<typeof startStreamPoller>>;
const settings: StreamSourceSettings = { ...streamSourceSettings, retryAttempts: 2 };

function poll(
  table: string,
  invoker: ReturnType<typeof recordingInvoker>,
  overrides: Partial<StreamSourceSettings> = {},
): Promise<Poller> {
  return startStreamPoller({
    dynamodbEndpoint: dynamodb.url,
    tableName: table,
    invoker,
    functionId: 'stream-publisher',
    filters: streamFilterPatterns,
    settings: { ...settings, ...overrides },
    checkpointFile: join(dir, 'stream', 'checkpoints.json'),
    pollIntervalMs: 20,
  });
}

const recordsOf = (invoker: ReturnType<typeof recordingInvoker>) =>
  invoker.calls.map((call) => (call.event as { Records: LambdaStreamRecord[] }).Records);
const userIds = (records: LambdaStreamRecord[]) =>
  records.map((r) => ((r.dynamodb.NewImage ?? r.dynamodb.OldImage) as { userId: { S: string } }).userId.S);

describe('ensureTable', () => {
  it('adds an index the definition gained since the table was created, keeping the items', async () => {
    const name = `moneta-old-${++tableCount}`;
    await raw.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    await put(name, profile('kept'));

    await ensureTable(dynamodb.url, name);

    const { Table } = await raw.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(
      tableDefinition.globalSecondaryIndexes.map((gsi) => gsi.indexName),
    );
    expect(Table?.ItemCount).toBe(1);
  });

  it('creates the table from the shared definition, once', async () => {
    const name = await newTable();
    await ensureTable(dynamodb.url, name); // a second start finds it and changes nothing

    const { Table } = await raw.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    // Every index of the shared definition, with its keys: the stack and the laptop cannot drift.
    const indexes = Table?.GlobalSecondaryIndexes?.map((i) => ({
      indexName: i.IndexName,
      partitionKey: i.KeySchema?.find((k) => k.KeyType === 'HASH')?.AttributeName,
      sortKey: i.KeySchema?.find((k) => k.KeyType === 'RANGE')?.AttributeName,
      projection: i.Projection?.ProjectionType,
    }));
    expect(indexes?.sort((a, b) => String(a.indexName).localeCompare(String(b.indexName)))).toEqual(
      tableDefinition.globalSecondaryIndexes.map((gsi) => ({ ...gsi, projection: 'ALL' })),
    );
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    const ttl = await raw.send(new DescribeTimeToLiveCommand({ TableName: name }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ AttributeName: 'expiresAt', TimeToLiveStatus: 'ENABLED' });
  });
});

describe('stream poller', () => {
  it('hands the publisher Lambda-shaped records for inserts, updates and deletes, in order', async () => {
    const table = await newTable();
    const invoker = recordingInvoker();
    const poller = await poll(table, invoker);
    try {
      await put(table, profile('a'));
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: { pk: 'USER#a', sk: 'PROFILE' },
          UpdateExpression: 'SET version = :v',
          ExpressionAttributeValues: { ':v': 2 },
        }),
      );
      await doc.send(new DeleteCommand({ TableName: table, Key: { pk: 'USER#a', sk: 'PROFILE' } }));
      await poller.whenIdle();
    } finally {
      await poller.stop();
    }

    const records = recordsOf(invoker).flat();
    expect(invoker.calls.every((c) => c.functionId === 'stream-publisher')).toBe(true);
    expect(records.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    const [insert, modify, remove] = records;
    expect(insert).toEqual({
      eventID: expect.any(String),
      eventName: 'INSERT',
      eventVersion: expect.any(String),
      eventSource: 'aws:dynamodb',
      awsRegion: 'eu-west-1',
      eventSourceARN: expect.stringContaining(`table/${table}/stream/`),
      dynamodb: {
        ApproximateCreationDateTime: expect.any(Number),
        Keys: { pk: { S: 'USER#a' }, sk: { S: 'PROFILE' } },
        NewImage: {
          pk: { S: 'USER#a' },
          sk: { S: 'PROFILE' },
          type: { S: 'PROFILE' },
          userId: { S: 'a' },
          version: { N: '1' },
        },
        SequenceNumber: expect.any(String),
        SizeBytes: expect.any(Number),
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    });
    // Epoch seconds, like Lambda (the SDK would give a Date).
    expect(Math.abs((insert!.dynamodb.ApproximateCreationDateTime as number) - Date.now() / 1000)).toBeLessThan(120);
    expect(modify!.dynamodb.OldImage).toMatchObject({ version: { N: '1' } });
    expect(modify!.dynamodb.NewImage).toMatchObject({ version: { N: '2' } });
    expect(remove!.dynamodb.OldImage).toMatchObject({ userId: { S: 'a' } });
    expect(remove!.dynamodb.NewImage).toBeUndefined();
  });

  it('skips records no filter matches (non-domain items) without invoking for them', async () => {
    const table = await newTable();
    const invoker = recordingInvoker();
    const poller = await poll(table, invoker);
    try {
      await put(table, { pk: 'USER#a', sk: 'NOTIFYCAP#2026-01-01T09', type: 'NOTIFICATION_CAP' });
      await poller.whenIdle();
      expect(invoker.calls).toHaveLength(0);

      await put(table, { pk: 'USER#a', sk: 'NOTIFYCAP#2026-01-01T10', type: 'NOTIFICATION_CAP' });
      await put(table, profile('b'));
      await poller.whenIdle();
    } finally {
      await poller.stop();
    }
    expect(recordsOf(invoker).map(userIds)).toEqual([['b']]);
  });

  it('re-delivers from the first failed record when the publisher reports batch item failures', async () => {
    const table = await newTable();
    // Write first, so the three records arrive in one batch.
    for (const id of ['a', 'b', 'c']) await put(table, profile(id));
    const invoker = recordingInvoker((_fn, event, call) => {
      if (call > 1) return { batchItemFailures: [] };
      const [, second] = (event as { Records: LambdaStreamRecord[] }).Records;
      return { batchItemFailures: [{ itemIdentifier: second!.dynamodb.SequenceNumber }] };
    });
    const poller = await poll(table, invoker);
    try {
      await poller.whenIdle();
    } finally {
      await poller.stop();
    }
    expect(recordsOf(invoker).map(userIds)).toEqual([
      ['a', 'b', 'c'],
      ['b', 'c'],
    ]);
  });

  it('bisects a batch whose invocation throws, and gives up on the poison record only', async () => {
    const table = await newTable();
    for (const id of ['a', 'b', 'poison', 'd']) await put(table, profile(id));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    const invoker = recordingInvoker((_fn, event) => {
      if (userIds((event as { Records: LambdaStreamRecord[] }).Records).includes('poison')) {
        throw handlerFailure('stream-publisher');
      }
    });
    const poller = await poll(table, invoker);
    try {
      await poller.whenIdle();
    } finally {
      await poller.stop();
      warn.mockRestore();
    }
    const succeeded = recordsOf(invoker)
      .filter((records) => !userIds(records).includes('poison'))
      .flatMap(userIds);
    expect(succeeded).toEqual(['a', 'b', 'd']);
    // The poison record alone: first try + 2 retries.
    expect(recordsOf(invoker).filter((r) => r.length === 1 && userIds(r)[0] === 'poison')).toHaveLength(3);

    const failures = (await readFile(join(dir, 'stream', 'failures.jsonl'), 'utf8')).trim().split('\n');
    expect(failures).toHaveLength(1);
    const failure = JSON.parse(failures[0]!);
    expect(failure).toMatchObject({
      functionId: 'stream-publisher',
      batchSize: 1,
      condition: 'RetryAttemptsExhausted',
    });
    // The on-failure record says where, not what: no item content.
    expect(failures[0]).not.toContain('poison');
  });

  it('resumes after its checkpoint on restart: nothing twice, nothing lost', async () => {
    const table = await newTable();
    const first = recordingInvoker();
    let poller = await poll(table, first);
    await put(table, profile('a'));
    await poller.whenIdle();
    await poller.stop();

    await put(table, profile('b')); // written while no poller runs
    const second = recordingInvoker();
    poller = await poll(table, second);
    try {
      await poller.whenIdle();
    } finally {
      await poller.stop();
    }
    expect(recordsOf(first).map(userIds)).toEqual([['a']]);
    expect(recordsOf(second).map(userIds)).toEqual([['b']]);
    const checkpoints = JSON.parse(await readFile(join(dir, 'stream', 'checkpoints.json'), 'utf8'));
    expect(Object.values(checkpoints.shards)).toContain(recordsOf(second)[0]![0]!.dynamodb.SequenceNumber);
  });

  it('delivers in batches of at most batchSize', async () => {
    const table = await newTable();
    for (const id of ['a', 'b', 'c', 'd', 'e']) await put(table, profile(id));
    const invoker = recordingInvoker();
    const poller = await poll(table, invoker, { batchSize: 2 });
    try {
      await poller.whenIdle();
    } finally {
      await poller.stop();
    }
    expect(recordsOf(invoker).map(userIds)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });
});
