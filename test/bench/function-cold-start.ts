/**
 * Bundle size and cold init time of every function.
 *
 * Each function is bundled exactly as the stack bundles it (lib/catalog/bundling.ts). Init time is
 * measured in a fresh Node process (no module cache, like a new Lambda execution environment):
 * the time to import the bundle. The baseline is a bare bundle that creates the same SDK clients
 * and nothing else, so the difference is what Moneta's own code and libraries cost at cold start.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { bundlingDefaults } from '../../lib/catalog/bundling';
import { environmentFor, type ResourceNames } from '../../lib/catalog/environment';
import { type FunctionSpec, functions } from '../../lib/catalog/functions';

const ROOT = resolve(import.meta.dirname, '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const names: ResourceNames = {
  tableName: 'bench',
  eventBusName: 'bench',
  userPoolId: 'eu-west-1_bench',
  userPoolClientId: 'bench',
  senderEmail: 'bench@example.com',
  sesConfigurationSet: 'bench',
  appName: 'Moneta',
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

/** The SDK clients a function creates, as a bare module: the floor any implementation pays. */
function baselineSource(spec: FunctionSpec): string {
  const lines: string[] = [];
  if (spec.table) {
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
  lines.push('export const handler = async () => ({});');
  return lines.join('\n');
}

/** Median wall time of importing `bundlePath` in a fresh process, in milliseconds. */
function initTime(bundlePath: string, env: Record<string, string>): number {
  const probe = `const t=performance.now();await import(${JSON.stringify(bundlePath)});console.log(performance.now()-t);`;
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
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
    samples.push(Number(result.stdout.trim()));
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

type ColdStartRow = {
  function: string;
  bundleKiB: number;
  gzipKiB: number;
  initMs: number;
  baselineInitMs: number;
};

export async function measureColdStarts(): Promise<ColdStartRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'moneta-bench-'));
  const rows: ColdStartRow[] = [];
  for (const spec of functions as readonly FunctionSpec[]) {
    const fnDir = join(dir, spec.id);
    mkdirSync(fnDir, { recursive: true });
    const bundlePath = join(fnDir, 'index.mjs');
    const baselineEntry = join(fnDir, 'baseline.ts');
    const baselinePath = join(fnDir, 'baseline.mjs');
    writeFileSync(baselineEntry, baselineSource(spec));
    await bundle(join(ROOT, spec.entry), bundlePath);
    await bundle(baselineEntry, baselinePath);
    const bytes = statSync(bundlePath).size;
    const env = environmentFor(spec, names);
    delete env.NODE_OPTIONS; // source-map support is measured separately by Lambda; keep the import comparable
    rows.push({
      function: spec.id,
      bundleKiB: round(bytes / 1024),
      gzipKiB: round(gzipSync(readFileSync(bundlePath)).length / 1024),
      initMs: round(initTime(bundlePath, env)),
      baselineInitMs: round(initTime(baselinePath, env)),
    });
  }
  return rows;
}

const round = (n: number) => Math.round(n * 10) / 10;
