/**
 * The cost benchmark's recorder: the local cloud's usage meter (lib/local/contracts.ts) and the
 * DynamoDB counting proxy feed it; it keeps what happened in the current window (one recorded
 * operation, until the system has settled) and turns a window into billed quantities and dollars.
 *
 * What is counted, and what is modelled on top of the count:
 *  - Lambda: invocations and their measured duration, billed per ms at the function's memory; the
 *    init phase is billed too, at COLD_SHARE of invocations with the init measured here.
 *  - CloudWatch Logs: the lines each function wrote that its application log level keeps, plus
 *    the platform's records its system log level keeps (START/END/REPORT and XRAY in the text
 *    format), rendered as Lambda writes them, plus the HTTP API's access-log line rendered from
 *    the stack's own format.
 *  - X-Ray: one trace per invocation that starts one (API, stream, Cognito, schedule); consumers
 *    run in the trace of the publisher that put their event (the SDK forwards the trace header,
 *    and EventBridge passes it on to targets).
 *  - EventBridge: PutEvents entries in 64 KB chunks (Time, Source, DetailType, Detail, Resources),
 *    and the delivered event's bytes into the archive.
 */
import { randomUUID } from 'node:crypto';
import { rules } from '../../lib/catalog/rules';
import { ARCHIVE_RETENTION_DAYS } from '../../lib/constructs/events';
import type { InvocationUsage, PublishedEventUsage, UsageMeter } from '../../lib/local/contracts';
import { EVENT_SOURCE } from '../../shared/app/events';
import type { DynamoDbUsage } from './cost-dynamodb';
import { GB, prices } from './cost-prices';
import type { FunctionLoggingShape, FunctionShape, StackShape } from './cost-template';

/** Share of invocations that start a new execution environment (an assumption; docs/cost.md). */
export const COLD_SHARE = 0.01;

type LogTally = { bytes: number; events: number };

type Window = {
  invocations: InvocationUsage[];
  logs: Map<string, LogTally>;
  api: { routeKey?: string; status: number }[];
  events: PublishedEventUsage[];
  emails: number;
  sqs: string[];
  dynamodb: DynamoDbUsage[];
  /** Custom metrics (namespace|dimensions|name) emitted in the window. */
  metrics: Set<string>;
};

const emptyWindow = (): Window => ({
  invocations: [],
  logs: new Map(),
  api: [],
  events: [],
  emails: 0,
  sqs: [],
  dynamodb: [],
  metrics: new Set(),
});

/** Lines the local worker writes in place of Lambda's own: replaced by AWS's rendering. */
const LOCAL_PLATFORM_LINE = /^(START|END|REPORT) RequestId: /;

export type Quantities = {
  lambdaRequests: number;
  /** Billed duration (each invocation rounded up to 1 ms) × memory. */
  lambdaGbSeconds: number;
  lambdaDurationUsd: number;
  /** COLD_SHARE of invocations × the function's init × memory. */
  lambdaInitGbSeconds: number;
  lambdaInitUsd: number;
  apiRequests: number;
  eventChunks: number;
  archiveBytes: number;
  writeUnits: number;
  indexWriteUnits: number;
  readUnits: number;
  functionLogBytes: number;
  platformLogBytes: number;
  accessLogBytes: number;
  traces: number;
  emails: number;
  sqsRequests: number;
  invocationsByFunction: Record<string, number>;
  /** Events put on the bus, by detail-type. */
  eventsByType: Record<string, number>;
  dynamodbByFunction: Record<string, { read: number; write: number }>;
  /** Distinct custom metrics emitted (namespace|dimensions|name): each is billed per month it appears in. */
  customMetrics: string[];
};

export type CostRow = { item: string; quantity: number; unit: string; usd: number };

/** PutEvents entry size (EventBridge's documented calculation), in billed 64 KB chunks. */
export function eventChunks(event: PublishedEventUsage): number {
  const bytes =
    (event.hasTime ? 14 : 0) +
    Buffer.byteLength(event.source) +
    Buffer.byteLength(event.detailType) +
    Buffer.byteLength(event.detail) +
    event.resources.reduce((sum, resource) => sum + Buffer.byteLength(resource), 0);
  return Math.max(1, Math.ceil(bytes / (64 * 1024)));
}

/** Lambda's log levels by detail, most first; a line without a valid `level` counts as INFO. */
const LEVEL_RANK: Record<string, number> = { TRACE: 0, DEBUG: 1, INFO: 2, WARN: 3, ERROR: 4, CRITICAL: 5, FATAL: 5 };
const rank = (level: unknown) =>
  (typeof level === 'string' ? LEVEL_RANK[level.toUpperCase()] : undefined) ?? LEVEL_RANK.INFO!;

/**
 * Whether CloudWatch Logs gets a line the function wrote. With the JSON log format Lambda drops
 * lines below the application log level, reading a JSON line's `level` and taking anything else
 * (an EMF document, plain text) as INFO; with the text format it keeps everything.
 */
export function keptByLambda(line: string, logging: FunctionLoggingShape): boolean {
  if (logging.format !== 'JSON') return true;
  let level: unknown;
  if (line.startsWith('{')) {
    try {
      level = (JSON.parse(line) as { level?: unknown }).level;
    } catch {
      // Not JSON after all: INFO.
    }
  }
  return rank(level) >= rank(logging.applicationLogLevel);
}

/**
 * Lambda's own records for one invocation, as CloudWatch Logs ingests them under the function's
 * logging configuration. Text format: START, END and REPORT lines (and XRAY when traced), always.
 * JSON format: platform.start and platform.report (INFO) and platform.runtimeDone (DEBUG), each
 * only at or above the system log level; at WARN there are none (lib/catalog/logging.ts).
 */
export function platformLogBytes(
  usage: InvocationUsage,
  fn: Pick<FunctionShape, 'tracing' | 'logging'>,
  cold: boolean,
): number {
  const id = randomUUID();
  const billed = Math.ceil(usage.durationMs);
  const maxMemory = Math.round(usage.memoryMb / 5);
  const traceId = `1-${'0'.repeat(8)}-${'0'.repeat(24)}`;
  const segmentId = '0'.repeat(16);
  if (fn.logging.format === 'Text') {
    const lines = [
      `START RequestId: ${id} Version: $LATEST`,
      `END RequestId: ${id}`,
      `REPORT RequestId: ${id}\tDuration: ${usage.durationMs.toFixed(2)} ms\tBilled Duration: ${billed} ms\t` +
        `Memory Size: ${usage.memoryMb} MB\tMax Memory Used: ${maxMemory} MB\t` +
        (cold ? `Init Duration: ${(usage.initMs ?? 0).toFixed(2)} ms\t` : '') +
        (fn.tracing ? `\nXRAY TraceId: ${traceId}\tSegmentId: ${segmentId}\tSampled: true\t` : ''),
    ];
    return lines.reduce((sum, line) => sum + Buffer.byteLength(line), 0);
  }
  const sent = (level: string) => rank(level) >= rank(fn.logging.systemLogLevel);
  const time = new Date().toISOString();
  const tracing = fn.tracing
    ? {
        tracing: { spanId: segmentId, type: 'X-Amzn-Trace-Id', value: `Root=${traceId};Parent=${segmentId};Sampled=1` },
      }
    : {};
  const durationMs = Number(usage.durationMs.toFixed(3));
  const records: unknown[] = [];
  if (sent('INFO')) {
    records.push({ time, type: 'platform.start', record: { requestId: id, version: '$LATEST', ...tracing } });
  }
  if (sent('DEBUG')) {
    records.push({
      time,
      type: 'platform.runtimeDone',
      record: {
        requestId: id,
        status: 'success',
        ...tracing,
        spans: [
          { name: 'responseLatency', start: time, durationMs },
          { name: 'responseDuration', start: time, durationMs: 0.1 },
        ],
        metrics: { durationMs, producedBytes: 100 },
      },
    });
  }
  if (sent('INFO')) {
    records.push({
      time,
      type: 'platform.report',
      record: {
        requestId: id,
        metrics: {
          durationMs,
          billedDurationMs: billed,
          memorySizeMB: usage.memoryMb,
          maxMemoryUsedMB: maxMemory,
          ...(cold ? { initDurationMs: Number((usage.initMs ?? 0).toFixed(3)) } : {}),
        },
        ...tracing,
        status: 'success',
      },
    });
  }
  return records.reduce<number>((sum, record) => sum + Buffer.byteLength(JSON.stringify(record)), 0);
}

/** The stage's access-log line for one request, from the stack's format with typical values. */
export function accessLogBytes(format: string | undefined, request: { routeKey?: string; status: number }): number {
  if (!format) return 0;
  const values: Record<string, string> = {
    '$context.requestId': 'ZL3mzhq5joEEPfQ=',
    '$context.requestTime': '06/Dec/2026:10:15:30 +0000',
    '$context.identity.sourceIp': '203.0.113.10',
    '$context.routeKey': request.routeKey ?? '-',
    '$context.status': String(request.status),
    '$context.responseLatency': '48',
    '$context.integrationErrorMessage': '-',
    '$context.authorizer.error': '-',
  };
  const line = format.replace(/\$context\.[A-Za-z.]+/g, (name) => values[name] ?? '-');
  return Buffer.byteLength(line);
}

export function createRecorder(shape: StackShape) {
  let window = emptyWindow();
  let activity = 0;
  const partial = new Map<string, string>();
  /** Init measured per function (its first cold start here). */
  const initMs = new Map<string, number>();

  const tally = (functionId: string, line: string) => {
    if (!line || LOCAL_PLATFORM_LINE.test(line)) return;
    const logging = shape.functions[functionId]?.logging;
    if (logging && !keptByLambda(line, logging)) return;
    const logs = window.logs.get(functionId) ?? { bytes: 0, events: 0 };
    logs.bytes += Buffer.byteLength(line);
    logs.events += 1;
    window.logs.set(functionId, logs);
    if (line.includes('"_aws"')) {
      try {
        const emf = JSON.parse(line) as {
          _aws?: { CloudWatchMetrics?: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[] };
        } & Record<string, unknown>;
        for (const directive of emf._aws?.CloudWatchMetrics ?? []) {
          for (const dimensions of directive.Dimensions) {
            const values = dimensions.map((name) => `${name}=${String(emf[name])}`).join(',');
            for (const metric of directive.Metrics) {
              window.metrics.add(`${directive.Namespace}|${values}|${metric.Name}`);
            }
          }
        }
      } catch {
        // Not an EMF document after all: counted as a log line only.
      }
    }
  };

  const meter: UsageMeter = {
    invocation(usage) {
      activity++;
      if (usage.initMs !== undefined && !initMs.has(usage.functionId)) initMs.set(usage.functionId, usage.initMs);
      window.invocations.push(usage);
    },
    functionOutput(functionId, chunk) {
      activity++;
      const lines = ((partial.get(functionId) ?? '') + chunk).split('\n');
      partial.set(functionId, lines.pop() ?? '');
      for (const line of lines) tally(functionId, line);
    },
    apiRequest(usage) {
      activity++;
      window.api.push(usage);
    },
    eventPublished(usage) {
      activity++;
      window.events.push(usage);
    },
    emailSent(usage) {
      activity++;
      window.emails += usage.recipients;
    },
    sqsRequest(usage) {
      activity++;
      window.sqs.push(usage.action);
    },
  };

  const consumers = new Set<string>(rules.map((rule) => rule.target));
  /** Archived: the events the archive's pattern matches (the domain events' source). */
  const archived = (event: PublishedEventUsage) => event.source === EVENT_SOURCE;

  function quantities(w: Window): Quantities {
    const q: Quantities = {
      lambdaRequests: w.invocations.length,
      lambdaGbSeconds: 0,
      lambdaDurationUsd: 0,
      lambdaInitGbSeconds: 0,
      lambdaInitUsd: 0,
      apiRequests: w.api.length,
      eventChunks: w.events.reduce((sum, event) => sum + eventChunks(event), 0),
      archiveBytes: w.events.filter(archived).reduce((sum, event) => sum + Buffer.byteLength(event.envelope), 0),
      writeUnits: 0,
      indexWriteUnits: 0,
      readUnits: 0,
      functionLogBytes: [...w.logs.values()].reduce((sum, logs) => sum + logs.bytes, 0),
      platformLogBytes: 0,
      accessLogBytes: w.api.reduce((sum, request) => sum + accessLogBytes(shape.accessLogFormat, request), 0),
      traces: 0,
      emails: w.emails,
      sqsRequests: w.sqs.length,
      invocationsByFunction: {},
      eventsByType: {},
      dynamodbByFunction: {},
      customMetrics: [...w.metrics],
    };
    for (const event of w.events) q.eventsByType[event.detailType] = (q.eventsByType[event.detailType] ?? 0) + 1;
    for (const usage of w.invocations) {
      const fn = shape.functions[usage.functionId];
      if (!fn) throw new Error(`The stack has no function ${usage.functionId}`);
      const perGbSecond = prices.lambda.gbSecond[fn.architecture];
      // The stack's memory is the catalog's: a difference would make the local figures wrong.
      if (fn.memoryMb !== usage.memoryMb) throw new Error(`${usage.functionId}: memory differs from the stack's`);
      const gb = usage.memoryMb / 1024;
      const gbSeconds = (Math.ceil(usage.durationMs) / 1000) * gb;
      q.lambdaGbSeconds += gbSeconds;
      q.lambdaDurationUsd += gbSeconds * perGbSecond;
      const init = initMs.get(usage.functionId) ?? 0;
      const initGbSeconds = COLD_SHARE * (Math.ceil(init) / 1000) * gb;
      q.lambdaInitGbSeconds += initGbSeconds;
      q.lambdaInitUsd += initGbSeconds * perGbSecond;
      // Warm lines for all, plus the cold share's longer REPORT line.
      q.platformLogBytes +=
        (1 - COLD_SHARE) * platformLogBytes(usage, fn, false) +
        COLD_SHARE * platformLogBytes({ ...usage, initMs: init }, fn, true);
      if (fn.tracing && !consumers.has(usage.functionId)) q.traces += 1;
      q.invocationsByFunction[usage.functionId] = (q.invocationsByFunction[usage.functionId] ?? 0) + 1;
    }
    for (const usage of w.dynamodb) {
      q.writeUnits += usage.writeUnits;
      q.indexWriteUnits += usage.indexWriteUnits;
      q.readUnits += usage.readUnits;
      const byFunction = q.dynamodbByFunction[usage.functionId] ?? { read: 0, write: 0 };
      q.dynamodbByFunction[usage.functionId] = byFunction;
      byFunction.read += usage.readUnits;
      byFunction.write += usage.writeUnits + usage.indexWriteUnits;
    }
    return q;
  }

  return {
    meter,
    onDynamoDb(usage: DynamoDbUsage) {
      activity++;
      window.dynamodb.push(usage);
    },
    /** A counter that moves whenever anything is recorded: the system is settled when it stops. */
    activity: () => activity,
    /** Starts a new window and returns the previous one's raw records. */
    take(): Window {
      const taken = window;
      window = emptyWindow();
      return taken;
    },
    quantities,
    /**
     * The part of a window one piece of the system is billed for: the invocations, log lines and
     * DynamoDB units of `functions`, or (`limiter`) only the DynamoDB units spent on request-limit
     * items, whichever function spent them. Requests, events, emails and SQS are left out.
     */
    part(w: Window, of: { functions?: readonly string[]; limiter?: boolean }): Window {
      const mine = (functionId: string) => of.functions?.includes(functionId) ?? false;
      return {
        ...emptyWindow(),
        invocations: w.invocations.filter((usage) => mine(usage.functionId)),
        logs: new Map([...w.logs].filter(([functionId]) => mine(functionId))),
        dynamodb: w.dynamodb.filter((usage) => (of.limiter ? usage.limiter === true : mine(usage.functionId))),
      };
    },
    initMs: () => new Map(initMs),
  };
}

export type Recorder = ReturnType<typeof createRecorder>;
export type RecordedWindow = ReturnType<Recorder['take']>;

/** Averages windows (one per repetition of an operation) into quantities per operation. */
export function average(all: Quantities[]): Quantities {
  const n = all.length;
  const sumRecords = (pick: (q: Quantities) => Record<string, number>) => {
    const out: Record<string, number> = {};
    for (const q of all) for (const [k, v] of Object.entries(pick(q))) out[k] = (out[k] ?? 0) + v / n;
    return out;
  };
  const scalar = Object.fromEntries(
    (Object.keys(all[0]!) as (keyof Quantities)[])
      .filter((key) => typeof all[0]![key] === 'number')
      .map((key) => [key, all.reduce((sum, q) => sum + (q[key] as number), 0) / n]),
  ) as Omit<Quantities, 'invocationsByFunction' | 'eventsByType' | 'dynamodbByFunction' | 'customMetrics'>;
  const dynamodbByFunction: Quantities['dynamodbByFunction'] = {};
  for (const q of all) {
    for (const [fn, units] of Object.entries(q.dynamodbByFunction)) {
      const target = dynamodbByFunction[fn] ?? { read: 0, write: 0 };
      dynamodbByFunction[fn] = target;
      target.read += units.read / n;
      target.write += units.write / n;
    }
  }
  return {
    ...scalar,
    invocationsByFunction: sumRecords((q) => q.invocationsByFunction),
    eventsByType: sumRecords((q) => q.eventsByType),
    dynamodbByFunction,
    customMetrics: [...new Set(all.flatMap((q) => q.customMetrics))],
  };
}

/** Weighted mean of per-operation quantities (weights need not sum to 1). */
export function weighted(parts: { quantities: Quantities; weight: number }[]): Quantities {
  const total = parts.reduce((sum, part) => sum + part.weight, 0);
  // The mean of parts each scaled by weight × count / total is the weighted mean.
  return average(parts.map((part) => scale(part.quantities, (part.weight / total) * parts.length)));
}

/**
 * What `a` counted beyond `b` (a − b, field by field): what one case adds to another. Counts
 * subtract exactly; durations are measured, so their difference carries both runs' noise.
 */
export function difference(a: Quantities, b: Quantities): Quantities {
  const out = scale(average([a, scale(b, -1)]), 2);
  return { ...out, customMetrics: a.customMetrics.filter((metric) => !b.customMetrics.includes(metric)) };
}

function scale(q: Quantities, factor: number): Quantities {
  const out = { ...q } as Record<string, unknown>;
  for (const [key, value] of Object.entries(q)) if (typeof value === 'number') out[key] = value * factor;
  out.invocationsByFunction = Object.fromEntries(
    Object.entries(q.invocationsByFunction).map(([k, v]) => [k, v * factor]),
  );
  out.eventsByType = Object.fromEntries(Object.entries(q.eventsByType).map(([k, v]) => [k, v * factor]));
  out.dynamodbByFunction = Object.fromEntries(
    Object.entries(q.dynamodbByFunction).map(([k, v]) => [k, { read: v.read * factor, write: v.write * factor }]),
  );
  return out as Quantities;
}

/** The priced rows of one transaction's quantities. */
export function costRows(q: Quantities): CostRow[] {
  const perMillion = (count: number, price: number) => (count * price) / 1_000_000;
  const logBytes = q.functionLogBytes + q.platformLogBytes + q.accessLogBytes;
  return [
    {
      item: 'Lambda requests',
      quantity: q.lambdaRequests,
      unit: 'invocations',
      usd: perMillion(q.lambdaRequests, prices.lambda.requestPerMillion),
    },
    { item: 'Lambda duration', quantity: q.lambdaGbSeconds, unit: 'GB-s', usd: q.lambdaDurationUsd },
    {
      item: `Lambda init (${COLD_SHARE * 100} % cold)`,
      quantity: q.lambdaInitGbSeconds,
      unit: 'GB-s',
      usd: q.lambdaInitUsd,
    },
    {
      item: 'HTTP API requests',
      quantity: q.apiRequests,
      unit: 'requests',
      usd: perMillion(q.apiRequests, prices.httpApi.requestPerMillion),
    },
    {
      item: 'EventBridge events',
      quantity: q.eventChunks,
      unit: '64 KB events',
      usd: perMillion(q.eventChunks, prices.eventBridge.customEventPerMillion),
    },
    {
      item: 'EventBridge archive (processed)',
      quantity: q.archiveBytes,
      unit: 'bytes',
      usd: (q.archiveBytes / GB) * prices.eventBridge.archivePerGbProcessed,
    },
    {
      item: `EventBridge archive (kept ${ARCHIVE_RETENTION_DAYS} days)`,
      quantity: q.archiveBytes * (ARCHIVE_RETENTION_DAYS / 30),
      unit: 'byte-months',
      usd: (q.archiveBytes / GB) * (ARCHIVE_RETENTION_DAYS / 30) * prices.eventBridge.archiveStorageGbMonth,
    },
    {
      item: 'DynamoDB writes (table)',
      quantity: q.writeUnits,
      unit: 'WRU',
      usd: perMillion(q.writeUnits, prices.dynamodb.writeRequestUnitPerMillion),
    },
    {
      item: 'DynamoDB writes (indexes)',
      quantity: q.indexWriteUnits,
      unit: 'WRU',
      usd: perMillion(q.indexWriteUnits, prices.dynamodb.writeRequestUnitPerMillion),
    },
    {
      item: 'DynamoDB reads',
      quantity: q.readUnits,
      unit: 'RRU',
      usd: perMillion(q.readUnits, prices.dynamodb.readRequestUnitPerMillion),
    },
    {
      item: 'CloudWatch Logs ingested',
      quantity: logBytes,
      unit: 'bytes',
      usd: (logBytes / GB) * prices.cloudWatch.logsIngestionPerGb,
    },
    {
      item: 'X-Ray traces',
      quantity: q.traces,
      unit: 'traces',
      usd: perMillion(q.traces, prices.xray.traceRecordedPerMillion),
    },
    {
      item: 'SQS requests',
      quantity: q.sqsRequests,
      unit: 'requests',
      usd: perMillion(q.sqsRequests, prices.sqs.requestPerMillion),
    },
    { item: 'SES emails', quantity: q.emails, unit: 'emails', usd: (q.emails * prices.ses.emailPerThousand) / 1000 },
  ];
}
