import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResourceNames } from '../../../lib/catalog/environment';
import { FunctionError } from '../../../lib/local/contracts';
import {
  bundleWorkerBootstrap,
  createFunctionRuntime,
  createInitGate,
  startWorkerPool,
  type WorkerPool,
} from '../../../lib/local/function-runtime';

/** What the `behaviours` module answers. */
type Echo = {
  invocations: number;
  event: unknown;
  remaining: number;
  context: Record<string, string>;
  env: Record<string, string | undefined>;
};

const dir = mkdtempSync(join(tmpdir(), 'function-runtime-test-'));
let workerScript: string;
const pools: WorkerPool[] = [];

/** A throwaway function module, plain ESM like the bundles the runtime loads. */
function moduleFile(name: string, source: string): string {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, source);
  return file;
}

const behaviours = moduleFile(
  'behaviours',
  `
let invocations = 0;
export const handler = async (event, context) => {
  invocations += 1;
  if (event.action === 'fail') { const e = new Error('bad input'); e.name = 'ValidationFailed'; throw e; }
  if (event.action === 'sleep') await new Promise((r) => setTimeout(r, event.ms));
  if (event.action === 'exit') process.exit(3);
  return {
    invocations,
    event,
    remaining: context.getRemainingTimeInMillis(),
    context: { functionName: context.functionName, functionVersion: context.functionVersion, awsRequestId: context.awsRequestId,
      invokedFunctionArn: context.invokedFunctionArn, memoryLimitInMB: context.memoryLimitInMB },
    env: { TABLE_NAME: process.env.TABLE_NAME, ONLY_MINE: process.env.ONLY_MINE },
  };
};
`,
);

function pool(bundlePath: string, extra: Partial<Parameters<typeof startWorkerPool>[0]> = {}) {
  const created = startWorkerPool({
    functionId: 'test-fn',
    bundlePath,
    workerScript,
    env: { ONLY_MINE: 'yes' },
    timeoutMs: 2000,
    ...extra,
  });
  pools.push(created);
  return created;
}

async function failure(promise: Promise<unknown>): Promise<FunctionError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FunctionError);
  return error as FunctionError;
}

beforeAll(async () => {
  workerScript = await bundleWorkerBootstrap(join(dir, 'build'));
});

afterAll(async () => {
  await Promise.all(pools.map((p) => p.stop()));
});

describe('worker pool (one Lambda execution environment per worker)', () => {
  it('returns the result and passes the event as JSON with a Lambda-like context', async () => {
    const fn = pool(behaviours, { memoryMb: 256 });
    const result = (await fn.invoke({ at: new Date('2025-01-02T03:04:05Z'), n: 1 })) as Echo;
    expect(result.event).toEqual({ at: '2025-01-02T03:04:05.000Z', n: 1 });
    expect(result.context).toEqual({
      functionName: 'test-fn',
      functionVersion: '$LATEST',
      awsRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      invokedFunctionArn: 'arn:aws:lambda:eu-west-1:000000000000:function:test-fn',
      memoryLimitInMB: '256',
    });
    expect(result.remaining).toBeGreaterThan(1000);
    expect(result.remaining).toBeLessThanOrEqual(2000);
  });

  it("gives the function only its own environment, not the parent's", async () => {
    expect(process.env.TABLE_NAME).toBeDefined();
    const result = (await pool(behaviours).invoke({})) as Echo;
    expect(result.env).toEqual({ ONLY_MINE: 'yes' });
  });

  it('turns a thrown error into a FunctionError and keeps the environment warm', async () => {
    const fn = pool(behaviours);
    await fn.invoke({});
    const error = await failure(fn.invoke({ action: 'fail' }));
    expect(error.errorType).toBe('ValidationFailed');
    expect(error.message).toContain('bad input');
    const next = (await fn.invoke({})) as Echo;
    expect(next.invocations).toBe(3); // same module state: the sandbox was reused
    expect(fn.size()).toBe(1);
  });

  it('stops an invocation at the timeout with Sandbox.Timedout, and starts fresh afterwards', async () => {
    const fn = pool(behaviours, { timeoutMs: 300 });
    await fn.invoke({});
    const error = await failure(fn.invoke({ action: 'sleep', ms: 5000 }));
    expect(error.errorType).toBe('Sandbox.Timedout');
    const next = (await fn.invoke({})) as Echo;
    expect(next.invocations).toBe(1); // a new sandbox
  });

  it('runs concurrent invocations in parallel environments, and queues beyond the maximum', async () => {
    const fn = pool(behaviours, { maxWorkers: 2 });
    await fn.invoke({}); // warm one up so timings measure invocations, not start-up
    const started = Date.now();
    await Promise.all([1, 2, 3, 4].map(() => fn.invoke({ action: 'sleep', ms: 400 })));
    const elapsed = Date.now() - started;
    expect(fn.size()).toBe(2);
    expect(elapsed).toBeGreaterThanOrEqual(790); // two rounds of two
    expect(elapsed).toBeLessThan(1500); // not four in a row
  });

  it('reports an exiting handler as Runtime.ExitError', async () => {
    const error = await failure(pool(behaviours).invoke({ action: 'exit' }));
    expect(error.errorType).toBe('Runtime.ExitError');
  });

  it('reports an init failure, and retries init on the next invocation', async () => {
    const marker = join(dir, 'config-present');
    const file = moduleFile(
      'init-fails',
      `import { existsSync } from 'node:fs';
if (!existsSync(${JSON.stringify(marker)})) throw new Error('Missing required environment variable NEEDED');
export const handler = async () => 'ok';`,
    );
    const fn = pool(file);
    const error = await failure(fn.invoke({}));
    expect(error.message).toContain('NEEDED');
    expect(fn.size()).toBe(0); // the broken environment is gone
    writeFileSync(marker, '');
    await expect(fn.invoke({})).resolves.toBe('ok');
  });

  it('refuses a bundle that does not export the handler named by _HANDLER', async () => {
    const file = moduleFile('no-handler', 'export const main = async () => 1;');
    const error = await failure(pool(file, { env: { _HANDLER: 'index.handler' } }).invoke({}));
    expect(error.errorType).toBe('Runtime.HandlerNotFound');
  });
});

describe('cold starts under load', () => {
  it('take turns through the init gate: a second init starts when the first is over', async () => {
    // Each environment reports when its init (module top level, 300 ms) started and ended.
    const slowInit = moduleFile(
      'slow-init',
      `
const initStarted = Date.now();
await new Promise((resolve) => setTimeout(resolve, 300));
const initEnded = Date.now();
export const handler = async () => ({ initStarted, initEnded });
`,
    );
    const initGate = createInitGate(1);
    const [a, b] = (await Promise.all([
      pool(slowInit, { functionId: 'fn-a', initGate }).invoke({}),
      pool(slowInit, { functionId: 'fn-b', initGate }).invoke({}),
    ])) as { initStarted: number; initEnded: number }[];
    const [first, second] = [a!, b!].sort((x, y) => x.initStarted - y.initStarted);
    expect(second!.initStarted).toBeGreaterThanOrEqual(first!.initEnded);
  });

  it('lets warm environments run without waiting for a turn', async () => {
    const initGate = createInitGate(1);
    const fn = pool(behaviours, { initGate });
    await fn.invoke({});
    const hold = await initGate.acquire(); // every init turn taken
    try {
      await expect(fn.invoke({})).resolves.toMatchObject({ invocations: 2 });
    } finally {
      hold();
    }
  });
});

describe('createFunctionRuntime (the catalog, bundled with esbuild)', () => {
  const names: ResourceNames = {
    tableName: 'moneta',
    eventBusName: 'moneta',
    userPoolId: 'local_pool',
    userPoolClientId: 'client',
    senderEmail: 'no-reply@moneta.local',
    sesConfigurationSet: 'moneta',
    appName: 'Moneta',
    consumerRetries: { retryQueueUrl: 'http://sqs/retry', deadLetterQueueUrl: 'http://sqs/dead', policy: {} },
    ratesFeed: {},
    filesBucketName: 'moneta-files',
    apiUrl: 'http://127.0.0.1:4000',
    webhookKeysParameter: '/moneta/Moneta/webhook-keys',
    jwtIssuer: 'http://127.0.0.1:9229/local_pool',
  };

  it('bundles catalog entries, runs them with the stack environment, and names entries that are missing', async () => {
    // A stand-in repository: the notifier reports its environment, the eraser does not compile,
    // the audit logger's entry does not exist yet.
    const root = join(dir, 'repo');
    mkdirSync(join(root, 'functions/events'), { recursive: true });
    writeFileSync(
      join(root, 'functions/events/notifier.ts'),
      'export const handler = async (): Promise<Record<string, string | undefined>> => ({ ...process.env });',
    );
    writeFileSync(join(root, 'functions/events/user-data-eraser.ts'), 'export const handler = async ( => 1;');
    const lines: string[] = [];
    const runtime = await createFunctionRuntime({
      names,
      awsEnv: { AWS_REGION: 'eu-west-1', AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:1' },
      buildDir: join(dir, 'rt-build'),
      logDir: join(dir, 'rt-logs'),
      only: ['notifier', 'audit-logger', 'user-data-eraser'],
      rootDir: root,
      log: (line) => lines.push(line),
    });
    try {
      const env = (await runtime.invoke('notifier', {})) as Record<string, string>;
      expect(env).toMatchObject({
        TABLE_NAME: 'moneta',
        SENDER_EMAIL: 'no-reply@moneta.local',
        SES_CONFIGURATION_SET: 'moneta',
        POWERTOOLS_SERVICE_NAME: 'moneta-notifier',
        AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:1',
        AWS_LAMBDA_FUNCTION_NAME: 'notifier',
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
        AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
        _HANDLER: 'index.handler',
        TZ: 'UTC',
        POWERTOOLS_TRACE_ENABLED: 'false',
      });
      expect(env.EVENT_BUS_NAME).toBeUndefined(); // the notifier does not publish

      expect(lines.join('\n')).toContain(
        'audit-logger is not available: entry functions/events/audit-logger.ts does not exist',
      );
      const error = await failure(runtime.invoke('audit-logger', {}));
      expect(error.errorType).toBe('Runtime.ImportModuleError');
      expect(error.message).toContain('functions/events/audit-logger.ts');
      expect(lines.join('\n')).toMatch(
        /user-data-eraser is not available: bundling .*user-data-eraser.ts failed: .*:1:/,
      );
      expect((await failure(runtime.invoke('user-data-eraser', {}))).errorType).toBe('Runtime.ImportModuleError');
      await failure(runtime.invoke('me-get', {})); // not selected: refused, not silently run
    } finally {
      await runtime.stop();
    }
    expect(readFileSync(join(dir, 'rt-logs', 'notifier.log'), 'utf8')).toMatch(/START RequestId: .* Version: \$LATEST/);
  });
});

describe('bundle reuse', () => {
  it('reuses bundles when no input changed, and rebuilds when one did', async () => {
    const root = join(dir, 'reuse-repo');
    const entry = join(root, 'functions/events/audit-logger.ts');
    mkdirSync(join(root, 'functions/events'), { recursive: true });
    writeFileSync(entry, "export const handler = async () => 'first';");
    const start = async () => {
      const lines: string[] = [];
      const runtime = await createFunctionRuntime({
        names: {} as ResourceNames,
        awsEnv: {},
        buildDir: join(dir, 'reuse-build'),
        logDir: join(dir, 'reuse-logs'),
        only: ['audit-logger'],
        rootDir: root,
        log: (line) => lines.push(line),
      });
      const answer = await runtime.invoke('audit-logger', {});
      await runtime.stop();
      return { answer, reused: lines.some((line) => line.includes('unchanged since last run')) };
    };
    expect(await start()).toEqual({ answer: 'first', reused: false });
    expect(await start()).toEqual({ answer: 'first', reused: true });
    writeFileSync(entry, "export const handler = async () => 'second';");
    utimesSync(entry, new Date(), new Date(Date.now() + 5000)); // a distinct mtime even on coarse clocks
    expect(await start()).toEqual({ answer: 'second', reused: false });
  });
});
