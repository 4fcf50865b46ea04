/**
 * The local Lambda service: bundles every function of the catalog exactly as the stack does
 * (esbuild with the shared bundling defaults) and runs each in warm worker threads with the
 * function's own environment, one invocation per worker at a time, with the spec's timeout.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type BuildOptions, build } from 'esbuild';
import { bundlingDefaults } from '../catalog/bundling';
import { environmentFor, type ResourceNames } from '../catalog/environment';
import {
  DEFAULT_MEMORY_MB,
  DEFAULT_TIMEOUT_SECONDS,
  type FunctionId,
  type FunctionSpec,
  functions,
} from '../catalog/functions';
import { DEFAULT_LOG_LEVEL, functionLogging, loggingEnvironment } from '../catalog/logging';
import { FunctionError, type InvocationUsage, type Invoker, type UsageMeter } from './contracts';
import type { InvokeMessage, WorkerData, WorkerReply } from './function-worker';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from './ports';

/**
 * Used when a spec leaves timeout or memory unset. They mirror the stack's defaults
 * (lib/constructs/moneta-function.ts), which cannot be imported here without loading aws-cdk-lib;
 * they belong in lib/catalog/functions.ts, where both would read them.
 */
/**
 * Lambda's limit on an on-demand function's init phase. An init that exceeds it does not fail the
 * request: Lambda runs init again inside the first invocation, under the function's own timeout
 * (docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html, "Init phase"). Here the
 * init simply goes on, with the same total budget: 10 s plus the function's timeout.
 */
const INIT_TIMEOUT_MS = 10_000;
/** Warm environments kept per function; further concurrent invocations wait in line. */
const MAX_WORKERS_PER_FUNCTION = 8;

// `__dirname` under Jest (CommonJS), `import.meta.url` under tsx (ESM).
const moduleDir = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(moduleDir, '..', '..');
const WORKER_SOURCE = join(moduleDir, 'function-worker.ts');

type OutputSink = (chunk: string, stream: 'stdout' | 'stderr') => void;

/**
 * Lets a fixed number of inits run at once, across every function. On AWS each new execution
 * environment initializes on CPU of its own, so a burst of cold starts takes no longer than one;
 * here they share the machine's cores, and ten at once on two loaded cores took over 20 s each and
 * failed requests that AWS would have served. So inits take turns, one per core, and the init
 * budget counts from when an init starts, not while it waits its turn.
 */
export type InitGate = { acquire(): Promise<() => void> };

export function createInitGate(slots = Math.max(1, availableParallelism())): InitGate {
  let free = slots;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free++;
  };
  return {
    async acquire() {
      if (free > 0) free--;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release();
      };
    },
  };
}

type WorkerPoolOptions = {
  functionId: string;
  bundlePath: string;
  /** The bundled worker bootstrap (see bundleWorkerBootstrap). */
  workerScript: string;
  env: Record<string, string>;
  timeoutMs: number;
  memoryMb?: number;
  region?: string;
  maxWorkers?: number;
  output?: OutputSink;
  /** Shared by every pool of a runtime (createInitGate); none: inits never wait. */
  initGate?: InitGate;
  /** Told of every finished invocation (the cost benchmark's meter); none: nothing is measured. */
  onInvocation?: (usage: InvocationUsage) => void;
};

export type WorkerPool = {
  invoke(event: unknown): Promise<unknown>;
  /** Environments currently alive (busy or warm). */
  size(): number;
  stop(): Promise<void>;
};

/** `initialized`: its handler module is loaded (it has answered an invocation's `started`). */
type Environment = { worker: Worker; busy: boolean; initialized: boolean };
type Job = { event: string; resolve(value: unknown): void; reject(error: unknown): void };

/** Bundles the worker bootstrap once per run, so workers load plain JavaScript under any loader. */
export async function bundleWorkerBootstrap(buildDir: string): Promise<string> {
  const outfile = join(buildDir, '_runtime', 'function-worker.mjs');
  await build({
    entryPoints: [WORKER_SOURCE],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: bundlingDefaults.target,
    logLevel: 'silent',
  });
  return outfile;
}

/** Warm execution environments of one function. */
export function startWorkerPool(options: WorkerPoolOptions): WorkerPool {
  const maxWorkers = options.maxWorkers ?? MAX_WORKERS_PER_FUNCTION;
  const memoryMb = options.memoryMb ?? DEFAULT_MEMORY_MB;
  const region = options.region ?? LOCAL_REGION;
  const environments: Environment[] = [];
  const queue: Job[] = [];
  let stopped = false;

  const context = (): InvokeMessage['context'] => ({
    functionName: options.functionId,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${LOCAL_ACCOUNT_ID}:function:${options.functionId}`,
    memoryLimitInMB: String(memoryMb),
    logGroupName: `/aws/lambda/${options.functionId}`,
    logStreamName: options.env.AWS_LAMBDA_LOG_STREAM_NAME ?? 'local',
  });

  function spawn(): Environment {
    const worker = new Worker(options.workerScript, {
      workerData: { bundlePath: options.bundlePath } satisfies WorkerData,
      // The function's environment only, like a Lambda sandbox; and none of the parent's loaders.
      env: { ...options.env },
      execArgv: [],
      stdout: true,
      stderr: true,
    });
    const output = options.output;
    worker.stdout.on('data', (chunk: Buffer) => output?.(chunk.toString(), 'stdout'));
    worker.stderr.on('data', (chunk: Buffer) => output?.(chunk.toString(), 'stderr'));
    const environment: Environment = { worker, busy: false, initialized: false };
    // A crash while idle (a stray timer throwing after the response) must not take the whole
    // local cloud down: the environment just disappears, and the next invocation starts a new one.
    worker.on('error', () => {});
    worker.on('exit', () => {
      const index = environments.indexOf(environment);
      if (index >= 0) environments.splice(index, 1);
    });
    environments.push(environment);
    return environment;
  }

  function discard(environment: Environment): void {
    const index = environments.indexOf(environment);
    if (index >= 0) environments.splice(index, 1);
    environment.worker.removeAllListeners('message');
    void environment.worker.terminate();
  }

  function drain(): void {
    while (!stopped && queue.length > 0) {
      const idle = environments.find((env) => !env.busy) ?? (environments.length < maxWorkers ? spawn() : undefined);
      if (!idle) return;
      run(idle, queue.shift()!);
    }
  }

  function run(environment: Environment, job: Job): void {
    environment.busy = true;
    if (environment.initialized || !options.initGate) {
      start(environment, job, () => {});
      return;
    }
    void options.initGate.acquire().then((release) => {
      if (stopped) {
        release();
        job.reject(new FunctionError(options.functionId, 'Runtime.Stopped', 'runtime stopped'));
        return;
      }
      start(environment, job, release);
    });
  }

  /** Runs `job` in `environment`; `releaseInit` gives the init turn back once init is over. */
  function start(environment: Environment, job: Job, releaseInit: () => void): void {
    const requestId = randomUUID();
    const { worker } = environment;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const cold = !environment.initialized;
    const posted = performance.now();
    let initDone: number | undefined;

    const settle = (outcome: () => void, keepWarm: boolean, ok = false) => {
      if (settled) return;
      settled = true;
      releaseInit();
      if (options.onInvocation && initDone !== undefined) {
        options.onInvocation({
          functionId: options.functionId,
          memoryMb,
          durationMs: performance.now() - initDone,
          ...(cold ? { initMs: initDone - posted } : {}),
          ok,
        });
      }
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (keepWarm) environment.busy = false;
      else discard(environment);
      outcome();
      drain();
    };
    const fail = (errorType: string, message: string, keepWarm: boolean) =>
      settle(() => job.reject(new FunctionError(options.functionId, errorType, message)), keepWarm);

    const startTimer = (ms: number, errorType: string, message: string) => {
      clearTimeout(timer);
      // Lambda stops a timed-out sandbox; the next invocation gets a fresh one.
      timer = setTimeout(() => fail(errorType, message, false), ms);
    };

    function onMessage(reply: WorkerReply) {
      if (reply.requestId !== requestId) return;
      if (reply.type === 'started') {
        initDone = performance.now();
        environment.initialized = true;
        releaseInit();
        const seconds = options.timeoutMs / 1000;
        startTimer(options.timeoutMs, 'Sandbox.Timedout', `Task timed out after ${seconds.toFixed(2)} seconds`);
      } else if (reply.type === 'result') {
        settle(() => job.resolve(JSON.parse(reply.payload)), true, true);
      } else {
        fail(reply.errorType, reply.errorMessage, !reply.fatal);
      }
    }
    function onError(error: Error) {
      // An uncaught exception or unhandled rejection outside the handler's promise kills the sandbox.
      fail(error.name || 'Error', error.message, false);
    }
    function onExit(code: number) {
      fail('Runtime.ExitError', `RequestId: ${requestId} Error: Runtime exited with error: exit status ${code}`, false);
    }

    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    const initBudgetMs = INIT_TIMEOUT_MS + options.timeoutMs;
    startTimer(initBudgetMs, 'Sandbox.Timedout', `Init and invoke did not complete in ${initBudgetMs / 1000} s`);
    const message: InvokeMessage = {
      type: 'invoke',
      requestId,
      event: job.event,
      timeoutMs: options.timeoutMs,
      context: context(),
    };
    worker.postMessage(message);
  }

  return {
    invoke(event) {
      if (stopped) return Promise.reject(new FunctionError(options.functionId, 'Runtime.Stopped', 'runtime stopped'));
      return new Promise((resolvePromise, rejectPromise) => {
        // Serialised like Lambda does: the handler sees JSON, never the caller's live objects.
        const text = JSON.stringify(event ?? null);
        queue.push({ event: text, resolve: resolvePromise, reject: rejectPromise });
        drain();
      });
    },
    size: () => environments.length,
    async stop() {
      stopped = true;
      for (const job of queue.splice(0)) {
        job.reject(new FunctionError(options.functionId, 'Runtime.Stopped', 'runtime stopped'));
      }
      await Promise.all(environments.splice(0).map((env) => env.worker.terminate()));
    },
  };
}

/** What the Lambda service sets in every sandbox, on top of the function's own configuration. */
function lambdaEnvironment(
  spec: FunctionSpec,
  names: ResourceNames,
  awsEnv: Record<string, string>,
  bundleDir: string,
): Record<string, string> {
  const memory = spec.memoryMb ?? DEFAULT_MEMORY_MB;
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  return {
    ...environmentFor(spec, names),
    ...awsEnv,
    AWS_LAMBDA_FUNCTION_NAME: spec.id,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(memory),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${spec.id}`,
    AWS_LAMBDA_LOG_STREAM_NAME: `${day}/[$LATEST]${randomUUID().replaceAll('-', '')}`,
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    _HANDLER: 'index.handler',
    LAMBDA_TASK_ROOT: bundleDir,
    TZ: 'UTC',
    // No X-Ray daemon locally: exactly a Lambda function without active tracing.
    POWERTOOLS_TRACE_ENABLED: 'false',
    // The logging controls a stack with the default settings gives every function.
    ...loggingEnvironment(functionLogging(DEFAULT_LOG_LEVEL)),
  };
}

type BuildOutcome = { spec: FunctionSpec; bundlePath?: string; problem?: string };

// The bundle NodejsFunction makes from the same defaults. The AWS SDK is bundled too: the local
// sandbox has no runtime-provided SDK, and the pinned version is the one the tests ran against.
function esbuildOptions(rootDir: string): BuildOptions {
  return {
    ...bundlingDefaults,
    mainFields: [...bundlingDefaults.mainFields],
    banner: { js: bundlingDefaults.banner },
    bundle: true,
    platform: 'node',
    absWorkingDir: rootDir,
    logLevel: 'silent',
  };
}

const bundlePathOf = (buildDir: string, spec: FunctionSpec) => join(buildDir, spec.id, 'index.mjs');

function describeBuildFailure(error: unknown): string {
  const errors = (error as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors;
  if (!errors?.length) return (error as Error).message;
  return errors
    .slice(0, 3)
    .map((e) => (e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text))
    .join('; ');
}

async function bundleOne(spec: FunctionSpec, buildDir: string, rootDir: string): Promise<BuildOutcome> {
  try {
    await build({
      ...esbuildOptions(rootDir),
      entryPoints: [resolve(rootDir, spec.entry)],
      outfile: bundlePathOf(buildDir, spec),
    });
    return { spec, bundlePath: bundlePathOf(buildDir, spec) };
  } catch (error) {
    return { spec, problem: `bundling ${spec.entry} failed: ${describeBuildFailure(error)}` };
  }
}

/** What the last build read (path → mtime), so an unchanged tree is not bundled again. */
type BuildManifest = { key: string; inputs: Record<string, number> };

const manifestKey = (specs: FunctionSpec[]) =>
  JSON.stringify({ bundlingDefaults, entries: specs.map((spec) => [spec.id, spec.entry]) });

async function isFresh(manifestFile: string, specs: FunctionSpec[], buildDir: string, rootDir: string) {
  try {
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as BuildManifest;
    if (manifest.key !== manifestKey(specs)) return false;
    if (!specs.every((spec) => existsSync(bundlePathOf(buildDir, spec)))) return false;
    const inputs = Object.entries(manifest.inputs);
    const mtimes = await Promise.all(inputs.map(([file]) => stat(resolve(rootDir, file)).then((s) => s.mtimeMs)));
    return inputs.every(([, recorded], i) => mtimes[i] === recorded);
  } catch {
    return false;
  }
}

/**
 * Bundles the functions in one esbuild run (modules they share are parsed once: several times
 * faster than one run per function). If that run fails, each function is bundled alone so the
 * failure is pinned to its entry and the others still run.
 */
async function bundleFunctions(
  specs: FunctionSpec[],
  buildDir: string,
  rootDir: string,
): Promise<{ outcomes: BuildOutcome[]; reused: boolean }> {
  const present = specs.filter((spec) => existsSync(resolve(rootDir, spec.entry)));
  const missing: BuildOutcome[] = specs
    .filter((spec) => !present.includes(spec))
    .map((spec) => ({ spec, problem: `entry ${spec.entry} does not exist` }));
  const built = (reused: boolean) => ({
    outcomes: [...missing, ...present.map((spec) => ({ spec, bundlePath: bundlePathOf(buildDir, spec) }))],
    reused,
  });
  if (present.length === 0) return { outcomes: missing, reused: false };

  const manifestFile = join(buildDir, 'manifest.json');
  if (await isFresh(manifestFile, present, buildDir, rootDir)) return built(true);
  try {
    const result = await build({
      ...esbuildOptions(rootDir),
      entryPoints: Object.fromEntries(present.map((spec) => [`${spec.id}/index`, resolve(rootDir, spec.entry)])),
      outdir: buildDir,
      outExtension: { '.js': '.mjs' },
      metafile: true,
    });
    const files = Object.keys(result.metafile?.inputs ?? {}).filter((file) => !file.includes(':'));
    const mtimes = await Promise.all(files.map((file) => stat(resolve(rootDir, file)).then((s) => s.mtimeMs)));
    const manifest: BuildManifest = {
      key: manifestKey(present),
      inputs: Object.fromEntries(files.map((file, i) => [file, mtimes[i]!])),
    };
    await writeFile(manifestFile, JSON.stringify(manifest));
    return built(false);
  } catch {
    await rm(manifestFile, { force: true });
    const outcomes = await Promise.all(present.map((spec) => bundleOne(spec, buildDir, rootDir)));
    return { outcomes: [...missing, ...outcomes], reused: false };
  }
}

type FunctionRuntimeOptions = {
  names: ResourceNames;
  awsEnv: Record<string, string>;
  buildDir: string;
  logDir: string;
  verbose?: boolean;
  /** Bundle and run only these functions (tests); the others answer Runtime.ImportModuleError. */
  only?: readonly FunctionId[];
  /** Repository root the catalog's entries are relative to. */
  rootDir?: string;
  /** Where start-up lines go (build time, warnings). */
  log?: (line: string) => void;
  /** The cost benchmark's meter: invocations, their output, environment overrides. */
  meter?: UsageMeter;
};

type FunctionRuntime = Invoker & {
  stop(): Promise<void>;
  /** Functions that could not be built, with the reason; invoking one fails. */
  unavailable: ReadonlyMap<FunctionId, string>;
};

function logSink(file: WriteStream, prefix: string, verbose: boolean): OutputSink {
  // Console lines are prefixed with the function id; chunks may end mid-line, so keep the rest.
  const partial = { stdout: '', stderr: '' };
  return (chunk, stream) => {
    file.write(chunk);
    if (!verbose) return;
    const lines = (partial[stream] + chunk).split('\n');
    partial[stream] = lines.pop() ?? '';
    const target = stream === 'stderr' ? process.stderr : process.stdout;
    for (const line of lines) if (line) target.write(`${prefix} ${line}\n`);
  };
}

export async function createFunctionRuntime(options: FunctionRuntimeOptions): Promise<FunctionRuntime> {
  const rootDir = options.rootDir ?? REPO_ROOT;
  const log = options.log ?? ((line: string) => console.log(line));
  const selected: FunctionSpec[] = functions.filter((fn) => !options.only || options.only.includes(fn.id));
  await mkdir(options.buildDir, { recursive: true });
  await mkdir(options.logDir, { recursive: true });

  const started = performance.now();
  const [workerScript, { outcomes, reused }] = await Promise.all([
    bundleWorkerBootstrap(options.buildDir),
    bundleFunctions(selected, options.buildDir, rootDir),
  ]);
  const built = outcomes.filter((o) => o.bundlePath);
  const elapsed = Math.round(performance.now() - started);
  log(
    `Bundled ${built.length}/${selected.length} functions in ${elapsed} ms${reused ? ' (unchanged since last run)' : ''}`,
  );

  const unavailable = new Map<FunctionId, string>();
  for (const outcome of outcomes) {
    if (outcome.problem) {
      unavailable.set(outcome.spec.id as FunctionId, outcome.problem);
      log(`  ⚠ ${outcome.spec.id} is not available: ${outcome.problem}`);
    }
  }

  const pools = new Map<FunctionId, WorkerPool>();
  const initGate = createInitGate();
  const logFiles: WriteStream[] = [];
  const bundles = new Map(built.map((o) => [o.spec.id as FunctionId, { spec: o.spec, path: o.bundlePath! }]));

  // Pools start on first use: a function nobody calls costs no thread, as with Lambda cold starts.
  function poolFor(id: FunctionId): WorkerPool {
    const existing = pools.get(id);
    if (existing) return existing;
    const bundle = bundles.get(id)!;
    const file = createWriteStream(join(options.logDir, `${id}.log`), { flags: 'a' });
    logFiles.push(file);
    const meter = options.meter;
    const sink = logSink(file, `[${id}]`, options.verbose ?? false);
    const pool = startWorkerPool({
      functionId: id,
      bundlePath: bundle.path,
      workerScript,
      env: {
        ...lambdaEnvironment(bundle.spec, options.names, options.awsEnv, dirname(bundle.path)),
        ...meter?.functionEnvironment?.(id),
      },
      timeoutMs: (bundle.spec.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
      memoryMb: bundle.spec.memoryMb ?? DEFAULT_MEMORY_MB,
      initGate,
      region: options.awsEnv.AWS_REGION,
      output: meter?.functionOutput
        ? (chunk, stream) => {
            meter.functionOutput?.(id, chunk);
            sink(chunk, stream);
          }
        : sink,
      ...(meter?.invocation ? { onInvocation: meter.invocation } : {}),
    });
    pools.set(id, pool);
    return pool;
  }

  let stopped = false;
  return {
    unavailable,
    async invoke(functionId, event) {
      if (stopped) throw new FunctionError(functionId, 'Runtime.Stopped', 'runtime stopped');
      if (!bundles.has(functionId)) {
        const reason = unavailable.get(functionId) ?? 'not selected in this runtime';
        throw new FunctionError(functionId, 'Runtime.ImportModuleError', `function was not built: ${reason}`);
      }
      return poolFor(functionId).invoke(event);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await Promise.all([...pools.values()].map((pool) => pool.stop()));
      await Promise.all(logFiles.map((file) => new Promise<void>((done) => file.end(() => done()))));
    },
  };
}
