import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../functions/events/stream-publisher';
import { lambdaContext } from '../support/eventbridge-event';
import {
  insertOf,
  modifyOf,
  notificationCapItem,
  notificationItem,
  profileItem,
  removeOf,
  streamEvent,
} from '../support/stream-records';

const eventBridge = mockClient(EventBridgeClient);
const sqs = mockClient(SQSClient);

/** The entries parked in the retry queue, one message each, in order. */
const parked = () =>
  sqs.commandCalls(SendMessageCommand).map((call) => {
    expect(call.args[0].input.QueueUrl).toBe(process.env.RETRY_QUEUE_URL);
    return JSON.parse(call.args[0].input.MessageBody!) as {
      kind: string;
      retries: number;
      entries: { DetailType: string; Detail: string; EventBusName: string; Time: string }[];
    };
  });
const parkedUsers = () =>
  parked().flatMap((message) => message.entries.map((entry) => JSON.parse(entry.Detail).userId));

const acceptAll = () =>
  eventBridge.on(PutEventsCommand).callsFake((input: { Entries: PutEventsRequestEntry[] }) => ({
    FailedEntryCount: 0,
    Entries: input.Entries.map((_, index) => ({ EventId: `event-id-${index}` })),
  }));

const publish = (records: Parameters<typeof streamEvent>[0]) => handler(streamEvent(records), lambdaContext());

/** Every entry sent, in order, across all PutEvents calls. */
const sentEntries = () =>
  eventBridge.commandCalls(PutEventsCommand).flatMap((call) => call.args[0].input.Entries ?? []);
const sentDetail = (index = 0) => JSON.parse(sentEntries()[index]!.Detail!);

const { pk: _pk, sk: _sk, ...storedProfile } = profileItem();

beforeEach(() => {
  eventBridge.reset();
  sqs.reset();
  sqs.on(SendMessageCommand).resolves({ MessageId: 'parked' });
  acceptAll();
});

describe('mapping a profile change to a User* event', () => {
  test('INSERT of a profile publishes UserSignedUp with the new image as data', async () => {
    const record = insertOf(profileItem(), { eventID: 'stream-1', approximateCreationDateTime: 1_740_819_601 });

    const result = await publish([record]);

    expect(result).toEqual({ batchItemFailures: [] });
    expect(sentEntries()).toEqual([
      {
        Source: 'moneta',
        DetailType: 'UserSignedUp',
        EventBusName: 'moneta-test',
        Time: new Date(1_740_819_601_000),
        Detail: expect.any(String),
      },
    ]);
    expect(sentDetail()).toEqual({
      sourceEventId: 'stream-1',
      userId: 'user-1',
      id: 'user-1',
      version: 1,
      occurredAt: '2025-03-01T09:00:00.000Z',
      data: storedProfile,
    });
  });

  test('MODIFY publishes UserUpdated with data and previous, at the new updatedAt and version', async () => {
    const before = profileItem();
    const after = profileItem({ name: 'Ada King', version: 2, updatedAt: '2025-03-05T12:00:00.000Z' });

    await publish([modifyOf(before, after, { eventID: 'stream-2' })]);

    expect(sentEntries()[0]!.DetailType).toBe('UserUpdated');
    expect(sentDetail()).toEqual({
      sourceEventId: 'stream-2',
      userId: 'user-1',
      id: 'user-1',
      version: 2,
      occurredAt: '2025-03-05T12:00:00.000Z',
      data: { ...storedProfile, name: 'Ada King', version: 2, updatedAt: '2025-03-05T12:00:00.000Z' },
      previous: storedProfile,
    });
  });

  test('REMOVE publishes UserDeleted with previous only, at the time of the deletion', async () => {
    await publish([removeOf(profileItem(), { eventID: 'stream-3', approximateCreationDateTime: 1_741_000_000 })]);

    expect(sentEntries()[0]!.DetailType).toBe('UserDeleted');
    expect(sentDetail()).toEqual({
      sourceEventId: 'stream-3',
      userId: 'user-1',
      id: 'user-1',
      version: 1,
      occurredAt: new Date(1_741_000_000_000).toISOString(),
      previous: storedProfile,
    });
  });

  test('key, index and TTL attributes never reach data or previous', async () => {
    const indexed = { ...profileItem(), gsi1pk: 'EMAIL#x', gsi1sk: 'P', gsi2pk: 'A', gsi2sk: 'B', expiresAt: 1 };

    await publish([modifyOf(indexed, { ...indexed, version: 2 })]);

    const detail = sentDetail();
    for (const image of [detail.data, detail.previous]) {
      for (const attribute of ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'expiresAt']) {
        expect(image).not.toHaveProperty(attribute);
      }
      expect(image).toHaveProperty('email', 'ada@example.com');
    }
  });
});

describe('records that are not domain facts', () => {
  test('notification caps, notification log items and TTL deletions publish nothing and succeed', async () => {
    const result = await publish([
      insertOf(notificationCapItem()),
      removeOf(notificationCapItem(), { ttl: true }),
      insertOf(notificationItem()),
      modifyOf(notificationItem(), { ...notificationItem(), status: 'failed' }),
      removeOf(profileItem(), { ttl: true }),
    ]);

    expect(result).toEqual({ batchItemFailures: [] });
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });

  test('a mixed batch publishes only the domain records', async () => {
    await publish([insertOf(notificationCapItem()), insertOf(profileItem()), insertOf(notificationItem())]);

    expect(sentEntries().map((entry) => entry.DetailType)).toEqual(['UserSignedUp']);
  });
});

describe('batching and partial failures', () => {
  const users = (count: number) =>
    Array.from({ length: count }, (_, i) =>
      insertOf(profileItem({ userId: `user-${i}` }), { sequenceNumber: `${1000 + i}` }),
    );

  test('23 records go out in 3 PutEvents calls of 10, 10 and 3', async () => {
    const result = await publish(users(23));

    expect(result).toEqual({ batchItemFailures: [] });
    const sizes = eventBridge.commandCalls(PutEventsCommand).map((call) => call.args[0].input.Entries?.length);
    expect(sizes).toEqual([10, 10, 3]);
    expect(sentEntries().map((entry) => JSON.parse(entry.Detail!).userId)).toEqual(
      Array.from({ length: 23 }, (_, i) => `user-${i}`),
    );
  });

  test('an entry EventBridge refuses is parked, whole, for the retrier, and its record succeeds', async () => {
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [
        { EventId: 'a' },
        { ErrorCode: 'InternalFailure', ErrorMessage: 'Internal service error' },
        { EventId: 'c' },
      ],
    });

    const result = await publish(users(3));

    expect(result).toEqual({ batchItemFailures: [] });
    expect(parked()).toEqual([
      {
        kind: 'moneta.publication',
        timestamp: expect.any(String),
        firstFailedAt: expect.any(String),
        retries: 0,
        entries: [
          {
            Source: 'moneta',
            DetailType: 'UserSignedUp',
            EventBusName: 'moneta-test',
            Time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
            Detail: expect.any(String),
          },
        ],
      },
    ]);
    expect(parkedUsers()).toEqual(['user-1']);
  });

  test('a PutEvents call that throws parks the events of its chunk only', async () => {
    let call = 0;
    eventBridge.on(PutEventsCommand).callsFake((input: { Entries: PutEventsRequestEntry[] }) => {
      call += 1;
      if (call === 2) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
      return { FailedEntryCount: 0, Entries: input.Entries.map(() => ({ EventId: 'ok' })) };
    });

    const result = await publish(users(23));

    expect(result.batchItemFailures).toEqual([]);
    expect(parkedUsers().sort()).toEqual(Array.from({ length: 10 }, (_, i) => `user-${10 + i}`).sort());
  });

  test('a failure count EventBridge does not attribute to an entry parks the whole chunk', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolves({ FailedEntryCount: 1, Entries: [{ EventId: 'a' }, { EventId: 'b' }, {}] });
    const batch = [...users(3), insertOf(notificationCapItem(), { sequenceNumber: '9999' })];

    const result = await publish(batch);

    expect(result.batchItemFailures).toEqual([]);
    expect(parkedUsers().sort()).toEqual(['user-0', 'user-1', 'user-2']);
  });

  test('when parking fails too, the record fails, for the event-source mapping to retry', async () => {
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ EventId: 'a' }, { ErrorCode: 'InternalFailure', ErrorMessage: 'Internal service error' }],
    });
    sqs.on(SendMessageCommand).rejects(new Error('SQS unavailable'));

    const result = await publish(users(2));

    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '1001' }]);
  });
});

describe('invalid domain records', () => {
  test('a profile that breaks the event schema fails its record and is not published', async () => {
    const broken = insertOf(profileItem({ userId: 'user-bad', homeCurrency: 'EURO' }), { sequenceNumber: '42' });

    const result = await publish([insertOf(profileItem(), { sequenceNumber: '41' }), broken]);

    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '42' }] });
    expect(sentEntries().map((entry) => JSON.parse(entry.Detail!).userId)).toEqual(['user-1']);
  });

  test('a batch in which every record fails makes the invocation fail', async () => {
    const broken = insertOf(profileItem({ email: 'not-an-email' }));

    await expect(publish([broken])).rejects.toThrow('All records failed processing');
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });
});
