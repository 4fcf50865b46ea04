import { InvokeCommand, LambdaClient, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import type { FunctionId } from '../../../lib/catalog/functions';
import { FunctionError } from '../../../lib/local/contracts';
import { type InvocationRecord, startLambdaService } from '../../../lib/local/lambda-service';

jest.setTimeout(30_000);

type Service = Awaited<ReturnType<typeof startLambdaService>>;

const FUNCTIONS = ['notifier', 'audit-logger'] as const;
const ARN = 'arn:aws:lambda:eu-west-1:000000000000:function:notifier';

/**
 * A fake function runtime: each function fails its first `failures` invocations, then answers
 * `{ handled: event }`. Records every call with its time.
 */
function flakyInvoker(failures: number) {
  const calls: { functionId: FunctionId; event: unknown; at: number }[] = [];
  return {
    calls,
    async invoke(functionId: FunctionId, event: unknown) {
      calls.push({ functionId, event: JSON.parse(JSON.stringify(event)), at: performance.now() });
      if (calls.filter((c) => c.functionId === functionId).length <= failures) {
        throw new FunctionError(functionId, 'LedgerUnavailable', 'the ledger is down');
      }
      return { handled: event };
    },
  };
}

const gaps = (calls: { at: number }[]) => calls.slice(1).map((c, i) => c.at - calls[i]!.at);

describe('local Lambda service: asynchronous invocation', () => {
  let service: Service | undefined;
  let warn: jest.SpyInstance;

  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(async () => {
    await service?.stop();
    service = undefined;
    warn.mockRestore();
  });

  const withDestination =
    (records: InvocationRecord[], settings = { retryAttempts: 2, maxEventAgeSeconds: 21_600 }) =>
    () => ({ ...settings, onFailure: async (record: InvocationRecord) => void records.push(record) });

  it('retries a function error and stops at the first success, with no invocation record', async () => {
    const invoker = flakyInvoker(2);
    const records: InvocationRecord[] = [];
    service = await startLambdaService({
      port: 0,
      invoker,
      functions: FUNCTIONS,
      timeScale: 0.001,
      asyncConfig: withDestination(records),
    });

    service.invokeAsync('notifier', { sourceEventId: 'e-1' });
    expect(service.stats().pending).toBe(1);
    await service.whenIdle();

    expect(invoker.calls).toHaveLength(3);
    expect(invoker.calls.every((c) => c.functionId === 'notifier')).toBe(true);
    expect(records).toEqual([]);
    expect(service.stats()).toEqual({
      accepted: 1,
      succeeded: 1,
      failed: 2,
      retried: 2,
      sentToDestination: 0,
      dropped: 0,
      pending: 0,
    });
  });

  it('after 1 + 2 attempts sends one invocation record (RetriesExhausted) to the on-failure destination', async () => {
    const invoker = flakyInvoker(Number.POSITIVE_INFINITY);
    const records: InvocationRecord[] = [];
    service = await startLambdaService({
      port: 0,
      invoker,
      functions: FUNCTIONS,
      timeScale: 0.001,
      asyncConfig: withDestination(records),
    });
    const event = { sourceEventId: 'e-2', detail: { email: 'ada@example.com' } };

    service.invokeAsync('notifier', event);
    event.sourceEventId = 'changed by the caller afterwards';
    await service.whenIdle();

    expect(invoker.calls).toHaveLength(3);
    expect(records).toEqual([
      {
        version: '1.0',
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        requestContext: {
          requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          functionArn: `${ARN}:$LATEST`,
          condition: 'RetriesExhausted',
          approximateInvokeCount: 3,
        },
        requestPayload: { sourceEventId: 'e-2', detail: { email: 'ada@example.com' } },
        responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
        responsePayload: { errorType: 'LedgerUnavailable', errorMessage: 'the ledger is down' },
      },
    ]);
    expect(service.stats()).toMatchObject({ accepted: 1, failed: 3, retried: 2, sentToDestination: 1, dropped: 0 });
    // The console names the function and the request, never the payload.
    const logged = warn.mock.calls.map((c) => String(c[0])).join('\n');
    expect(logged).toContain('notifier');
    expect(logged).not.toContain('ada@example.com');
  });

  it('waits at least 1 minute before the first retry and 2 before the second (scaled)', async () => {
    const invoker = flakyInvoker(Number.POSITIVE_INFINITY);
    // 0.01: 600 ms and 1200 ms, far enough apart that a loaded machine cannot swap their order.
    service = await startLambdaService({ port: 0, invoker, functions: FUNCTIONS, timeScale: 0.01 });

    service.invokeAsync('audit-logger', { sourceEventId: 'e-3' });
    await service.whenIdle();

    expect(invoker.calls).toHaveLength(3);
    const [first, second] = gaps(invoker.calls) as [number, number];
    expect(first).toBeGreaterThanOrEqual(600);
    expect(second).toBeGreaterThanOrEqual(1200);
    expect(second).toBeGreaterThanOrEqual(first);
  });

  it('drops the event when the function has no on-failure destination, and counts it', async () => {
    const invoker = flakyInvoker(Number.POSITIVE_INFINITY);
    service = await startLambdaService({ port: 0, invoker, functions: FUNCTIONS, timeScale: 0.001 });

    service.invokeAsync('notifier', { sourceEventId: 'secret-4' });
    await service.whenIdle();

    expect(invoker.calls).toHaveLength(3); // the default: 2 retries
    expect(service.stats()).toMatchObject({ failed: 3, sentToDestination: 0, dropped: 1, pending: 0 });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/notifier .*RetriesExhausted.*dropped/);
    expect(String(warn.mock.calls[0]![0])).not.toContain('secret-4');
  });

  it('stops retrying an event older than the maximum event age: EventAgeExceeded', async () => {
    const invoker = flakyInvoker(Number.POSITIVE_INFINITY);
    const records: InvocationRecord[] = [];
    service = await startLambdaService({
      port: 0,
      invoker,
      functions: FUNCTIONS,
      timeScale: 0.001,
      // The first retry comes 60 (scaled) seconds after the failure: past a 30-second age.
      asyncConfig: withDestination(records, { retryAttempts: 2, maxEventAgeSeconds: 30 }),
    });

    service.invokeAsync('notifier', { sourceEventId: 'e-5' });
    await service.whenIdle();

    expect(invoker.calls).toHaveLength(1);
    expect(records).toHaveLength(1);
    expect(records[0]!.requestContext).toMatchObject({ condition: 'EventAgeExceeded', approximateInvokeCount: 1 });
    expect(records[0]!.requestPayload).toEqual({ sourceEventId: 'e-5' });
  });

  it('honours fewer retry attempts', async () => {
    const invoker = flakyInvoker(Number.POSITIVE_INFINITY);
    const records: InvocationRecord[] = [];
    service = await startLambdaService({
      port: 0,
      invoker,
      functions: FUNCTIONS,
      timeScale: 0.001,
      asyncConfig: withDestination(records, { retryAttempts: 0, maxEventAgeSeconds: 21_600 }),
    });
    service.invokeAsync('notifier', {});
    await service.whenIdle();
    expect(invoker.calls).toHaveLength(1);
    expect(records[0]!.requestContext).toMatchObject({ condition: 'RetriesExhausted', approximateInvokeCount: 1 });
  });

  it('whenIdle waits for a scheduled retry; stop() cancels it and releases the waiters', async () => {
    const invoker = flakyInvoker(Number.POSITIVE_INFINITY);
    service = await startLambdaService({ port: 0, invoker, functions: FUNCTIONS, timeScale: 0.01 });
    let idle = false;

    service.invokeAsync('notifier', { sourceEventId: 'e-6' });
    const waiting = service.whenIdle().then(() => {
      idle = true;
    });
    while (invoker.calls.length === 0) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50)); // the retry is 600 ms away
    expect(idle).toBe(false);
    expect(service.stats()).toMatchObject({ failed: 1, pending: 1 });

    await service.stop();
    await waiting;
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('1 retries not yet attempted'));
    expect(service.stats().pending).toBe(0);
    await new Promise((r) => setTimeout(r, 800));
    expect(invoker.calls).toHaveLength(1);
    service = undefined;
  });

  it('refuses an unknown function and an out-of-range setting', async () => {
    service = await startLambdaService({ port: 0, invoker: flakyInvoker(0), functions: FUNCTIONS });
    expect(() => service!.invokeAsync('no-such-function', {})).toThrow(/Function not found/);
    await expect(
      startLambdaService({
        port: 0,
        invoker: flakyInvoker(0),
        functions: FUNCTIONS,
        asyncConfig: () => ({ retryAttempts: 3, maxEventAgeSeconds: 60 }),
      }),
    ).rejects.toThrow(/retryAttempts/);
  });
});

describe('local Lambda service: the Invoke API through the SDK', () => {
  let service: Service;
  let client: LambdaClient;
  let invoker: ReturnType<typeof flakyInvoker>;
  const text = (payload: Uint8Array | undefined) => new TextDecoder().decode(payload);

  beforeEach(async () => {
    invoker = flakyInvoker(0);
    service = await startLambdaService({ port: 0, invoker, functions: FUNCTIONS, timeScale: 0.001 });
    client = new LambdaClient({
      endpoint: service.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });
  afterEach(async () => {
    client.destroy();
    await service.stop();
  });

  it("RequestResponse answers with the handler's result", async () => {
    const answer = await client.send(
      new InvokeCommand({ FunctionName: 'notifier', Payload: JSON.stringify({ amount: '12.50' }) }),
    );
    expect(answer.StatusCode).toBe(200);
    expect(answer.FunctionError).toBeUndefined();
    expect(answer.ExecutedVersion).toBe('$LATEST');
    expect(JSON.parse(text(answer.Payload))).toEqual({ handled: { amount: '12.50' } });
    expect(invoker.calls).toEqual([{ functionId: 'notifier', event: { amount: '12.50' }, at: expect.any(Number) }]);
  });

  it('a function error is a 200 with FunctionError Unhandled and the error payload, never retried', async () => {
    const failing = flakyInvoker(Number.POSITIVE_INFINITY);
    const other = await startLambdaService({ port: 0, invoker: failing, functions: FUNCTIONS });
    const otherClient = new LambdaClient({
      endpoint: other.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    try {
      const answer = await otherClient.send(new InvokeCommand({ FunctionName: 'notifier', Payload: '{}' }));
      expect(answer.StatusCode).toBe(200);
      expect(answer.FunctionError).toBe('Unhandled');
      expect(JSON.parse(text(answer.Payload))).toEqual({
        errorType: 'LedgerUnavailable',
        errorMessage: 'the ledger is down',
      });
      expect(failing.calls).toHaveLength(1);
      // The service survives it.
      const again = await otherClient.send(new InvokeCommand({ FunctionName: 'audit-logger', Payload: '{}' }));
      expect(again.FunctionError).toBe('Unhandled');
    } finally {
      otherClient.destroy();
      await other.stop();
    }
  });

  it('Event answers 202 at once and runs the function asynchronously', async () => {
    const answer = await client.send(
      new InvokeCommand({ FunctionName: 'audit-logger', InvocationType: 'Event', Payload: '{"id":"ev-1"}' }),
    );
    expect(answer.StatusCode).toBe(202);
    expect(answer.Payload?.length ?? 0).toBe(0); // an empty body, which the SDK reads as a null Payload
    await service.whenIdle();
    expect(invoker.calls.map((c) => [c.functionId, c.event])).toEqual([['audit-logger', { id: 'ev-1' }]]);
    expect(service.stats()).toMatchObject({ accepted: 1, succeeded: 1 });
  });

  it('DryRun answers 204 without running anything', async () => {
    const answer = await client.send(new InvokeCommand({ FunctionName: 'notifier', InvocationType: 'DryRun' }));
    expect(answer.StatusCode).toBe(204);
    expect(invoker.calls).toEqual([]);
  });

  it('takes a full ARN (with :$LATEST), a partial ARN and a Qualifier', async () => {
    expect(service.functionArn('notifier')).toBe(ARN);
    for (const FunctionName of [`${ARN}:$LATEST`, ARN, '000000000000:function:notifier']) {
      const answer = await client.send(new InvokeCommand({ FunctionName, Payload: '{"n":1}' }));
      expect(answer.StatusCode).toBe(200);
    }
    await client.send(new InvokeCommand({ FunctionName: 'notifier', Qualifier: '$LATEST', Payload: '{"n":1}' }));
    expect(invoker.calls.map((c) => c.functionId)).toEqual(['notifier', 'notifier', 'notifier', 'notifier']);
  });

  it('answers ResourceNotFoundException for an unknown function or another account', async () => {
    for (const FunctionName of ['no-such-function', 'arn:aws:lambda:eu-west-1:111111111111:function:notifier']) {
      const failure = await client.send(new InvokeCommand({ FunctionName, Payload: '{}' })).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ResourceNotFoundException);
      expect(failure).toMatchObject({
        $metadata: { httpStatusCode: 404 },
        message: expect.stringContaining('Function not found'),
      });
    }
    expect(invoker.calls).toEqual([]);
  });

  it('answers InvalidRequestContentException for a payload that is not JSON', async () => {
    await expect(
      client.send(new InvokeCommand({ FunctionName: 'notifier', Payload: 'not json' })),
    ).rejects.toMatchObject({ name: 'InvalidRequestContentException', $metadata: { httpStatusCode: 400 } });
    expect(invoker.calls).toEqual([]);
  });
});
