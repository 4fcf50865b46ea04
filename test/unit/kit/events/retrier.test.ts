import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { createRetrier } from '../../../../shared/kit/events/retrier';
import { type InvocationRecord, RETRY_MARKER } from '../../../../shared/kit/events/retries';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = Date.parse('2026-12-06T12:00:00.000Z');
const RETRY = 'https://sqs/retry';
const DEAD = 'https://sqs/dead';
const arn = (name: string) => `arn:aws:lambda:eu-west-1:123456789012:function:Moneta-${name}:$LATEST`;

const record = (name: string, failedAgoMs: number, firstFailedAgoMs?: number): string =>
  JSON.stringify({
    version: '1.0',
    timestamp: new Date(NOW - failedAgoMs).toISOString(),
    requestContext: {
      requestId: 'r',
      functionArn: arn(name),
      condition: 'RetriesExhausted',
      approximateInvokeCount: 3,
    },
    requestPayload: {
      id: `event-of-${name}`,
      detail: {},
      ...(firstFailedAgoMs === undefined
        ? {}
        : { [RETRY_MARKER]: { firstFailedAt: new Date(NOW - firstFailedAgoMs).toISOString(), retries: 5 } }),
    },
  } satisfies InvocationRecord);

const sqs = mockClient(SQSClient);
const lambda = mockClient(LambdaClient);
const retrier = () =>
  createRetrier({
    sqs: new SQSClient({}),
    lambda: new LambdaClient({}),
    eventBridge: new EventBridgeClient({}),
    retryQueueUrl: RETRY,
    deadLetterQueueUrl: DEAD,
    policy: { windowMs: 26 * HOUR, firstDelayMs: 5 * MINUTE, maxDelayMs: HOUR },
    now: () => NOW,
  });

beforeEach(() => {
  sqs.reset();
  lambda.reset();
  lambda.on(InvokeCommand).resolves({ StatusCode: 202 });
});

const payloadOf = (call: number) =>
  JSON.parse(new TextDecoder().decode(lambda.commandCalls(InvokeCommand)[call]!.args[0].input.Payload as Uint8Array));

describe('a sweep of the retry queue', () => {
  it('invokes due events asynchronously then deletes them, hides the others until due, dead-letters the expired', async () => {
    sqs
      .on(ReceiveMessageCommand, { QueueUrl: RETRY })
      .resolvesOnce({
        Messages: [
          { MessageId: '1', ReceiptHandle: 'h1', Body: record('Notifier', 6 * MINUTE) },
          { MessageId: '2', ReceiptHandle: 'h2', Body: record('GoalTracker', 2 * MINUTE) },
          { MessageId: '3', ReceiptHandle: 'h3', Body: record('AuditLogger', 10 * MINUTE, 27 * HOUR) },
          { MessageId: '4', ReceiptHandle: 'h4', Body: 'garbage' },
        ],
      })
      .resolves({ Messages: [] });

    const counts = await retrier().sweep(() => true);

    expect(counts).toEqual({ invoked: 1, published: 0, waiting: 1, deadLettered: 2 });
    const invoke = lambda.commandCalls(InvokeCommand)[0]!.args[0].input;
    expect(invoke).toMatchObject({ FunctionName: arn('Notifier'), InvocationType: 'Event' });
    expect(payloadOf(0)).toMatchObject({ id: 'event-of-Notifier', [RETRY_MARKER]: { retries: 1 } });
    expect(lambda.commandCalls(InvokeCommand)).toHaveLength(1);
    // The goal tracker's record failed 2 minutes ago: hidden for the 3 minutes left of its delay.
    expect(sqs.commandCalls(ChangeMessageVisibilityCommand).map((c) => c.args[0].input)).toEqual([
      { QueueUrl: RETRY, ReceiptHandle: 'h2', VisibilityTimeout: 180 },
    ]);
    expect(sqs.commandCalls(SendMessageCommand).map((c) => c.args[0].input.QueueUrl)).toEqual([DEAD, DEAD]);
    expect(
      sqs
        .commandCalls(DeleteMessageCommand)
        .map((c) => c.args[0].input.ReceiptHandle)
        .sort(),
    ).toEqual(['h1', 'h3', 'h4']);
  });

  it('keeps a message whose consumer could not be invoked (it is back after its visibility timeout)', async () => {
    sqs
      .on(ReceiveMessageCommand, { QueueUrl: RETRY })
      .resolvesOnce({ Messages: [{ MessageId: '1', ReceiptHandle: 'h1', Body: record('Notifier', HOUR) }] })
      .resolves({ Messages: [] });
    lambda.on(InvokeCommand).rejects(new Error('TooManyRequestsException'));
    await expect(retrier().sweep(() => true)).rejects.toThrow('TooManyRequestsException');
    expect(sqs.commandCalls(DeleteMessageCommand)).toHaveLength(0);
  });

  it('stops when time runs out', async () => {
    sqs
      .on(ReceiveMessageCommand)
      .resolves({ Messages: [{ MessageId: '1', ReceiptHandle: 'h', Body: record('X', HOUR) }] });
    let left = 2;
    const counts = await retrier().sweep(() => left-- > 0);
    expect(counts.invoked).toBe(2);
  });
});

describe('a redrive of the dead-letter queue', () => {
  it('hands the named consumer its events with a fresh retry window, and leaves the others', async () => {
    sqs
      .on(ReceiveMessageCommand, { QueueUrl: DEAD })
      .resolvesOnce({
        Messages: [
          { MessageId: '1', ReceiptHandle: 'h1', Body: record('BudgetEvaluatorX1', 3 * HOUR, 30 * HOUR) },
          { MessageId: '2', ReceiptHandle: 'h2', Body: record('Notifier', 3 * HOUR, 30 * HOUR) },
        ],
      })
      .resolves({ Messages: [] });

    expect(await retrier().redrive('budget-evaluator', () => true)).toEqual({ redriven: 1, kept: 1 });
    expect(lambda.commandCalls(InvokeCommand)[0]!.args[0].input.FunctionName).toBe(arn('BudgetEvaluatorX1'));
    expect(payloadOf(0)[RETRY_MARKER]).toEqual({ firstFailedAt: new Date(NOW).toISOString(), retries: 0 });
    expect(sqs.commandCalls(DeleteMessageCommand).map((c) => c.args[0].input)).toEqual([
      { QueueUrl: DEAD, ReceiptHandle: 'h1' },
    ]);
  });

  it('redrives every consumer with "all"', async () => {
    sqs
      .on(ReceiveMessageCommand, { QueueUrl: DEAD })
      .resolvesOnce({
        Messages: [
          { MessageId: '1', ReceiptHandle: 'h1', Body: record('A', HOUR) },
          { MessageId: '2', ReceiptHandle: 'h2', Body: record('B', HOUR) },
        ],
      })
      .resolves({ Messages: [] });
    expect(await retrier().redrive('all', () => true)).toEqual({ redriven: 2, kept: 0 });
  });
});

describe("the stream publisher's parked events", () => {
  const eventBridge = mockClient(EventBridgeClient);
  const publication = (failedAgoMs: number, firstFailedAgoMs = failedAgoMs, retries = 0) =>
    JSON.stringify({
      kind: 'moneta.publication',
      timestamp: new Date(NOW - failedAgoMs).toISOString(),
      firstFailedAt: new Date(NOW - firstFailedAgoMs).toISOString(),
      retries,
      entries: [
        {
          Source: 'moneta',
          DetailType: 'TransactionCreated',
          Detail: '{"id":"t-1"}',
          EventBusName: 'moneta',
          Time: '2026-12-06T11:00:00.000Z',
        },
      ],
    });

  beforeEach(() => {
    eventBridge.reset();
  });

  it('go back on the bus when due, with their time, and leave the queue', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] });
    sqs
      .on(ReceiveMessageCommand, { QueueUrl: RETRY })
      .resolvesOnce({ Messages: [{ MessageId: '1', ReceiptHandle: 'h1', Body: publication(10 * MINUTE) }] })
      .resolves({ Messages: [] });

    expect(await retrier().sweep(() => true)).toMatchObject({ published: 1, deadLettered: 0 });
    const [entry] = eventBridge.commandCalls(PutEventsCommand)[0]!.args[0].input.Entries!;
    expect(entry).toMatchObject({ DetailType: 'TransactionCreated', Time: new Date('2026-12-06T11:00:00.000Z') });
    expect(sqs.commandCalls(DeleteMessageCommand).map((c) => c.args[0].input.ReceiptHandle)).toEqual(['h1']);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  it('are parked again, one retry further, when the bus still refuses them', async () => {
    eventBridge.on(PutEventsCommand).rejects(new Error('InternalException'));
    sqs
      .on(ReceiveMessageCommand, { QueueUrl: RETRY })
      .resolvesOnce({ Messages: [{ MessageId: '1', ReceiptHandle: 'h1', Body: publication(2 * HOUR, 5 * HOUR, 4) }] })
      .resolves({ Messages: [] });

    await retrier().sweep(() => true);
    const [again] = sqs.commandCalls(SendMessageCommand).map((c) => c.args[0].input);
    expect(again?.QueueUrl).toBe(RETRY);
    expect(JSON.parse(again!.MessageBody!)).toMatchObject({
      retries: 5,
      firstFailedAt: new Date(NOW - 5 * HOUR).toISOString(),
      timestamp: new Date(NOW).toISOString(),
    });
    expect(sqs.commandCalls(DeleteMessageCommand).map((c) => c.args[0].input.ReceiptHandle)).toEqual(['h1']);
  });

  it('are dead-lettered after the window, and a redrive of stream-publisher publishes them', async () => {
    sqs
      .on(ReceiveMessageCommand, { QueueUrl: RETRY })
      .resolvesOnce({ Messages: [{ MessageId: '1', ReceiptHandle: 'h1', Body: publication(HOUR, 27 * HOUR) }] })
      .resolves({ Messages: [] });
    expect(await retrier().sweep(() => true)).toMatchObject({ deadLettered: 1 });
    expect(sqs.commandCalls(SendMessageCommand)[0]!.args[0].input.QueueUrl).toBe(DEAD);

    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] });
    sqs
      .on(ReceiveMessageCommand, { QueueUrl: DEAD })
      .resolvesOnce({
        Messages: [
          { MessageId: '2', ReceiptHandle: 'd1', Body: publication(HOUR, 27 * HOUR) },
          { MessageId: '3', ReceiptHandle: 'd2', Body: record('Notifier', HOUR, 27 * HOUR) },
        ],
      })
      .resolves({ Messages: [] });
    expect(await retrier().redrive('stream-publisher', () => true)).toEqual({ redriven: 1, kept: 1 });
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(1);
    expect(lambda.commandCalls(InvokeCommand)).toHaveLength(0);
  });
});
