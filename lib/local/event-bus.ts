/**
 * The local EventBridge bus: accepts the SDK's PutEvents (AWS_ENDPOINT_URL_EVENTBRIDGE), matches
 * the stack's rule patterns, and invokes each matching target asynchronously, the way a rule
 * target is invoked: PutEvents never waits for consumers, a failed delivery is retried with
 * exponential backoff, and a delivery that keeps failing goes to a dead-letter log.
 *
 * Chaos mode delivers every event `duplicates` extra times at random delays, so consumers meet the
 * duplicates and the reordering that EventBridge allows, not just the happy path.
 *
 * HTTP API:
 *   POST /  (X-Amz-Target: AWSEvents.PutEvents)  the SDK's PutEvents
 *   POST /  (X-Amz-Target: AWSEvents.DescribeEventBus)  the bus's name and ARN (the health route)
 *   GET  /api/stats          → { published, delivered, failed, deadLettered, pending }
 *   GET  /api/dead-letters   → { deadLetters: DeadLetter[] } oldest first
 *   GET  /api/chaos          → the chaos settings in force
 *   PUT  /api/chaos          { enabled, duplicates?, maxDelayMs? } switches chaos on or off while running
 *   PUT  /api/outage         { enabled } while enabled PutEvents answers 500 InternalException, as
 *                            EventBridge does when it fails (the publisher's parking is tested so)
 *   GET  /api/idle           answers once the system is at rest: with `untilIdle`, the stream poller
 *                            and the bus both (the local cloud wires it); else no delivery pending
 */
import { randomUUID } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FunctionId } from '../catalog/functions';
import type { ChaosOptions, Invoker, RunningService, UsageMeter } from './contracts';
import { matchesPattern } from './event-pattern';
import { isRecord, listen, readJson, readJsonLines, sendJson } from './http';

type BusRule = { id: string; pattern: Record<string, unknown>; target: FunctionId };

/** The envelope a rule target receives, exactly as EventBridge builds it. */
export type BusEvent = {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
};

type DeadLetter = {
  at: string;
  ruleId: string;
  target: FunctionId;
  attempts: number;
  error: string;
  event: BusEvent;
};

type BusStats = { published: number; delivered: number; failed: number; deadLettered: number; pending: number };

const LOCAL_ACCOUNT = '000000000000';
/** PutEvents takes at most 10 entries; AWS refuses a bigger request as a whole. */
/** What `--chaos` and `PUT /api/chaos` mean unless told otherwise: every event twice, up to 1.5 s apart. */
export const DEFAULT_CHAOS = { enabled: true, duplicates: 1, maxDelayMs: 1500 } as const;

const MAX_ENTRIES = 10;
/** EventBridge's limit on one entry (detail, detail-type, source, resources together). */
const MAX_ENTRY_BYTES = 256 * 1024;

type Delivery = { rule: BusRule; event: BusEvent; attempt: number };

export async function startEventBus(opts: {
  port: number;
  busName: string;
  rules: BusRule[];
  invoker: Invoker;
  chaos?: ChaosOptions;
  retry?: { attempts: number; baseDelayMs: number };
  dataDir?: string;
  /** Region written in envelopes; the stack's region locally. */
  region?: string;
  /** What "idle" means for GET /api/idle, when more than this bus feeds it (the local cloud's stream). */
  untilIdle?: () => Promise<void>;
  /** Told of every accepted entry (the cost benchmark); none: nothing is counted. */
  onPublished?: UsageMeter['eventPublished'];
}): Promise<RunningService & { whenIdle(): Promise<void>; setChaos(c: ChaosOptions): void }> {
  const retry = opts.retry ?? { attempts: 8, baseDelayMs: 200 };
  const region = opts.region ?? 'eu-west-1';
  let chaos: ChaosOptions = opts.chaos ?? { enabled: false, duplicates: 0, maxDelayMs: 0 };
  let outage = false;
  const deadLetterFile = opts.dataDir ? join(opts.dataDir, 'dead-letters.jsonl') : undefined;
  const deadLetters: DeadLetter[] = deadLetterFile
    ? await readJsonLines<DeadLetter>(opts.dataDir!, deadLetterFile)
    : [];
  const stats: BusStats = { published: 0, delivered: 0, failed: 0, deadLettered: 0, pending: 0 };
  const timers = new Set<NodeJS.Timeout>();
  let idleWaiters: (() => void)[] = [];
  let stopped = false;

  // Every scheduled or running delivery counts as pending until it succeeds or is dead-lettered.
  function schedule(delivery: Delivery, delayMs: number): void {
    stats.pending++;
    const timer = setTimeout(() => {
      timers.delete(timer);
      void attempt(delivery);
    }, delayMs);
    timers.add(timer);
  }

  function settle(): void {
    stats.pending--;
    if (stats.pending === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  async function attempt(delivery: Delivery): Promise<void> {
    try {
      await opts.invoker.invoke(delivery.rule.target, delivery.event);
      stats.delivered++;
    } catch (error) {
      stats.failed++;
      const retriesLeft = retry.attempts - delivery.attempt;
      if (retriesLeft > 0 && !stopped) {
        schedule({ ...delivery, attempt: delivery.attempt + 1 }, retry.baseDelayMs * 2 ** delivery.attempt);
      } else {
        await deadLetter(delivery, error);
      }
    } finally {
      settle();
    }
  }

  async function deadLetter(delivery: Delivery, error: unknown): Promise<void> {
    const entry: DeadLetter = {
      at: new Date().toISOString(),
      ruleId: delivery.rule.id,
      target: delivery.rule.target,
      attempts: delivery.attempt + 1,
      error: error instanceof Error ? error.message : String(error),
      event: delivery.event,
    };
    deadLetters.push(entry);
    stats.deadLettered++;
    // Names only: the event itself (personal data) stays in the dead-letter log, not the console.
    console.warn(
      `[bus] dead-lettered ${delivery.event['detail-type']} ${delivery.event.id} for ${delivery.rule.target} after ${entry.attempts} attempts`,
    );
    if (deadLetterFile) await appendFile(deadLetterFile, `${JSON.stringify(entry)}\n`);
  }

  function route(event: BusEvent): void {
    for (const rule of opts.rules) {
      if (!matchesPattern(rule.pattern, event)) continue;
      const copies = chaos.enabled ? 1 + chaos.duplicates : 1;
      for (let i = 0; i < copies; i++) {
        schedule({ rule, event, attempt: 0 }, chaos.enabled ? Math.floor(Math.random() * chaos.maxDelayMs) : 0);
      }
    }
  }

  function putEvents(body: unknown): { status: number; body: unknown } {
    const entries = isRecord(body) && Array.isArray(body.Entries) ? body.Entries : undefined;
    if (!entries || entries.length === 0) {
      return awsError(400, 'ValidationException', 'Entries must hold between 1 and 10 entries');
    }
    if (entries.length > MAX_ENTRIES) {
      return awsError(400, 'ValidationException', `Entries must hold at most ${MAX_ENTRIES} entries`);
    }
    const results = entries.map((entry: unknown) => {
      const checked = toEvent(entry);
      if ('ErrorCode' in checked) return checked;
      stats.published++;
      if (opts.onPublished) {
        const e = entry as { Source: string; DetailType: string; Detail: string; Time?: unknown };
        opts.onPublished({
          source: e.Source,
          detailType: e.DetailType,
          detail: e.Detail,
          resources: checked.resources,
          hasTime: e.Time !== undefined,
          envelope: JSON.stringify(checked),
        });
      }
      route(checked);
      return { EventId: checked.id };
    });
    const failed = results.filter((r) => 'ErrorCode' in r).length;
    return { status: 200, body: { FailedEntryCount: failed, Entries: results } };
  }

  /** DescribeEventBus of this bus (by name or ARN; no name is the default bus, which is not ours). */
  function describeEventBus(body: unknown): { status: number; body: unknown } {
    const name = isRecord(body) ? body.Name : undefined;
    if (!busMatches(name, opts.busName)) {
      return awsError(400, 'ResourceNotFoundException', `Event bus ${String(name ?? 'default')} does not exist.`);
    }
    return {
      status: 200,
      body: { Name: opts.busName, Arn: `arn:aws:events:${region}:${LOCAL_ACCOUNT}:event-bus/${opts.busName}` },
    };
  }

  function toEvent(entry: unknown): BusEvent | { ErrorCode: string; ErrorMessage: string } {
    if (!isRecord(entry)) return entryError('InvalidArgument', 'Entry must be an object');
    const { Source, DetailType, Detail, EventBusName, Resources, Time } = entry;
    if (EventBusName !== undefined && !busMatches(EventBusName, opts.busName)) {
      return entryError('ResourceNotFoundException', `Event bus ${String(EventBusName)} does not exist.`);
    }
    if (typeof Source !== 'string' || Source === '')
      return entryError('InvalidArgument', 'Parameter Source is not valid.');
    if (typeof DetailType !== 'string' || DetailType === '') {
      return entryError('InvalidArgument', 'Parameter DetailType is not valid.');
    }
    if (typeof Detail !== 'string') return entryError('InvalidArgument', 'Parameter Detail is not valid.');
    let detail: unknown;
    try {
      detail = JSON.parse(Detail);
    } catch {
      return entryError('MalformedDetail', 'Detail is malformed.');
    }
    if (!isRecord(detail)) return entryError('MalformedDetail', 'Detail is malformed.');
    const resources = Array.isArray(Resources) ? Resources.filter((r): r is string => typeof r === 'string') : [];
    const size = Buffer.byteLength(Detail) + Buffer.byteLength(DetailType) + Buffer.byteLength(Source);
    if (size > MAX_ENTRY_BYTES) return entryError('ValidationException', 'Total size of the entries exceeds 256KB.');
    const time =
      typeof Time === 'number' ? new Date(Time * 1000) : typeof Time === 'string' ? new Date(Time) : new Date();
    return {
      version: '0',
      id: randomUUID(),
      'detail-type': DetailType,
      source: Source,
      account: LOCAL_ACCOUNT,
      // EventBridge renders time at second precision.
      time: `${(Number.isNaN(time.getTime()) ? new Date() : time).toISOString().slice(0, 19)}Z`,
      region,
      resources,
      detail,
    };
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { __type: 'InternalException', message: 'Local bus failed' });
      console.error('[bus] request failed:', error instanceof Error ? error.message : error);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://bus');
    if (req.method === 'POST' && url.pathname === '/') {
      const target = String(req.headers['x-amz-target'] ?? '');
      const body = await readJson(req);
      if (target !== 'AWSEvents.PutEvents' && target !== 'AWSEvents.DescribeEventBus') {
        const answer = awsError(
          400,
          'UnknownOperationException',
          `The local bus supports PutEvents and DescribeEventBus`,
        );
        return sendJson(res, answer.status, answer.body, 'application/x-amz-json-1.1');
      }
      if (body === undefined) {
        return sendJson(res, 400, { __type: 'SerializationException', message: 'Body is not JSON' }, AMZ_JSON);
      }
      if (outage)
        return sendJson(res, 500, { __type: 'InternalException', message: 'Internal error (local outage)' }, AMZ_JSON);
      if (target === 'AWSEvents.DescribeEventBus') {
        const answer = describeEventBus(body);
        return sendJson(res, answer.status, answer.body, AMZ_JSON);
      }
      const answer = putEvents(body);
      return sendJson(res, answer.status, answer.body, AMZ_JSON);
    }
    if (req.method === 'GET' && url.pathname === '/api/stats') return sendJson(res, 200, stats);
    if (req.method === 'GET' && url.pathname === '/api/dead-letters') return sendJson(res, 200, { deadLetters });
    if (url.pathname === '/api/chaos') {
      if (req.method === 'PUT') {
        const asked = await readJson(req);
        if (!isRecord(asked) || typeof asked.enabled !== 'boolean') {
          return sendJson(res, 400, { message: 'Send { "enabled": true|false, "duplicates"?: n, "maxDelayMs"?: n }' });
        }
        chaos = {
          enabled: asked.enabled,
          duplicates: typeof asked.duplicates === 'number' ? asked.duplicates : DEFAULT_CHAOS.duplicates,
          maxDelayMs: typeof asked.maxDelayMs === 'number' ? asked.maxDelayMs : DEFAULT_CHAOS.maxDelayMs,
        };
      }
      return sendJson(res, 200, chaos);
    }
    if (req.method === 'PUT' && url.pathname === '/api/outage') {
      const asked = await readJson(req);
      if (!isRecord(asked) || typeof asked.enabled !== 'boolean') {
        return sendJson(res, 400, { message: 'Send { "enabled": true|false }' });
      }
      outage = asked.enabled;
      return sendJson(res, 200, { enabled: outage });
    }
    if (req.method === 'GET' && url.pathname === '/api/idle') {
      // The whole cloud when it says how (the stream feeds the bus); else just this bus.
      if (opts.untilIdle) await opts.untilIdle();
      else if (stats.pending > 0) await new Promise<void>((r) => idleWaiters.push(r));
      return sendJson(res, 200, stats);
    }
    sendJson(res, 404, { message: `No route for ${req.method} ${url.pathname}` });
  }

  await listen(server, opts.port);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    whenIdle: () => (stats.pending === 0 ? Promise.resolve() : new Promise<void>((r) => idleWaiters.push(r))),
    setChaos: (c) => {
      chaos = c;
    },
    stop: async () => {
      // Scheduled deliveries die with the process, as they would with a deleted bus; say so.
      stopped = true;
      if (timers.size > 0) console.warn(`[bus] stopping with ${timers.size} deliveries not yet attempted`);
      for (const timer of timers) clearTimeout(timer);
      stats.pending -= timers.size;
      timers.clear();
      for (const resolve of idleWaiters.splice(0)) resolve();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const AMZ_JSON = 'application/x-amz-json-1.1';

/** A bus is named by its name or its ARN (`arn:aws:events:<region>:<account>:event-bus/<name>`). */
function busMatches(given: unknown, busName: string): boolean {
  return typeof given === 'string' && (given === busName || given.endsWith(`:event-bus/${busName}`));
}

function entryError(ErrorCode: string, ErrorMessage: string) {
  return { ErrorCode, ErrorMessage };
}

function awsError(status: number, code: string, message: string) {
  return { status, body: { __type: code, message } };
}
