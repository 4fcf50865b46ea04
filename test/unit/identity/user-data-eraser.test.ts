import {
  DeleteObjectsCommand,
  type DeleteObjectsCommandInput,
  ListObjectsV2Command,
  type ListObjectsV2CommandInput,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { acceptedDetailTypes, handler } from '../../../functions/events/user-data-eraser';
import { DEFAULT_TIMEOUT_SECONDS, type FunctionSpec, functions } from '../../../lib/catalog/functions';
import { rules } from '../../../lib/catalog/rules';
import { eventBridgeEvent, lambdaContext, userDeleted, userSignedUp } from '../support/eventbridge-event';

const dynamo = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);
process.env.FILES_BUCKET = 'moneta-files-test';

/** The files bucket as keys; listing pages hold 2 keys here so that paging is exercised. */
let bucket: string[] = [];
function listObjects(input: ListObjectsV2CommandInput) {
  const matching = bucket.filter((key) => key.startsWith(input.Prefix ?? '')).sort();
  const start = input.ContinuationToken ? matching.indexOf(input.ContinuationToken) + 1 : 0;
  const page = matching.slice(start, start + 2);
  const more = start + 2 < matching.length;
  return {
    Contents: page.map((Key) => ({ Key })),
    IsTruncated: more,
    NextContinuationToken: more ? page.at(-1) : undefined,
  };
}
function deleteObjects(input: DeleteObjectsCommandInput) {
  const gone = new Set((input.Delete?.Objects ?? []).map((object) => object.Key));
  bucket = bucket.filter((key) => !gone.has(key));
  return { Errors: [] };
}

/** The table as sorted keys; Query pages hold 25 items here so that paging is exercised. */
const PAGE = 25;
let table: { pk: string; sk: string }[] = [];

function query(input: QueryCommandInput) {
  const pk = input.ExpressionAttributeValues?.[':pk'];
  const start = input.ExclusiveStartKey as { sk: string } | undefined;
  const partition = table
    .filter((item) => item.pk === pk && (!start || item.sk > start.sk))
    .sort((a, b) => a.sk.localeCompare(b.sk));
  const page = partition.slice(0, PAGE);
  return {
    Items: page.map((item) => ({ ...item })),
    LastEvaluatedKey: partition.length > PAGE ? { ...page[page.length - 1] } : undefined,
  };
}

/** Deletes what it is asked to, except that the first call leaves its last 3 deletes unprocessed. */
let throttleNext = true;
function batchWrite(input: BatchWriteCommandInput) {
  const [tableName, requests] = Object.entries(input.RequestItems ?? {})[0] as [
    string,
    { DeleteRequest: { Key: { pk: string; sk: string } } }[],
  ];
  const processed = throttleNext ? requests.slice(0, -3) : requests;
  const unprocessed = throttleNext ? requests.slice(-3) : [];
  throttleNext = false;
  for (const { DeleteRequest } of processed) {
    table = table.filter((item) => !(item.pk === DeleteRequest.Key.pk && item.sk === DeleteRequest.Key.sk));
  }
  return { UnprocessedItems: unprocessed.length ? { [tableName]: unprocessed } : {} };
}

const timeoutOf = (spec: FunctionSpec) => spec.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;

const erase = (userId = 'user-1') =>
  handler(eventBridgeEvent('UserDeleted', userDeleted({ userId })), lambdaContext('user-data-eraser'));
const batchWrites = () => dynamo.commandCalls(BatchWriteCommand).map((call) => call.args[0].input);

beforeEach(() => {
  dynamo.reset();
  throttleNext = true;
  table = [
    ...Array.from({ length: 60 }, (_, i) => ({ pk: 'USER#user-1', sk: `ITEM#${String(i).padStart(3, '0')}` })),
    { pk: 'USER#user-2', sk: 'PROFILE' },
    { pk: 'USER#user-2', sk: 'NOTIFY#welcome' },
  ];
  dynamo.on(QueryCommand).callsFake(query);
  dynamo.on(BatchWriteCommand).callsFake(batchWrite);
  s3.reset();
  bucket = [];
  s3.on(ListObjectsV2Command).callsFake(listObjects);
  s3.on(DeleteObjectsCommand).callsFake(deleteObjects);
});

test("deletes the user's export, imported statement and attachment files, and only theirs", async () => {
  bucket = [
    'exports/user-1/01A.xlsx',
    'exports/user-1/01A/part-00000-x.json',
    'exports/user-1/01A/part-00001-y.json',
    'exports/user-1/01B.csv',
    'exports/user-10/01C.csv',
    'exports/user-2/01D.xlsx',
    'imports/user-1/01E/statement',
    'imports/user-1/01E/rows.json',
    'imports/user-10/01F/statement',
    'attachments/user-1/01G',
    'attachments/user-10/01H',
  ];
  await erase();
  expect(bucket).toEqual([
    'exports/user-10/01C.csv',
    'exports/user-2/01D.xlsx',
    'imports/user-10/01F/statement',
    'attachments/user-10/01H',
  ]);
  expect(s3.commandCalls(ListObjectsV2Command).map((call) => call.args[0].input.Prefix)).toEqual(
    expect.arrayContaining(['exports/user-1/', 'imports/user-1/', 'attachments/user-1/']),
  );
  for (const call of s3.commandCalls(ListObjectsV2Command)) {
    expect(call.args[0].input).toMatchObject({ Bucket: 'moneta-files-test' });
    expect(['exports/user-1/', 'imports/user-1/', 'attachments/user-1/']).toContain(call.args[0].input.Prefix);
  }
  // A second delivery finds nothing left to delete.
  s3.resetHistory();
  await erase();
  expect(s3.commandCalls(DeleteObjectsCommand)).toHaveLength(0);
});

test('only a deleted user sets the eraser off: its rule routes UserDeleted and it refuses anything else', async () => {
  const rule = rules.find((candidate) => candidate.target === 'user-data-eraser');
  expect(rule?.detailTypes).toEqual(['UserDeleted']);
  expect(acceptedDetailTypes).toEqual(['UserDeleted']);
  const misrouted = eventBridgeEvent('UserSignedUp', userSignedUp({ userId: 'user-1' }));
  await expect(handler(misrouted, lambdaContext('user-data-eraser'))).rejects.toThrow('does not handle UserSignedUp');
  expect(dynamo.commandCalls(BatchWriteCommand)).toHaveLength(0);
});

test("pages through a deleted user's 60 items and deletes them all, retrying unprocessed deletes", async () => {
  await erase();

  expect(table).toEqual([
    { pk: 'USER#user-2', sk: 'PROFILE' },
    { pk: 'USER#user-2', sk: 'NOTIFY#welcome' },
  ]);
  const writes = batchWrites();
  for (const write of writes) expect(write.RequestItems?.['moneta-test']?.length).toBeLessThanOrEqual(25);
  // The 3 deletes left unprocessed by the first call were sent again, on their own.
  expect(writes[1]?.RequestItems?.['moneta-test']).toEqual(writes[0]?.RequestItems?.['moneta-test']?.slice(-3));

  const queries = dynamo.commandCalls(QueryCommand).map((call) => call.args[0].input);
  expect(queries.length).toBeGreaterThanOrEqual(3);
  for (const input of queries) {
    expect(input).toMatchObject({
      TableName: 'moneta-test',
      ExpressionAttributeValues: { ':pk': 'USER#user-1' },
      ProjectionExpression: '#pk, #sk',
      ConsistentRead: true,
    });
  }
});

test('a second delivery finds the partition empty and deletes nothing', async () => {
  await erase();
  dynamo.resetHistory();

  await erase();

  expect(batchWrites()).toHaveLength(0);
  expect(table).toHaveLength(2);
});

test('items written while the partition is being erased are caught by the next pass', async () => {
  let lateWrite = true;
  dynamo.on(QueryCommand).callsFake((input: QueryCommandInput) => {
    const page = query(input);
    if (lateWrite && !page.LastEvaluatedKey) {
      lateWrite = false;
      table.push({ pk: 'USER#user-1', sk: 'NOTIFY#late' });
    }
    return page;
  });

  await erase();

  expect(table.filter((item) => item.pk === 'USER#user-1')).toEqual([]);
});

test('deletes that stay unprocessed fail the invocation, so the event is retried', async () => {
  dynamo.on(BatchWriteCommand).callsFake((input: BatchWriteCommandInput) => ({ UnprocessedItems: input.RequestItems }));

  jest.useFakeTimers();
  try {
    const outcome = expect(erase()).rejects.toThrow('still unprocessed');
    // Well past the whole backoff schedule, well short of the function's timeout.
    await jest.advanceTimersByTimeAsync(15_000);
    await outcome;
  } finally {
    jest.useRealTimers();
  }
  expect(batchWrites().length).toBe(8); // 8 attempts at the first group of 25, then give up
});

describe('requests admitted before the deletion', () => {
  /** A UserDeleted whose profile was deleted at `deletedAt` (the stream record's time). */
  const erasedAt = (deletedAt: Date, userId = 'user-1') =>
    handler(
      eventBridgeEvent('UserDeleted', { ...userDeleted({ userId }), occurredAt: deletedAt.toISOString() }),
      lambdaContext('user-data-eraser'),
    );
  const itemsOfUser1 = () => table.filter((item) => item.pk === 'USER#user-1');

  afterEach(() => jest.useRealTimers());

  test('a write that lands after a pass found the partition empty is still erased', async () => {
    jest.useFakeTimers();
    const deletedAt = new Date();
    // A request that passed the account check just before the deletion writes 5 s later (a slow
    // request, well within an API function's timeout): after the eraser's first empty pass.
    setTimeout(() => table.push({ pk: 'USER#user-1', sk: 'ACCOUNT#late' }), 5_000);

    const erasing = erasedAt(deletedAt);
    await jest.advanceTimersByTimeAsync(60_000);
    await erasing;

    expect(itemsOfUser1()).toEqual([]);
  });

  test('no admitted request can still write by the final pass: it starts after the longest request', async () => {
    jest.useFakeTimers();
    const deletedAt = new Date();
    const passStarts: number[] = [];
    dynamo.on(QueryCommand).callsFake((input: QueryCommandInput) => {
      if (!input.ExclusiveStartKey) passStarts.push(Date.now() - deletedAt.getTime());
      return query(input);
    });

    const erasing = erasedAt(deletedAt);
    await jest.advanceTimersByTimeAsync(60_000);
    await erasing;

    const longestRequestMs =
      Math.max(...functions.filter((spec) => spec.entry.startsWith('functions/api/')).map(timeoutOf)) * 1_000;
    expect(passStarts.at(-1)).toBeGreaterThan(longestRequestMs);
  });

  test('an erasure that starts after that window has passed does not wait', async () => {
    const deletedAt = new Date(Date.now() - 10 * 60_000);
    const started = Date.now();

    await erasedAt(deletedAt);

    expect(itemsOfUser1()).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  test('a partition that keeps refilling fails the invocation after a bounded number of passes', async () => {
    let written = 0;
    dynamo.on(QueryCommand).callsFake((input: QueryCommandInput) => {
      const page = query(input);
      if (!page.LastEvaluatedKey) table.push({ pk: 'USER#user-1', sk: `ITEM#refill-${written++}` });
      return page;
    });

    await expect(erasedAt(new Date(Date.now() - 10 * 60_000))).rejects.toThrow('still had items');
    expect(written).toBeLessThanOrEqual(10);
  });
});
