/**
 * What happens to an event a consumer failed on, after Lambda's own retries, and to an event the
 * stream publisher could not put on the bus. On AWS an event
 * reaches a consumer as an asynchronous invocation: Lambda retries a throwing function twice (1
 * and 2 minutes later) and then writes an invocation record to the function's on-failure
 * destination, the retry queue. The consumer retrier (functions/ops/retry-consumers.ts) sweeps that
 * queue on a schedule and decides here, for each record: invoke the consumer again now, wait
 * (backing off), or give up into the dead-letter queue once the event has failed for longer than
 * the retry window (over 24 hours). Consumers are idempotent, so a retry applies an event exactly
 * once however often it is delivered.
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
 */

/** An invocation record, as Lambda writes it to an on-failure destination (and the local cloud too). */
export type InvocationRecord = {
  version: string;
  /** When Lambda gave up on the invocation: the end of the latest failed attempt. */
  timestamp: string;
  requestContext: {
    requestId: string;
    functionArn: string;
    condition: 'RetriesExhausted' | 'EventAgeExceeded';
    approximateInvokeCount: number;
  };
  /** The event the function was invoked with (an EventBridge envelope, plus the retry marker). */
  requestPayload: unknown;
  responseContext?: { statusCode: number; executedVersion: string; functionError?: string };
  responsePayload?: unknown;
};

/**
 * An event the stream publisher could not put on the bus, parked by the publisher itself with the
 * whole PutEvents entry: the stream keeps a record for 24 hours only, and its failure destination
 * receives the record's position, not the record, so this is what makes the event replayable.
 */
export type ParkedPublication = {
  kind: typeof PUBLICATION_KIND;
  /** When the latest attempt failed. */
  timestamp: string;
  firstFailedAt: string;
  retries: number;
  /** PutEvents request entries (Source, DetailType, Detail, EventBusName, Time as ISO text). */
  entries: Record<string, unknown>[];
};
export const PUBLICATION_KIND = 'moneta.publication';

/** Added to a retried event's envelope (consumers ignore envelope keys they do not know). */
export const RETRY_MARKER = 'moneta-retry';
export type RetryMarker = {
  /** When the event first failed after Lambda's own retries: the retry window counts from here. */
  firstFailedAt: string;
  /** How many times the retrier has invoked the consumer again. */
  retries: number;
};

export type RetryPolicy = {
  /** How long an event is retried before it goes to the dead-letter queue. */
  windowMs: number;
  /** The wait before the first retry by the retrier; it doubles with each retry, up to maxDelayMs. */
  firstDelayMs: number;
  maxDelayMs: number;
};

export type RetryDecision =
  | { action: 'invoke'; functionArn: string; payload: Record<string, unknown> }
  | { action: 'publish'; publication: ParkedPublication }
  | { action: 'wait'; delayMs: number }
  | { action: 'dead-letter'; reason: string };

/** A message of the retry queue: Lambda's invocation record, or the publisher's parked events. */
export type Parked =
  | { kind: 'invocation'; record: InvocationRecord }
  | { kind: 'publication'; publication: ParkedPublication };

export function parseParked(body: string): Parked | undefined {
  const value = parseJson(body);
  if (isObject(value) && value.kind === PUBLICATION_KIND) {
    const ok =
      typeof value.timestamp === 'string' &&
      typeof value.firstFailedAt === 'string' &&
      typeof value.retries === 'number' &&
      Array.isArray(value.entries) &&
      value.entries.every(isObject);
    return ok ? { kind: 'publication', publication: value as ParkedPublication } : undefined;
  }
  const record = parseInvocationRecord(body);
  return record ? { kind: 'invocation', record } : undefined;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** Parses a queue message body into an invocation record; undefined when it is not one. */
export function parseInvocationRecord(body: string): InvocationRecord | undefined {
  const value = parseJson(body);
  if (!isObject(value) || typeof value.timestamp !== 'string' || !isObject(value.requestContext)) return undefined;
  const context = value.requestContext;
  if (typeof context.functionArn !== 'string' || !isObject(value.requestPayload)) return undefined;
  return value as InvocationRecord;
}

/** The retry marker an event carries, if the retrier has invoked it before. */
export function retryMarkerOf(payload: unknown): RetryMarker | undefined {
  if (!isObject(payload)) return undefined;
  const marker = payload[RETRY_MARKER];
  if (!isObject(marker) || typeof marker.firstFailedAt !== 'string' || typeof marker.retries !== 'number') {
    return undefined;
  }
  return { firstFailedAt: marker.firstFailedAt, retries: marker.retries };
}

/** The wait before retry number `retries + 1`: doubling from the first delay, capped. */
export function backoffMs(retries: number, policy: RetryPolicy): number {
  return Math.min(policy.firstDelayMs * 2 ** retries, policy.maxDelayMs);
}

type Timing = { firstFailedAt: number; lastFailedAt: number; retries: number };

/** Dead-letter, wait, or undefined: due now. */
function timingDecision(timing: Timing, now: number, policy: RetryPolicy): RetryDecision | undefined {
  const { firstFailedAt, lastFailedAt, retries } = timing;
  if (Number.isNaN(firstFailedAt) || Number.isNaN(lastFailedAt)) {
    return { action: 'dead-letter', reason: 'the record has no valid timestamp' };
  }
  if (now - firstFailedAt >= policy.windowMs) {
    return { action: 'dead-letter', reason: `failing for longer than the retry window after ${retries} retries` };
  }
  const dueAt = lastFailedAt + backoffMs(retries, policy);
  return now < dueAt ? { action: 'wait', delayMs: dueAt - now } : undefined;
}

/** What to do with one parked message at time `now`. */
export function decideParked(parked: Parked, now: number, policy: RetryPolicy): RetryDecision {
  if (parked.kind === 'invocation') return decide(parked.record, now, policy);
  const { publication } = parked;
  const timing = {
    firstFailedAt: Date.parse(publication.firstFailedAt),
    lastFailedAt: Date.parse(publication.timestamp),
    retries: publication.retries,
  };
  return timingDecision(timing, now, policy) ?? { action: 'publish', publication };
}

/** What to do with one invocation record at time `now`. */
export function decide(record: InvocationRecord, now: number, policy: RetryPolicy): RetryDecision {
  const marker = retryMarkerOf(record.requestPayload);
  const firstFailedAt = Date.parse(marker?.firstFailedAt ?? record.timestamp);
  const retries = marker?.retries ?? 0;
  const timing = timingDecision({ firstFailedAt, lastFailedAt: Date.parse(record.timestamp), retries }, now, policy);
  if (timing) return timing;
  const payload = record.requestPayload as Record<string, unknown>;
  const next: RetryMarker = { firstFailedAt: new Date(firstFailedAt).toISOString(), retries: retries + 1 };
  return {
    action: 'invoke',
    functionArn: record.requestContext.functionArn,
    payload: { ...payload, [RETRY_MARKER]: next },
  };
}

/**
 * The event of a dead-lettered record, to invoke its consumer with again (a redrive): its retry
 * window starts over now.
 */
export function redrivePayload(record: InvocationRecord, now: number): Record<string, unknown> {
  const { [RETRY_MARKER]: _previous, ...payload } = record.requestPayload as Record<string, unknown>;
  const marker: RetryMarker = { firstFailedAt: new Date(now).toISOString(), retries: 0 };
  return { ...payload, [RETRY_MARKER]: marker };
}

/** The publication after a failed attempt at `now`, holding only the entries still unpublished. */
export function parkedPublication(
  entries: Record<string, unknown>[],
  now: number,
  previous?: ParkedPublication,
): ParkedPublication {
  const at = new Date(now).toISOString();
  return {
    kind: PUBLICATION_KIND,
    timestamp: at,
    firstFailedAt: previous?.firstFailedAt ?? at,
    retries: previous ? previous.retries + 1 : 0,
    entries,
  };
}

/** The function name within an ARN (`arn:aws:lambda:<region>:<account>:function:<name>[:qualifier]`). */
export function functionNameOf(functionArn: string): string {
  const parts = functionArn.split(':');
  return parts[0] === 'arn' && parts.length >= 7 ? parts[6]! : functionArn;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
