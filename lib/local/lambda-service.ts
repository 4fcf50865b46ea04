/**
 * The local Lambda service: the SDK's Invoke (AWS_ENDPOINT_URL_LAMBDA) and the asynchronous
 * invocation EventBridge uses for rule targets, with Lambda's own error handling for it
 * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html):
 *  - an asynchronous invoke is accepted at once; the function runs afterwards;
 *  - a function error is retried `retryAttempts` times (0 to 2, default 2), the first retry at
 *    least 1 minute after the failure and the second at least 2 minutes after the next one;
 *  - an event older than `maxEventAgeSeconds` (default 6 h) is not retried any more;
 *  - then an invocation record goes to the function's on-failure destination, or, with none, the
 *    event is dropped
 *    (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html).
 * `timeScale` multiplies every platform delay and the event's age clock alike, so the whole
 * sequence, minutes on AWS, takes milliseconds in a test.
 *
 * HTTP API: POST /2015-03-31/functions/{FunctionName}/invocations (Invoke). FunctionName is a
 * name, a full ARN or a partial ARN (`<account>:function:<name>`), each optionally qualified.
 * There are no published versions or aliases locally: every qualifier runs the one code there is,
 * reported as `$LATEST`.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InvocationRecord } from '../../shared/kit/events/retries';
import type { FunctionId } from '../catalog/functions';
import { FunctionError, type Invoker, type RunningService } from './contracts';
import { listen, readJson } from './http';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from './ports';

/** What Lambda writes to an on-failure destination: the retrier reads the same declaration. */
export type { InvocationRecord } from '../../shared/kit/events/retries';

/** A function's asynchronous invocation settings (AWS::Lambda::EventInvokeConfig). */
export type AsyncInvokeConfig = {
  retryAttempts: number;
  maxEventAgeSeconds: number;
  onFailure?: (record: InvocationRecord) => Promise<void>;
};

export type LambdaStats = {
  /** Asynchronous invocations accepted. */
  accepted: number;
  /** Accepted invocations whose function eventually succeeded. */
  succeeded: number;
  /** Failed attempts (an invocation retried twice and failing counts 3). */
  failed: number;
  /** Retry attempts made. */
  retried: number;
  sentToDestination: number;
  /** Given up without a record delivered: no destination, or the destination failed. */
  dropped: number;
  /** Running or waiting for a retry. */
  pending: number;
};

/** Lambda's defaults: two retries, six hours. */
const DEFAULT_ASYNC_CONFIG: AsyncInvokeConfig = { retryAttempts: 2, maxEventAgeSeconds: 6 * 60 * 60 };
/** The waits before the first and the second retry (at least 1 minute, then at least 2). */
const RETRY_DELAYS_SECONDS = [60, 120] as const;

type AsyncInvocation = {
  requestId: string;
  functionId: string;
  payload: unknown;
  acceptedAt: number;
  attempts: number;
  config: AsyncInvokeConfig;
};

export async function startLambdaService(opts: {
  port: number;
  invoker: Invoker;
  functions: readonly string[];
  region?: string;
  account?: string;
  timeScale?: number;
  asyncConfig?: (functionId: string) => AsyncInvokeConfig | undefined;
}): Promise<
  RunningService & {
    invokeAsync(functionId: string, event: unknown): void;
    functionArn(functionId: string): string;
    whenIdle(): Promise<void>;
    stats(): LambdaStats;
  }
> {
  const region = opts.region ?? LOCAL_REGION;
  const account = opts.account ?? LOCAL_ACCOUNT_ID;
  const timeScale = opts.timeScale ?? 1;
  const known = new Set(opts.functions);
  const configOf = (functionId: string) => opts.asyncConfig?.(functionId) ?? DEFAULT_ASYNC_CONFIG;
  // The ranges PutFunctionEventInvokeConfig accepts (retries 0-2); a bad setting fails the start.
  for (const functionId of known) {
    const { retryAttempts, maxEventAgeSeconds } = configOf(functionId);
    if (!Number.isInteger(retryAttempts) || retryAttempts < 0 || retryAttempts > 2) {
      throw new Error(`${functionId}: retryAttempts must be 0, 1 or 2, got ${retryAttempts}`);
    }
    if (!(maxEventAgeSeconds > 0)) throw new Error(`${functionId}: maxEventAgeSeconds must be positive`);
  }

  const stats: LambdaStats = {
    accepted: 0,
    succeeded: 0,
    failed: 0,
    retried: 0,
    sentToDestination: 0,
    dropped: 0,
    pending: 0,
  };
  const timers = new Set<NodeJS.Timeout>();
  const idleWaiters: (() => void)[] = [];
  let stopped = false;

  const functionArn = (functionId: string) => `arn:aws:lambda:${region}:${account}:function:${functionId}`;

  function accept(functionId: string, event: unknown, requestId: string): void {
    if (!known.has(functionId)) throw new Error(`Function not found: ${functionArn(functionId)}`);
    stats.accepted++;
    stats.pending++;
    // A copy, as Lambda queues the serialized event: the caller may change its object afterwards.
    const payload = event === undefined ? {} : JSON.parse(JSON.stringify(event));
    const invocation = { requestId, functionId, payload, acceptedAt: performance.now(), attempts: 0 };
    void attempt({ ...invocation, config: configOf(functionId) });
  }

  function settle(): void {
    stats.pending--;
    if (stats.pending === 0) for (const resolve of idleWaiters.splice(0)) resolve();
  }

  /** Seconds since the event was accepted, on the platform's (scaled) clock. */
  const ageSeconds = (invocation: AsyncInvocation) => (performance.now() - invocation.acceptedAt) / 1000 / timeScale;

  async function attempt(invocation: AsyncInvocation): Promise<void> {
    invocation.attempts++;
    try {
      await opts.invoker.invoke(invocation.functionId as FunctionId, invocation.payload);
      stats.succeeded++;
      settle();
    } catch (error) {
      stats.failed++;
      const retry = invocation.attempts - 1;
      if (stopped) {
        stats.dropped++;
        settle();
      } else if (retry < invocation.config.retryAttempts) {
        scheduleRetry(invocation, error, RETRY_DELAYS_SECONDS[retry] ?? RETRY_DELAYS_SECONDS[1]);
      } else {
        await giveUp(invocation, error, 'RetriesExhausted');
      }
    }
  }

  function scheduleRetry(invocation: AsyncInvocation, lastError: unknown, delaySeconds: number): void {
    // "At least" the documented wait: a timer may fire a hair early on the monotonic clock, so re-arm.
    const dueAt = performance.now() + delaySeconds * 1000 * timeScale;
    const arm = (ms: number) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        const left = dueAt - performance.now();
        if (left > 0) return arm(left);
        if (ageSeconds(invocation) > invocation.config.maxEventAgeSeconds) {
          void giveUp(invocation, lastError, 'EventAgeExceeded');
        } else {
          stats.retried++;
          void attempt(invocation);
        }
      }, ms);
      timers.add(timer);
    };
    arm(dueAt - performance.now());
  }

  async function giveUp(
    invocation: AsyncInvocation,
    error: unknown,
    condition: InvocationRecord['requestContext']['condition'],
  ): Promise<void> {
    const { functionId, requestId, attempts } = invocation;
    // Names and ids only: the payload and the error message may hold personal data.
    const what = `[lambda] ${functionId} ${requestId}: ${condition} after ${attempts} attempt(s)`;
    try {
      const onFailure = invocation.config.onFailure;
      if (!onFailure) {
        stats.dropped++;
        console.warn(`${what}; no on-failure destination, event dropped`);
        return;
      }
      const record: InvocationRecord = {
        version: '1.0',
        timestamp: new Date().toISOString(),
        requestContext: {
          requestId,
          functionArn: `${functionArn(functionId)}:$LATEST`,
          condition,
          approximateInvokeCount: attempts,
        },
        requestPayload: invocation.payload,
        responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
        responsePayload: errorPayload(error),
      };
      try {
        await onFailure(record);
        stats.sentToDestination++;
        console.warn(`${what}; invocation record sent to the on-failure destination`);
      } catch (failure) {
        stats.dropped++;
        const reason = failure instanceof Error ? failure.name : 'unknown error';
        console.error(`${what}; the on-failure destination failed (${reason}), event dropped`);
      }
    } finally {
      settle();
    }
  }

  // --- HTTP: Invoke --------------------------------------------------------------------------

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) awsError(res, 500, 'ServiceException', 'Local Lambda service failed');
      console.error('[lambda] request failed:', error instanceof Error ? error.name : 'unknown error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://lambda');
    const route = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(url.pathname);
    if (req.method !== 'POST' || !route) {
      return awsError(res, 404, 'UnknownOperationException', `The local Lambda service only supports Invoke`);
    }
    const given = safeDecode(route[1]!);
    const target = given === undefined ? undefined : parseFunctionName(given);
    const qualifier = url.searchParams.get('Qualifier') ?? undefined;
    if (target?.qualifier !== undefined && qualifier !== undefined && target.qualifier !== qualifier) {
      return awsError(
        res,
        400,
        'InvalidParameterValueException',
        'The derived qualifier from the function name does not match the specified qualifier.',
      );
    }
    if (
      !target ||
      !known.has(target.name) ||
      (target.region ?? region) !== region ||
      (target.account ?? account) !== account
    ) {
      const arn = given?.startsWith('arn:') ? given : functionArn(target?.name ?? route[1]!);
      return awsError(res, 404, 'ResourceNotFoundException', `Function not found: ${arn}`);
    }
    const payload = await readJson(req, { emptyAs: {} });
    if (payload === undefined) {
      return awsError(res, 400, 'InvalidRequestContentException', 'Could not parse request body into json');
    }
    const requestId = randomUUID();
    const type = String(req.headers['x-amz-invocation-type'] ?? 'RequestResponse');
    if (type === 'DryRun') return void res.writeHead(204, { 'x-amzn-requestid': requestId }).end();
    if (type === 'Event') {
      res.writeHead(202, { 'x-amzn-requestid': requestId }).end();
      return accept(target.name, payload, requestId);
    }
    if (type !== 'RequestResponse') {
      return awsError(
        res,
        400,
        'InvalidParameterValueException',
        `Value '${type}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`,
      );
    }
    // Synchronous: no retries by Lambda; a function error is still a 200, flagged in a header.
    const headers = {
      'content-type': 'application/json',
      'x-amz-executed-version': '$LATEST',
      'x-amzn-requestid': requestId,
    };
    let body: string;
    try {
      body = JSON.stringify((await opts.invoker.invoke(target.name as FunctionId, payload)) ?? null);
    } catch (error) {
      res.writeHead(200, { ...headers, 'x-amz-function-error': 'Unhandled' }).end(JSON.stringify(errorPayload(error)));
      return;
    }
    res.writeHead(200, headers).end(body);
  }

  await listen(server, opts.port);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    invokeAsync: (functionId, event) => accept(functionId, event, randomUUID()),
    functionArn,
    whenIdle: () => (stats.pending === 0 ? Promise.resolve() : new Promise<void>((r) => idleWaiters.push(r))),
    stats: () => ({ ...stats }),
    stop: async () => {
      // Waiting retries die with the process, as a deleted function's queue would; say so.
      stopped = true;
      if (timers.size > 0) console.warn(`[lambda] stopping with ${timers.size} retries not yet attempted`);
      for (const timer of timers) clearTimeout(timer);
      stats.pending -= timers.size;
      timers.clear();
      for (const resolve of idleWaiters.splice(0)) resolve();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** What a Node.js function's error looks like in Invoke's response payload and invocation records. */
function errorPayload(error: unknown): { errorType: string; errorMessage: string } {
  if (error instanceof FunctionError) {
    // FunctionError keeps only its composed message; the handler's own message is what follows the prefix.
    const prefix = `${error.functionId} failed: ${error.errorType}: `;
    const errorMessage = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    return { errorType: error.errorType, errorMessage };
  }
  return error instanceof Error
    ? { errorType: error.name, errorMessage: error.message }
    : { errorType: 'Error', errorMessage: String(error) };
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Invoke's FunctionName: `name`, `name:qualifier`, `<account>:function:<name>[:qualifier]` or
 * `arn:<partition>:lambda:<region>:<account>:function:<name>[:qualifier]`.
 */
function parseFunctionName(
  given: string,
): { name: string; qualifier?: string; region?: string; account?: string } | undefined {
  const parts = given.split(':');
  if (parts[0] === 'arn') {
    if (parts.length < 7 || parts.length > 8 || parts[2] !== 'lambda' || parts[5] !== 'function') return undefined;
    return { region: parts[3], account: parts[4], name: parts[6]!, qualifier: parts[7] };
  }
  if (parts[1] === 'function') {
    return parts.length > 4 ? undefined : { account: parts[0], name: parts[2] ?? '', qualifier: parts[3] };
  }
  return parts.length > 2 ? undefined : { name: parts[0]!, qualifier: parts[1] };
}

/** Lambda's model spells the message member `Message` on these errors and `message` on the others. */
const CAPITALIZED_MESSAGE = new Set(['ResourceNotFoundException', 'ServiceException']);

/**
 * A restJson1 error: the SDK takes the code from `x-amzn-errortype` and the members from the body,
 * so a 404 here surfaces as the SDK's ResourceNotFoundException with its Type and Message.
 */
function awsError(res: ServerResponse, status: number, code: string, message: string): void {
  const messageKey = CAPITALIZED_MESSAGE.has(code) ? 'Message' : 'message';
  res
    .writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': code })
    .end(JSON.stringify({ Type: status >= 500 ? 'Service' : 'User', [messageKey]: message }));
}
