/**
 * Running the suite against another target is a tested path: the running target's outputs are
 * written to a file in `cdk deploy --outputs-file` form without the local cloud's own endpoints
 * (outbox, local bus, DynamoDB Local …), as LocalStack's or AWS's file would be, and an e2e file is
 * run through `E2E_OUTPUTS_FILE` by a second jest. That run treats the target as another one: it
 * targets the file's API, runs what needs only the API, prints each skip with its reason, and
 * passes; skips there are counted, not failures (test/support/zero-skips-reporter.cjs).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stackOutputs } from './support/outputs';

// A second jest transforms and runs a file on a shared, loaded machine: the limit catches a hang only.
jest.setTimeout(600_000);

const repoRoot = resolve(__dirname, '..', '..');

/** What a deployment's outputs file holds: the stack's outputs, none of the local cloud's endpoints. */
function deployedOutputs(): Record<string, string> {
  const outputs = stackOutputs();
  const deployed: Record<string, string | undefined> = {
    // CDK writes the HTTP API's URL with a trailing slash.
    ApiUrl: `${outputs.ApiUrl}/`,
    UserPoolId: outputs.UserPoolId,
    UserPoolClientId: outputs.UserPoolClientId,
    TableName: outputs.TableName,
    EventBusName: outputs.EventBusName,
    Region: outputs.Region,
    ConsumerRetrierFunctionName: outputs.ConsumerRetrierFunctionName,
    ConsumerDeadLetterQueueUrl: outputs.ConsumerDeadLetterQueueUrl,
    FilesBucketName: outputs.FilesBucketName,
  };
  return Object.fromEntries(Object.entries(deployed).filter((entry): entry is [string, string] => !!entry[1]));
}

type RunResult = { code: number | null; output: string };

function runJest(args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js'), ...args], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => resolvePromise({ code, output }));
  });
}

type JsonReport = { success: boolean; numPassedTests: number; numFailedTests: number; numPendingTests: number };

test('the suite runs against an outputs file of another target, printing its skips', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moneta-other-target-'));
  try {
    const outputsFile = join(dir, 'cdk-outputs.json');
    writeFileSync(outputsFile, JSON.stringify({ MonetaElsewhere: deployedOutputs() }, null, 2));
    const reportFile = join(dir, 'report.json');
    const env: NodeJS.ProcessEnv = { ...process.env, E2E_OUTPUTS_FILE: outputsFile };
    const run = await runJest(
      [
        '--selectProjects',
        'e2e',
        '--runInBand',
        '--json',
        `--outputFile=${reportFile}`,
        '--',
        'test/e2e/health.test.ts',
      ],
      env,
    );
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as JsonReport;
    expect({ code: run.code, success: report.success, failed: report.numFailedTests }).toEqual({
      code: 0,
      success: true,
      failed: 0,
    });
    // It targeted the file's API and ran what needs only the API …
    expect(run.output).toContain(`e2e: targeting ${stackOutputs().ApiUrl} from ${outputsFile}`);
    expect(report.numPassedTests).toBeGreaterThan(0);
    // … and skipped the local bus's outage test, saying why, instead of failing or passing it.
    expect(run.output).toMatch(/e2e: skipping "when the bus fails": the target has no EventBridgeEndpoint/);
    expect(report.numPendingTests).toBeGreaterThan(0);
    expect(run.output).toMatch(/e2e: \d+ test\(s\) skipped on this target/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
