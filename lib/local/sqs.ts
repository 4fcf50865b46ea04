/**
 * The local SQS: standard queues behind the SDK's AWS JSON 1.0 protocol (AWS_ENDPOINT_URL_SQS), so
 * producers and consumers run unchanged. It keeps what consumers depend on: visibility timeouts,
 * receive counts, receipt handles where only the latest one deletes, delays, and long polling that
 * answers as soon as a message becomes visible. Queues are the stack's; none are created at runtime.
 *
 * HTTP API:
 *   POST /  (X-Amz-Target: AmazonSQS.<Operation>)  SendMessage, ReceiveMessage, DeleteMessage,
 *           ChangeMessageVisibility, GetQueueUrl, GetQueueAttributes, PurgeQueue
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { RunningService, UsageMeter } from './contracts';
import { isRecord, listen, readJson } from './http';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION, localUrl } from './ports';

type MessageAttribute = { DataType: string; StringValue?: string; BinaryValue?: string };

type StoredMessage = {
  id: string;
  body: string;
  attributes: Record<string, MessageAttribute>;
  sentAt: number;
  firstReceivedAt?: number;
  receiveCount: number;
  /** Epoch ms from which the message may be received; later means delayed (never received) or in flight. */
  visibleAt: number;
  /** The latest receipt handle: the only one that deletes the message. */
  receipt?: string;
};

type Input = Record<string, unknown>;
type Counts = { visible: number; inFlight: number; delayed: number };

/** A queue's defaults as CreateQueue leaves them; the stack sets no others. */
const DEFAULT_VISIBILITY_SECONDS = 30;
/** AWS's message size limit (body and attributes together) since August 2025. */
const MAX_MESSAGE_BYTES = 1024 * 1024;
const SYSTEM_ATTRIBUTES = ['ApproximateReceiveCount', 'SentTimestamp', 'ApproximateFirstReceiveTimestamp'];
/** The characters SQS accepts in a body (XML's); anything else is InvalidMessageContents. */
const INVALID_BODY_CHARS = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const AMZ_JSON = 'application/x-amz-json-1.0';

/**
 * SQS is query-compatible: the SDK takes an error's code from the x-amzn-query-error header (the
 * old query API's code, e.g. AWS.SimpleQueueService.NonExistentQueue) before `__type`, and maps it
 * back to the modeled exception (QueueDoesNotExist).
 */
class SqsError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly queryCode: string,
    message: string,
  ) {
    super(message);
  }
}

const sqsError = (code: string, message: string, queryCode = code, status = 400) =>
  new SqsError(status, `com.amazonaws.sqs#${code}`, queryCode, message);
const noSuchQueue = () =>
  sqsError('QueueDoesNotExist', 'The specified queue does not exist.', 'AWS.SimpleQueueService.NonExistentQueue');
const missing = (param: string) => sqsError('MissingParameter', `The request must contain the parameter ${param}.`);
/** Errors of the JSON protocol itself, before SQS sees the request. */
const coralError = (code: string, message: string) =>
  new SqsError(400, `com.amazon.coral.service#${code}`, code, message);
const invalid = (param: string, value: unknown, reason: string) =>
  sqsError('InvalidParameterValue', `Value ${String(value)} for parameter ${param} is invalid. Reason: ${reason}`);

export async function startSqs(opts: {
  port: number;
  queues: readonly string[];
  /** Platform delays run on this scale: a visibility timeout or DelaySeconds of s seconds lasts s*1000*timeScale ms. Default 1. */
  timeScale?: number;
  /** When given, queue contents survive a restart (a JSON file in it, written after each change). */
  dataDir?: string;
  region?: string;
  /** Told of every API action answered (the cost benchmark); none: nothing is counted. */
  onRequest?: UsageMeter['sqsRequest'];
}): Promise<
  RunningService & {
    queueUrl(name: string): string;
    queueArn(name: string): string;
    send(name: string, body: string): Promise<void>;
    counts(name: string): Counts;
  }
> {
  const timeScale = opts.timeScale ?? 1;
  if (!(timeScale >= 0 && Number.isFinite(timeScale))) throw new Error(`timeScale must be >= 0, got ${timeScale}`);
  const region = opts.region ?? LOCAL_REGION;
  const file = opts.dataDir ? join(opts.dataDir, 'queues.json') : undefined;
  const saved = file ? await load(opts.dataDir!, file) : {};
  const queues = new Map(opts.queues.map((name) => [name, Array.isArray(saved[name]) ? saved[name] : []]));
  const waiters = new Map(opts.queues.map((name) => [name, new Set<() => void>()]));
  const later = (seconds: number) => Date.now() + seconds * 1000 * timeScale;
  let stopped = false;
  let url = '';

  // One write at a time, each of the whole state as it is when the write starts; a change made
  // while a write is queued rides along with it. Renaming makes a crash leave the old file whole.
  let writing = Promise.resolve();
  let queued: Promise<void> | undefined;
  function persist(): Promise<void> {
    if (!file) return Promise.resolve();
    queued ??= writing.then(async () => {
      queued = undefined;
      await writeFile(`${file}.tmp`, JSON.stringify(Object.fromEntries(queues)));
      await rename(`${file}.tmp`, file);
    });
    const write = queued;
    writing = write.catch((error: unknown) => console.error('[sqs] could not save queues:', error));
    return write;
  }

  function messagesOf(name: string): StoredMessage[] {
    const messages = queues.get(name);
    if (!messages) throw noSuchQueue();
    return messages;
  }

  function counts(name: string): Counts {
    const now = Date.now();
    const result = { visible: 0, inFlight: 0, delayed: 0 };
    for (const m of messagesOf(name)) {
      if (m.visibleAt <= now) result.visible++;
      else if (m.receiveCount > 0) result.inFlight++;
      else result.delayed++;
    }
    return result;
  }

  function wake(name: string): void {
    for (const waiter of [...(waiters.get(name) ?? [])]) waiter();
  }

  /** Resolves on the next send or visibility change, when a message's timer runs out, or at the deadline. */
  function nextChange(name: string, deadline: number): Promise<void> {
    const pending = messagesOf(name).filter((m) => m.visibleAt > Date.now());
    const wakeAt = Math.min(deadline, ...pending.map((m) => m.visibleAt));
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        waiters.get(name)!.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, wakeAt - Date.now()));
      waiters.get(name)!.add(done);
    });
  }

  async function enqueue(name: string, body: string, attributes: StoredMessage['attributes'], delay: number) {
    const message: StoredMessage = {
      id: randomUUID(),
      body,
      attributes,
      sentAt: Date.now(),
      receiveCount: 0,
      visibleAt: later(delay),
    };
    messagesOf(name).push(message);
    wake(name);
    await persist();
    return message;
  }

  async function receiveMessage(input: Input) {
    const name = queueOf(input);
    const max = integer(input, 'MaxNumberOfMessages', 1, 10, 1);
    const visibility = integer(input, 'VisibilityTimeout', 0, 43200, DEFAULT_VISIBILITY_SECONDS);
    // The caller's own wait, not a platform delay: it is not scaled.
    const deadline = Date.now() + integer(input, 'WaitTimeSeconds', 0, 20, 0) * 1000;
    const wanted = [...names(input.AttributeNames), ...names(input.MessageSystemAttributeNames)];
    const system = wanted.includes('All') ? SYSTEM_ATTRIBUTES : SYSTEM_ATTRIBUTES.filter((a) => wanted.includes(a));
    const attributeFilter = names(input.MessageAttributeNames);
    for (;;) {
      const now = Date.now();
      const taken = messagesOf(name)
        .filter((m) => m.visibleAt <= now)
        .slice(0, max);
      if (taken.length > 0) {
        for (const m of taken) {
          m.receiveCount++;
          m.firstReceivedAt ??= now;
          m.receipt = Buffer.from(`${m.id}:${randomUUID()}`).toString('base64url');
          m.visibleAt = later(visibility);
        }
        await persist();
        return { Messages: taken.map((m) => messageOut(m, system, attributeFilter)) };
      }
      if (now >= deadline || stopped) return {};
      await nextChange(name, deadline);
    }
  }

  // Each takes the request's JSON and answers the response's; keyed by the X-Amz-Target operation.
  const operations = {
    async SendMessage(input: Input) {
      const name = queueOf(input);
      const body = input.MessageBody;
      if (typeof body !== 'string' || body === '') throw missing('MessageBody');
      if (INVALID_BODY_CHARS.test(body)) {
        throw sqsError('InvalidMessageContents', 'Invalid characters found in the message body.');
      }
      const attributes = messageAttributes(input.MessageAttributes);
      const size = Object.entries(attributes).reduce(
        (sum, [key, a]) => sum + Buffer.byteLength(key + a.DataType) + attributeValue(a).length,
        Buffer.byteLength(body),
      );
      if (size > MAX_MESSAGE_BYTES) {
        const reason = `Message must be shorter than ${MAX_MESSAGE_BYTES} bytes.`;
        throw sqsError('InvalidParameterValue', `One or more parameters are invalid. Reason: ${reason}`);
      }
      const message = await enqueue(name, body, attributes, integer(input, 'DelaySeconds', 0, 900, 0));
      return {
        MessageId: message.id,
        MD5OfMessageBody: md5(Buffer.from(body)),
        ...(Object.keys(attributes).length > 0 && { MD5OfMessageAttributes: md5OfAttributes(attributes) }),
      };
    },
    ReceiveMessage: receiveMessage,
    async DeleteMessage(input: Input) {
      const messages = messagesOf(queueOf(input));
      // A stale handle, or one of a message already deleted, succeeds without deleting anything.
      const message = byReceipt(messages, input.ReceiptHandle);
      if (message) {
        messages.splice(messages.indexOf(message), 1);
        await persist();
      }
      return {};
    },
    async ChangeMessageVisibility(input: Input) {
      const name = queueOf(input);
      if (input.VisibilityTimeout === undefined) throw missing('VisibilityTimeout');
      const timeout = integer(input, 'VisibilityTimeout', 0, 43200, 0);
      const message = byReceipt(messagesOf(name), input.ReceiptHandle);
      if (!message) {
        const reason = 'Message does not exist or is not available for visibility timeout change.';
        throw invalid('ReceiptHandle', input.ReceiptHandle, reason);
      }
      if (message.visibleAt <= Date.now()) {
        throw sqsError('MessageNotInflight', 'Message is not in flight.', 'AWS.SimpleQueueService.MessageNotInflight');
      }
      message.visibleAt = later(timeout);
      wake(name);
      await persist();
      return {};
    },
    GetQueueUrl(input: Input) {
      const { QueueName: name, QueueOwnerAWSAccountId: owner } = input;
      if (typeof name !== 'string' || !queues.has(name) || (owner !== undefined && owner !== LOCAL_ACCOUNT_ID)) {
        throw noSuchQueue();
      }
      return { QueueUrl: queueUrl(name) };
    },
    GetQueueAttributes(input: Input) {
      const name = queueOf(input);
      const c = counts(name);
      const known: Record<string, string> = {
        ApproximateNumberOfMessages: String(c.visible),
        ApproximateNumberOfMessagesNotVisible: String(c.inFlight),
        ApproximateNumberOfMessagesDelayed: String(c.delayed),
        QueueArn: queueArn(name),
        VisibilityTimeout: String(DEFAULT_VISIBILITY_SECONDS),
        DelaySeconds: '0',
        ReceiveMessageWaitTimeSeconds: '0',
        MaximumMessageSize: String(MAX_MESSAGE_BYTES),
      };
      const wanted = names(input.AttributeNames);
      const unknown = wanted.find((a) => a !== 'All' && !Object.hasOwn(known, a) && !UNREPORTED_ATTRIBUTES.includes(a));
      if (unknown) throw sqsError('InvalidAttributeName', `Unknown Attribute ${unknown}.`);
      const picked = Object.entries(known).filter(([key]) => wanted.includes('All') || wanted.includes(key));
      return picked.length > 0 ? { Attributes: Object.fromEntries(picked) } : {};
    },
    async PurgeQueue(input: Input) {
      messagesOf(queueOf(input)).length = 0;
      await persist();
      return {};
    },
  };

  /** Queue URLs are matched on their last path segment, the name, whatever host they carry. */
  function queueOf(input: Input): string {
    const given = input.QueueUrl;
    if (typeof given !== 'string' || given === '') throw missing('QueueUrl');
    const name = given.split('/').filter(Boolean).at(-1) ?? '';
    if (!queues.has(name)) throw noSuchQueue();
    return name;
  }

  function queueUrl(name: string): string {
    if (!queues.has(name)) throw new Error(`No local queue named ${name}`);
    return `${url}/${LOCAL_ACCOUNT_ID}/${name}`;
  }

  function queueArn(name: string): string {
    if (!queues.has(name)) throw new Error(`No local queue named ${name}`);
    return `arn:aws:sqs:${region}:${LOCAL_ACCOUNT_ID}:${name}`;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    // While stopping, a long poll's answer closes its connection: the server cannot close while a
    // client keeps the socket alive.
    const reply = (status: number, body: object, headers: Record<string, string> = {}) =>
      res
        .writeHead(status, {
          'content-type': AMZ_JSON,
          'x-amzn-requestid': requestId,
          ...(stopped && { connection: 'close' }),
          ...headers,
        })
        .end(JSON.stringify(body));
    try {
      const target = String(req.headers['x-amz-target'] ?? '');
      const operation = target.replace(/^AmazonSQS\./, '');
      if (req.method !== 'POST' || !target.startsWith('AmazonSQS.') || !Object.hasOwn(operations, operation)) {
        const message = `The local SQS does not support ${req.method} ${target || '(no X-Amz-Target)'}`;
        throw coralError('UnknownOperationException', message);
      }
      const input = await readJson(req, { emptyAs: {} });
      if (!isRecord(input)) throw coralError('SerializationException', 'The request body is not a JSON object.');
      reply(200, await operations[operation as keyof typeof operations](input));
      opts.onRequest?.({ action: operation });
    } catch (error) {
      if (!(error instanceof SqsError)) throw error;
      const query = { 'x-amzn-query-error': `${error.queryCode};Sender` };
      reply(error.status, { __type: error.type, message: error.message }, query);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': AMZ_JSON }).end(JSON.stringify({ __type: 'InternalFailure' }));
      }
      console.error('[sqs] request failed:', error instanceof Error ? error.message : error);
    });
  });
  await listen(server, opts.port);
  url = localUrl((server.address() as AddressInfo).port);

  return {
    url,
    queueUrl,
    queueArn,
    counts,
    send: async (name, body) => {
      await enqueue(name, body, {}, 0);
    },
    stop: async () => {
      // Long polls answer empty at once, as they do when a queue goes away, so the server can close.
      stopped = true;
      for (const name of queues.keys()) wake(name);
      await writing;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Queue attributes AWS knows that the local queues do not report (GetQueueAttributes omits them). */
const UNREPORTED_ATTRIBUTES = (
  'Policy MessageRetentionPeriod CreatedTimestamp LastModifiedTimestamp RedrivePolicy RedriveAllowPolicy FifoQueue ' +
  'ContentBasedDeduplication KmsMasterKeyId KmsDataKeyReusePeriodSeconds DeduplicationScope FifoThroughputLimit ' +
  'SqsManagedSseEnabled'
).split(' ');

async function load(dir: string, file: string): Promise<Record<string, StoredMessage[]>> {
  await mkdir(dir, { recursive: true });
  const raw = await readFile(file, 'utf8').catch(() => undefined);
  if (raw === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return isRecord(parsed) ? (parsed as Record<string, StoredMessage[]>) : {};
  } catch {
    throw new Error(`${file} is not valid JSON: delete it to start with empty queues`);
  }
}

function integer(input: Input, param: string, min: number, max: number, fallback: number): number {
  const value = input[param];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(param, value, `Must be between ${min} and ${max}, if provided.`);
  }
  return value;
}

function names(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function messageAttributes(value: unknown): Record<string, MessageAttribute> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) throw invalid('MessageAttributes', value, 'Must be a map of attributes.');
  const entries = Object.entries(value);
  if (entries.length > 10) throw invalid('MessageAttributes', entries.length, 'At most 10 attributes are allowed.');
  const result: Record<string, MessageAttribute> = {};
  for (const [name, attribute] of entries) {
    const type = isRecord(attribute) ? attribute.DataType : undefined;
    const binary = typeof type === 'string' && type.startsWith('Binary');
    const held = isRecord(attribute) ? (binary ? attribute.BinaryValue : attribute.StringValue) : undefined;
    if (typeof type !== 'string' || !/^(String|Number|Binary)(\..+)?$/.test(type)) {
      throw invalid('MessageAttributes', name, `The message attribute '${name}' has an invalid type.`);
    }
    if (typeof held !== 'string' || held === '') {
      throw invalid('MessageAttributes', name, `The message attribute '${name}' must contain a non-empty value.`);
    }
    result[name] = binary ? { DataType: type, BinaryValue: held } : { DataType: type, StringValue: held };
  }
  return result;
}

function messageOut(m: StoredMessage, system: readonly string[], attributeFilter: readonly string[]) {
  const systemValues: Record<string, string | undefined> = {
    ApproximateReceiveCount: String(m.receiveCount),
    SentTimestamp: String(m.sentAt),
    ApproximateFirstReceiveTimestamp: String(m.firstReceivedAt),
  };
  const asked = (name: string) =>
    attributeFilter.some(
      (f) => f === 'All' || f === '.*' || f === name || (f.endsWith('.*') && name.startsWith(f.slice(0, -1))),
    );
  const attributes = Object.fromEntries(Object.entries(m.attributes).filter(([name]) => asked(name)));
  return {
    MessageId: m.id,
    ReceiptHandle: m.receipt,
    MD5OfBody: md5(Buffer.from(m.body)),
    Body: m.body,
    ...(system.length > 0 && { Attributes: Object.fromEntries(system.map((a) => [a, systemValues[a]])) }),
    ...(Object.keys(attributes).length > 0 && {
      MessageAttributes: attributes,
      MD5OfMessageAttributes: md5OfAttributes(attributes),
    }),
  };
}

/**
 * SQS's digest of message attributes: per attribute, sorted by name, the length-prefixed name,
 * data type and value, with a transport byte (1 string, 2 binary) before the value.
 */
function md5OfAttributes(attributes: Record<string, MessageAttribute>): string {
  const parts: Buffer[] = [];
  const field = (bytes: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    parts.push(length, bytes);
  };
  for (const name of Object.keys(attributes).sort()) {
    const attribute = attributes[name]!;
    field(Buffer.from(name));
    field(Buffer.from(attribute.DataType));
    parts.push(Buffer.of(attribute.BinaryValue === undefined ? 1 : 2));
    field(attributeValue(attribute));
  }
  return md5(Buffer.concat(parts));
}

/** Binary values travel base64-encoded in AWS JSON; sizes and digests count the bytes. */
/** The message a receipt handle names, when it is still that message's latest handle. */
function byReceipt(messages: StoredMessage[], handle: unknown): StoredMessage | undefined {
  const decoded = typeof handle === 'string' ? Buffer.from(handle, 'base64url').toString('utf8') : '';
  const id = /^([0-9a-f-]{36}):[0-9a-f-]{36}$/.exec(decoded)?.[1];
  if (!id) {
    const message = `The input receipt handle "${String(handle)}" is not a valid receipt handle.`;
    throw sqsError('ReceiptHandleIsInvalid', message, 'ReceiptHandleIsInvalid', 404);
  }
  return messages.find((m) => m.id === id && m.receipt === handle);
}

function attributeValue(a: MessageAttribute): Buffer {
  return a.BinaryValue === undefined ? Buffer.from(a.StringValue ?? '') : Buffer.from(a.BinaryValue, 'base64');
}

function md5(bytes: Buffer): string {
  return createHash('md5').update(bytes).digest('hex');
}
