/**
 * Bundle size and cold init time of every function, against the budget of the "Lean functions"
 * issue: what a bundle adds beyond the bare bundle of its SDK clients ≤ 250 KB (250,000 bytes)
 * minified, and cold init ≤ 1.3× that bare bundle's.
 *
 * Each function is bundled exactly as the stack bundles it (lib/catalog/bundling.ts). Init time is
 * measured in a fresh Node process (no module cache, like a new Lambda execution environment):
 * the CPU time of importing the bundle. The baseline ("bare") is a bundle that creates the same SDK
 * clients and nothing else, so the difference is what Moneta's own code and libraries cost at
 * cold start. Bare bundles are built once per set of clients; each function's init samples
 * alternate with samples of its bare bundle, and the ratio is of those paired medians, so load
 * from anything else on the machine weighs on both sides alike.
 *
 *   BENCH_RUNS=7           fresh processes per function, and as many of its bare bundle (medians)
 *   BENCH_FUNCTIONS=a,b    only these function ids (quick iteration)
 *   BENCH_JSON=file.json   also write the rows there (to compare before/after)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { bundlingDefaults } from '../../lib/catalog/bundling';
import { retryPolicySeconds } from '../../lib/catalog/consumer-retries';
import { environmentFor, type ResourceNames } from '../../lib/catalog/environment';
import { type FunctionSpec, functions } from '../../lib/catalog/functions';
import { ECB_RATES_URL, ratesFeedEnvironment } from '../../lib/catalog/rates-feed';

const ROOT = resolve(import.meta.dirname, '../..');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 7));
const BUNDLE_CONCURRENCY = 2;

/** The issue's budget: 250 KB added beyond the bare bundle, init ≤ 1.3× the bare init. */
export const BUDGET_ADDED_BYTES = 250_000;
export const BUDGET_INIT_RATIO = 1.3;
/**
 * Functions the budget does not apply to: the reference page's asset function serves Swagger UI's
 * files (about 2 MB of static text, bundled so the page needs no CDN); no route of the API loads it.
 */
export const BUDGET_EXEMPT: ReadonlySet<string> = new Set(['docs-asset-get']);

const names: ResourceNames = {
  tableName: 'bench',
  eventBusName: 'bench',
  userPoolId: 'eu-west-1_bench',
  userPoolClientId: 'bench',
  senderEmail: 'bench@example.com',
  sesConfigurationSet: 'bench',
  appName: 'Moneta',
  consumerRetries: { retryQueueUrl: 'bench', deadLetterQueueUrl: 'bench', policy: retryPolicySeconds() },
  ratesFeed: ratesFeedEnvironment(ECB_RATES_URL),
  filesBucketName: 'bench',
  apiUrl: 'https://api.example',
  webhookKeysParameter: '/moneta/bench/webhook-keys',
  jwtIssuer: 'http://127.0.0.1:9229/local_pool',
};

async function bundle(entry: string, outfile: string): Promise<void> {
  await build({
    ...bundlingDefaults,
    banner: { js: bundlingDefaults.banner },
    mainFields: [...bundlingDefaults.mainFields],
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    logLevel: 'error',
    // Baseline entries are written to a temp dir; resolve their imports from the project.
    nodePaths: [join(ROOT, 'node_modules')],
    absWorkingDir: ROOT,
  });
}

/** The SDK clients a function creates, as a key: functions with the same key share one bare bundle. */
function clientsOf(spec: FunctionSpec): string {
  const clients = [
    (spec.table || spec.tableItems) && 'dynamodb',
    spec.userPool && 'cognito',
    spec.putEvents && 'eventbridge',
    spec.sendEmail && 'sesv2',
    spec.retryQueue && 'sqs',
    spec.retryQueue === 'work' && 'lambda',
  ].filter(Boolean);
  return clients.length > 0 ? clients.join('+') : 'none';
}

/** The SDK clients a function creates, as a bare module: the floor any implementation pays. */
function baselineSource(spec: FunctionSpec): string {
  const lines: string[] = [];
  if (spec.table || spec.tableItems) {
    lines.push("import { DynamoDBClient } from '@aws-sdk/client-dynamodb';");
    lines.push("import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';");
    lines.push('export const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));');
  }
  if (spec.userPool) {
    lines.push("import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';");
    lines.push('export const cognito = new CognitoIdentityProviderClient({});');
  }
  if (spec.putEvents) {
    lines.push("import { EventBridgeClient } from '@aws-sdk/client-eventbridge';");
    lines.push('export const events = new EventBridgeClient({});');
  }
  if (spec.sendEmail) {
    lines.push("import { SESv2Client } from '@aws-sdk/client-sesv2';");
    lines.push('export const ses = new SESv2Client({});');
  }
  if (spec.retryQueue) {
    lines.push("import { SQSClient } from '@aws-sdk/client-sqs';");
    lines.push('export const sqs = new SQSClient({});');
  }
  if (spec.retryQueue === 'work') {
    lines.push("import { LambdaClient } from '@aws-sdk/client-lambda';");
    lines.push('export const lambda = new LambdaClient({});');
  }
  lines.push('export const handler = async () => ({});');
  return lines.join('\n');
}

/**
 * CPU time (user + system, all threads: parse, compile, GC, top-level code) of importing
 * `bundlePath` in one fresh process, in milliseconds. CPU rather than wall time: on a shared
 * machine wall time mostly measures the other processes (it varied 3× between identical bundles).
 */
function importTime(bundlePath: string, env: Record<string, string>): number {
  const probe = `const c=process.cpuUsage();await import(${JSON.stringify(bundlePath)});const d=process.cpuUsage(c);console.log((d.user+d.system)/1000);`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {
    env: {
      PATH: process.env.PATH ?? '',
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      POWERTOOLS_TRACE_ENABLED: 'false',
      ...env,
    },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`init of ${bundlePath} failed: ${result.stderr}`);
  return Number(result.stdout.trim());
}

export type ColdStartRow = {
  function: string;
  clients: string;
  bundleKiB: number;
  gzipKiB: number;
  bareKiB: number;
  /** Bundle minus bare bundle, KiB. */
  addedKiB: number;
  overSize: boolean;
  initMs: number;
  bareInitMs: number;
  /** initMs / bareInitMs. */
  initRatio: number;
  overInit: boolean;
};

type Built = { spec: FunctionSpec; clients: string; path: string; bytes: number; gzipBytes: number };

export async function measureColdStarts(): Promise<ColdStartRow[]> {
  const only = process.env.BENCH_FUNCTIONS?.split(',').map((id) => id.trim());
  const specs = (functions as readonly FunctionSpec[]).filter((spec) => !only || only.includes(spec.id));
  if (specs.length === 0) throw new Error(`BENCH_FUNCTIONS matched no function: ${process.env.BENCH_FUNCTIONS}`);
  const dir = mkdtempSync(join(tmpdir(), 'moneta-bench-'));
  try {
    // Bundling: a few at a time (all 54 at once take GBs of memory and thrash 2 cores); the bare
    // bundles once per client set.
    const bare = new Map<string, { path: string; bytes: number; env: Record<string, string> }>();
    for (const spec of specs) {
      const clients = clientsOf(spec);
      if (bare.has(clients)) continue;
      const entry = join(dir, `bare-${clients}.ts`);
      const path = join(dir, `bare-${clients}.mjs`);
      writeFileSync(entry, baselineSource(spec));
      await bundle(entry, path);
      bare.set(clients, { path, bytes: statSync(path).size, env: envFor(spec) });
    }
    const built: Built[] = await mapWithConcurrency(specs, BUNDLE_CONCURRENCY, async (spec) => {
      const fnDir = join(dir, spec.id);
      mkdirSync(fnDir, { recursive: true });
      const path = join(fnDir, 'index.mjs');
      await bundle(join(ROOT, spec.entry), path);
      return {
        spec,
        clients: clientsOf(spec),
        path,
        bytes: statSync(path).size,
        gzipBytes: gzipSync(readFileSync(path)).length,
      };
    });

    // Init: one fresh process at a time (2 shared cores: parallel runs would measure contention).
    const initSamples = new Map<string, { fn: number[]; bare: number[] }>();
    for (const [index, fn] of built.entries()) {
      const baseline = bare.get(fn.clients)!;
      const env = envFor(fn.spec);
      const samples = { fn: [] as number[], bare: [] as number[] };
      for (let i = 0; i < RUNS; i++) {
        samples.fn.push(importTime(fn.path, env));
        samples.bare.push(importTime(baseline.path, baseline.env));
      }
      initSamples.set(fn.spec.id, samples);
      process.stderr.write(`\r  measured ${index + 1}/${built.length} ${fn.spec.id.padEnd(40)}`);
    }
    process.stderr.write('\n');

    const rows = built.map((fn): ColdStartRow => {
      const baseline = bare.get(fn.clients)!;
      const samples = initSamples.get(fn.spec.id)!;
      const initMs = median(samples.fn);
      const bareInitMs = median(samples.bare);
      const addedBytes = fn.bytes - baseline.bytes;
      return {
        function: fn.spec.id,
        clients: fn.clients,
        bundleKiB: round(fn.bytes / 1024),
        gzipKiB: round(fn.gzipBytes / 1024),
        bareKiB: round(baseline.bytes / 1024),
        addedKiB: round(addedBytes / 1024),
        overSize: !BUDGET_EXEMPT.has(fn.spec.id) && addedBytes > BUDGET_ADDED_BYTES,
        initMs: round(initMs),
        bareInitMs: round(bareInitMs),
        initRatio: Math.round((initMs / bareInitMs) * 100) / 100,
        overInit: !BUDGET_EXEMPT.has(fn.spec.id) && initMs / bareInitMs > BUDGET_INIT_RATIO,
      };
    });
    return rows.sort((a, b) => b.bundleKiB - a.bundleKiB || a.function.localeCompare(b.function));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `work` over `items`, at most `limit` at a time, results in input order. */
async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function envFor(spec: FunctionSpec): Record<string, string> {
  const env = environmentFor(spec, names);
  delete env.NODE_OPTIONS; // source-map support is measured separately by Lambda; keep the import comparable
  return env;
}

/** The rows as an aligned Markdown table, flags (⚠) where a function is over budget, then medians. */
export function coldStartTable(rows: ColdStartRow[]): string {
  const header = ['function', 'bundle KiB', 'gzip KiB', 'bare KiB', 'added KiB', 'init ms', 'bare ms', 'ratio'];
  const flag = (over: boolean) => (over ? ' ⚠' : '');
  const body = rows.map((row) => [
    row.function,
    row.bundleKiB.toFixed(1),
    row.gzipKiB.toFixed(1),
    row.bareKiB.toFixed(1),
    `${row.addedKiB.toFixed(1)}${flag(row.overSize)}`,
    row.initMs.toFixed(1),
    row.bareInitMs.toFixed(1),
    `${row.initRatio.toFixed(2)}×${flag(row.overInit)}`,
  ]);
  const mid = (pick: (row: ColdStartRow) => number) => median(rows.map(pick));
  body.push([
    '**median**',
    mid((r) => r.bundleKiB).toFixed(1),
    mid((r) => r.gzipKiB).toFixed(1),
    mid((r) => r.bareKiB).toFixed(1),
    mid((r) => r.addedKiB).toFixed(1),
    mid((r) => r.initMs).toFixed(1),
    mid((r) => r.bareInitMs).toFixed(1),
    `${mid((r) => r.initRatio).toFixed(2)}×`,
  ]);
  const widths = header.map((h, col) => Math.max(h.length, ...body.map((cells) => cells[col]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, col) => (col === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  const overSize = rows.filter((r) => r.overSize).length;
  const overInit = rows.filter((r) => r.overInit).length;
  return [
    line(header),
    rule,
    ...body.map(line),
    '',
    `Budget: added ≤ ${BUDGET_ADDED_BYTES / 1000} KB (${round(BUDGET_ADDED_BYTES / 1024)} KiB), init ≤ ${BUDGET_INIT_RATIO}× bare. ` +
      `Over: ${overSize}/${rows.length} on size, ${overInit}/${rows.length} on init (⚠). ` +
      `Exempt: ${[...BUDGET_EXEMPT].join(', ')} (static files).`,
  ].join('\n');
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (n: number) => Math.round(n * 10) / 10;
