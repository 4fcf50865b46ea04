import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  type Message,
  PurgeQueueCommand,
  QueueDoesNotExist,
  ReceiveMessageCommand,
  type ReceiveMessageCommandInput,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { startSqs } from '../../../lib/local/sqs';

type Sqs = Awaited<ReturnType<typeof startSqs>>;

const QUEUE = 'payments-dlq';
const OTHER = 'notifications';

function clientFor(sqs: Sqs) {
  return new SQSClient({
    endpoint: sqs.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

describe('local SQS', () => {
  let dir: string;
  let sqs: Sqs | undefined;

  const start = async (opts: { timeScale?: number; dataDir?: string } = {}) => {
    sqs = await startSqs({ port: 0, queues: [QUEUE, OTHER], ...opts });
    return { sqs, client: clientFor(sqs), url: sqs.queueUrl(QUEUE) };
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sqs-test-'));
  });
  afterEach(async () => {
    await sqs?.stop();
    sqs = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  async function receive(client: SQSClient, input: ReceiveMessageCommandInput): Promise<Message[]> {
    return (await client.send(new ReceiveMessageCommand(input))).Messages ?? [];
  }

  it('sends, receives with attributes and deletes a message (the SDK checks every MD5)', async () => {
    const { sqs, client, url } = await start();
    expect(url).toBe(`${sqs.url}/000000000000/${QUEUE}`);
    expect(sqs.queueArn(QUEUE)).toBe(`arn:aws:sqs:eu-west-1:000000000000:${QUEUE}`);
    expect((await client.send(new GetQueueUrlCommand({ QueueName: QUEUE }))).QueueUrl).toBe(url);

    // A body outside ASCII: the digest is over its UTF-8 bytes.
    const body = JSON.stringify({ payee: 'Zoë', amount: '12.50 €' });
    const sent = await client.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: body,
        MessageAttributes: { SellerName: { DataType: 'String', StringValue: 'Example Store' } },
      }),
    );
    // AWS's documented digest for this attribute.
    expect(sent.MD5OfMessageAttributes).toBe('cd28f3b68aeee4b2eac9c66f2f694b58');

    const [message, ...more] = await receive(client, {
      QueueUrl: url,
      MaxNumberOfMessages: 10,
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['SellerName'],
    });
    expect(more).toEqual([]);
    expect(message).toMatchObject({
      MessageId: sent.MessageId,
      Body: body,
      MD5OfBody: sent.MD5OfMessageBody,
      MessageAttributes: { SellerName: { DataType: 'String', StringValue: 'Example Store' } },
      MD5OfMessageAttributes: 'cd28f3b68aeee4b2eac9c66f2f694b58',
      Attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: expect.stringMatching(/^\d{13}$/),
        ApproximateFirstReceiveTimestamp: expect.stringMatching(/^\d{13}$/),
      },
    });
    expect(sqs.counts(QUEUE)).toEqual({ visible: 0, inFlight: 1, delayed: 0 });

    await client.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: message!.ReceiptHandle }));
    expect(sqs.counts(QUEUE)).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
    // Deleting it again is no error, as on AWS.
    await client.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: message!.ReceiptHandle }));
  });

  it('returns message attributes only when asked: by name, by prefix (`order.*`) or all', async () => {
    const { client, url } = await start();
    await client.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: 'b',
        MessageAttributes: {
          'order.kind': { DataType: 'String', StringValue: 'refund' },
          'order.amount': { DataType: 'Number', StringValue: '12.5' },
          raw: { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2, 3]) },
        },
      }),
    );
    const attributeNames = async (names?: string[]) => {
      const [m] = await receive(client, { QueueUrl: url, VisibilityTimeout: 0, MessageAttributeNames: names });
      return Object.keys(m?.MessageAttributes ?? {}).sort();
    };
    expect(await attributeNames()).toEqual([]);
    expect(await attributeNames(['raw'])).toEqual(['raw']);
    expect(await attributeNames(['order.*'])).toEqual(['order.amount', 'order.kind']);

    const [all] = await receive(client, { QueueUrl: url, MessageAttributeNames: ['All'] });
    expect(all?.Attributes).toBeUndefined();
    expect(all?.MessageAttributes?.['order.kind']).toEqual({ DataType: 'String', StringValue: 'refund' });
    expect(Array.from(all?.MessageAttributes?.raw?.BinaryValue ?? [])).toEqual([1, 2, 3]);
  });

  it('hides a received message until its visibility timeout passes, then redelivers it with a higher receive count', async () => {
    // 1 emulated second lasts 1 ms: the queue default of 30 s is 30 ms, 2000 s is 2 s.
    const { sqs, client, url } = await start({ timeScale: 0.001 });
    const { MessageId } = await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'settle p-1' }));
    const counted = { QueueUrl: url, MessageSystemAttributeNames: ['ApproximateReceiveCount' as const] };

    const [first] = await receive(client, { ...counted, VisibilityTimeout: 2000 });
    expect(first?.Attributes?.ApproximateReceiveCount).toBe('1');
    expect(await receive(client, { QueueUrl: url })).toEqual([]);
    expect(sqs.counts(QUEUE)).toEqual({ visible: 0, inFlight: 1, delayed: 0 });

    // Long polling returns once the timeout runs out.
    const [second] = await receive(client, { ...counted, WaitTimeSeconds: 20 });
    expect(second).toMatchObject({ MessageId, Attributes: { ApproximateReceiveCount: '2' } });
    expect(second?.ReceiptHandle).not.toBe(first?.ReceiptHandle);

    // Received with the queue's default timeout (30 s, here 30 ms), it comes back on its own too.
    const [third] = await receive(client, { ...counted, WaitTimeSeconds: 20 });
    expect(third).toMatchObject({ MessageId, Attributes: { ApproximateReceiveCount: '3' } });
  }, 30_000);

  it('makes a message visible at once with ChangeMessageVisibility 0, and refuses a message not in flight', async () => {
    const { sqs, client, url } = await start();
    await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'retry me' }));
    const [first] = await receive(client, { QueueUrl: url });
    expect(await receive(client, { QueueUrl: url })).toEqual([]);

    await client.send(
      new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: first!.ReceiptHandle, VisibilityTimeout: 0 }),
    );
    expect(sqs.counts(QUEUE)).toEqual({ visible: 1, inFlight: 0, delayed: 0 });
    const notInFlight = client.send(
      new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: first!.ReceiptHandle, VisibilityTimeout: 60 }),
    );
    await expect(notInFlight).rejects.toMatchObject({ name: 'MessageNotInflight' });

    const [again] = await receive(client, { QueueUrl: url, MessageSystemAttributeNames: ['ApproximateReceiveCount'] });
    expect(again?.Attributes?.ApproximateReceiveCount).toBe('2');
    const outOfRange = client.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: url,
        ReceiptHandle: again!.ReceiptHandle,
        VisibilityTimeout: 43201,
      }),
    );
    await expect(outOfRange).rejects.toMatchObject({ name: 'InvalidParameterValue' });
  });

  it('deletes only with the latest receipt handle: a stale one succeeds without deleting', async () => {
    const { sqs, client, url } = await start();
    await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'once' }));
    const [first] = await receive(client, { QueueUrl: url, VisibilityTimeout: 0 });
    const [second] = await receive(client, { QueueUrl: url });
    expect(second?.MessageId).toBe(first?.MessageId);

    await client.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first!.ReceiptHandle }));
    expect(sqs.counts(QUEUE)).toEqual({ visible: 0, inFlight: 1, delayed: 0 });
    const stale = client.send(
      new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: first!.ReceiptHandle, VisibilityTimeout: 0 }),
    );
    await expect(stale).rejects.toMatchObject({ name: 'InvalidParameterValue' });

    await client.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: second!.ReceiptHandle }));
    expect(sqs.counts(QUEUE)).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
    const forged = client.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: 'not-a-handle' }));
    await expect(forged).rejects.toMatchObject({ name: 'ReceiptHandleIsInvalid' });
  });

  it('holds a delayed message back while later ones are delivered, then delivers it', async () => {
    // DelaySeconds 900 lasts 2.7 s.
    const { sqs, client, url } = await start({ timeScale: 0.003 });
    await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'later', DelaySeconds: 900 }));
    await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'now' }));
    expect(sqs.counts(QUEUE)).toEqual({ visible: 1, inFlight: 0, delayed: 1 });

    const first = await receive(client, { QueueUrl: url, MaxNumberOfMessages: 10, VisibilityTimeout: 43200 });
    expect(first.map((m) => m.Body)).toEqual(['now']);
    const second = await receive(client, { QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 });
    expect(second.map((m) => m.Body)).toEqual(['later']);

    const tooLong = client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', DelaySeconds: 901 }));
    await expect(tooLong).rejects.toMatchObject({ name: 'InvalidParameterValue' });
  }, 30_000);

  it('long polling waits on an empty queue and returns as soon as a message is sent', async () => {
    const { sqs, client, url } = await start();
    let settled = false;
    const polled = receive(client, { QueueUrl: url, WaitTimeSeconds: 20 }).finally(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);

    const started = Date.now();
    await sqs.send(QUEUE, 'from the on-failure destination');
    const messages = await polled;
    expect(messages.map((m) => m.Body)).toEqual(['from the on-failure destination']);
    // Far below the 20 s wait: the poll answered because of the send, not its deadline.
    expect(Date.now() - started).toBeLessThan(15_000);

    const badWait = receive(client, { QueueUrl: url, WaitTimeSeconds: 21 });
    await expect(badWait).rejects.toMatchObject({ name: 'InvalidParameterValue' });
    const badMax = receive(client, { QueueUrl: url, MaxNumberOfMessages: 11 });
    await expect(badMax).rejects.toMatchObject({ name: 'InvalidParameterValue' });
  }, 30_000);

  it('answers a pending long poll empty when it stops, so stopping does not wait out the poll', async () => {
    const { sqs, client, url } = await start();
    const polled = receive(client, { QueueUrl: url, WaitTimeSeconds: 20 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    await sqs.stop();
    expect(await polled).toEqual([]);
    // Well under Node's 5 s keep-alive timeout, which a kept-alive poll connection would make it wait.
    expect(Date.now() - started).toBeLessThan(4_000);
  }, 15_000);

  it('reports counts in GetQueueAttributes, delivers in send order at most 10 at a time, and purges', async () => {
    const { sqs, client, url } = await start();
    // The AWS form of a queue URL names the same queue: only the last segment counts.
    const awsUrl = `https://sqs.eu-west-1.amazonaws.com/000000000000/${QUEUE}`;
    for (let i = 1; i <= 12; i++) {
      await client.send(new SendMessageCommand({ QueueUrl: i % 2 ? url : awsUrl, MessageBody: `m${i}` }));
    }
    await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'delayed', DelaySeconds: 600 }));
    const received = await receive(client, { QueueUrl: url, MaxNumberOfMessages: 10 });
    expect(received.map((m) => m.Body)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10']);

    const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }));
    expect(Attributes).toMatchObject({
      ApproximateNumberOfMessages: '2',
      ApproximateNumberOfMessagesNotVisible: '10',
      ApproximateNumberOfMessagesDelayed: '1',
      QueueArn: `arn:aws:sqs:eu-west-1:000000000000:${QUEUE}`,
    });
    const one = await client.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
    expect(one.Attributes).toEqual({ QueueArn: `arn:aws:sqs:eu-west-1:000000000000:${QUEUE}` });
    const other = await client.send(
      new GetQueueAttributesCommand({ QueueUrl: sqs.queueUrl(OTHER), AttributeNames: ['ApproximateNumberOfMessages'] }),
    );
    expect(other.Attributes).toEqual({ ApproximateNumberOfMessages: '0' });
    const typo = client.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessage' as 'All'] }),
    );
    await expect(typo).rejects.toMatchObject({ name: 'InvalidAttributeName' });

    await client.send(new PurgeQueueCommand({ QueueUrl: url }));
    expect(sqs.counts(QUEUE)).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it('answers an unknown queue with QueueDoesNotExist and an unknown operation with UnknownOperationException', async () => {
    const { sqs, client } = await start();
    const byName = client.send(new GetQueueUrlCommand({ QueueName: 'no-such-queue' }));
    await expect(byName).rejects.toBeInstanceOf(QueueDoesNotExist);
    const byUrl = client.send(new SendMessageCommand({ QueueUrl: `${sqs.url}/000000000000/nope`, MessageBody: 'x' }));
    await expect(byUrl).rejects.toMatchObject({
      name: 'QueueDoesNotExist',
      Code: 'AWS.SimpleQueueService.NonExistentQueue',
    });

    const response = await fetch(sqs.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.CreateQueue' },
      body: JSON.stringify({ QueueName: 'new' }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { __type: string }).__type).toMatch(/#UnknownOperationException$/);
  });

  it('keeps messages, receive state and receipt handles across a restart with a data directory', async () => {
    const before = await start({ dataDir: dir });
    await before.client.send(new SendMessageCommand({ QueueUrl: before.url, MessageBody: 'in flight' }));
    await before.client.send(new SendMessageCommand({ QueueUrl: before.url, MessageBody: 'waiting' }));
    const [inFlight] = await receive(before.client, { QueueUrl: before.url, VisibilityTimeout: 600 });
    expect(inFlight?.Body).toBe('in flight');
    await before.sqs.stop();
    sqs = undefined;

    const after = await start({ dataDir: dir });
    expect(after.sqs.counts(QUEUE)).toEqual({ visible: 1, inFlight: 1, delayed: 0 });
    const [waiting] = await receive(after.client, {
      QueueUrl: after.url,
      MessageSystemAttributeNames: ['ApproximateReceiveCount'],
    });
    expect(waiting).toMatchObject({ Body: 'waiting', Attributes: { ApproximateReceiveCount: '1' } });
    // The handle given out before the restart still deletes its message.
    await after.client.send(new DeleteMessageCommand({ QueueUrl: after.url, ReceiptHandle: inFlight!.ReceiptHandle }));
    expect(after.sqs.counts(QUEUE)).toEqual({ visible: 0, inFlight: 1, delayed: 0 });
  });
});
