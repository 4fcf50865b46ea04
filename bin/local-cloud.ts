/**
 * `npm start`: the whole of Moneta on this machine, no AWS account and no Docker.
 *
 *   --in-memory            keep no data (only bundles and logs, in a temp dir)
 *   --port <base>          base port (default 4010): API +0, Cognito +1, DynamoDB +2, EventBridge +3, outbox +4,
 *                          SQS +5, Lambda +6
 *   --state-dir <dir>      where data lives between runs (default .moneta-local)
 *   --outputs-file <file>  cdk-style outputs (default <state-dir>/outputs.json)
 *   --chaos                the bus delivers every event twice, out of order
 *   --time-scale <f>       platform delays × f (default 1, as on AWS): Lambda's retry waits, the
 *                          consumer retry window and schedule; 0.001 makes a day 86 s
 *   --verbose              functions' logs on the console too
 *
 * The e2e suite waits for the line `Moneta local cloud is ready`.
 */
// Lambda runs in UTC; the time zone is per process, so the whole local cloud does too.
process.env.TZ = 'UTC';

import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type LocalCloud, startLocalCloud } from '../lib/local/cloud';
import { DEFAULT_BASE_PORT, portsFrom } from '../lib/local/ports';

const READY_LINE = 'Moneta local cloud is ready';

function usage(message: string): never {
  console.error(
    `${message}\nUsage: npm start -- [--in-memory] [--port <base>] [--state-dir <dir>] [--outputs-file <file>] [--chaos] [--time-scale <f>] [--verbose]`,
  );
  process.exit(2);
}

function parseFlags() {
  try {
    const { values } = parseArgs({
      options: {
        'in-memory': { type: 'boolean', default: false },
        port: { type: 'string', default: String(DEFAULT_BASE_PORT) },
        'state-dir': { type: 'string', default: '.moneta-local' },
        'outputs-file': { type: 'string' },
        chaos: { type: 'boolean', default: false },
        'time-scale': { type: 'string', default: '1' },
        verbose: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const basePort = Number(values.port);
    if (!Number.isInteger(basePort)) usage(`--port must be a number, got ${values.port}`);
    const timeScale = Number(values['time-scale']);
    if (!(timeScale > 0 && timeScale <= 1))
      usage(`--time-scale must be a number in (0, 1], got ${values['time-scale']}`);
    const stateDir = values['state-dir'];
    return {
      basePort,
      stateDir,
      inMemory: values['in-memory'],
      chaos: values.chaos,
      timeScale,
      verbose: values.verbose,
      outputsFile: values['outputs-file'] ?? join(stateDir, 'outputs.json'),
    };
  } catch (error) {
    usage((error as Error).message);
  }
}

function printSummary(cloud: LocalCloud, basePort: number, inMemory: boolean): void {
  const ports = portsFrom(basePort);
  const o = cloud.outputs;
  const rows = [
    ['HTTP API', o.ApiUrl, 'payload 2.0, JWT authorizer'],
    ['Cognito', o.CognitoEndpoint, `pool ${o.UserPoolId}, client ${o.UserPoolClientId}`],
    ['DynamoDB Local', o.DynamoDbEndpoint, `table ${o.TableName}, stream → stream-publisher`],
    ['EventBridge', o.EventBridgeEndpoint, `bus ${o.EventBusName}, stats at /api/stats`],
    ['SES outbox', o.OutboxUrl, `open in a browser (port ${ports.outbox})`],
    ['SQS', o.SqsEndpoint, "the consumers' retry and dead-letter queues"],
    ['Lambda', o.LambdaEndpoint, `Invoke API; npm run redrive -- <consumer|all>`],
    ['S3', o.S3Endpoint, `bucket ${o.FilesBucketName}; presigned URLs and POST policies checked as on AWS`],
  ];
  const width = Math.max(...rows.map((r) => r[0]!.length));
  const urlWidth = Math.max(...rows.map((r) => r[1]!.length));
  console.log('');
  for (const [name, url, note] of rows) console.log(`  ${name!.padEnd(width)}  ${url!.padEnd(urlWidth)}  ${note}`);
  console.log(
    `\n  Data: ${inMemory ? 'in memory (gone when stopped)' : 'kept between runs'}; function logs in ${cloud.logDir}`,
  );
  console.log('\n  Try it:');
  console.log(
    `    curl -s -X POST ${o.ApiUrl}/v1/auth/signup -H 'content-type: application/json' \\\n      -d '{"email":"ada@example.com","password":"Str0ng!Passw0rd","name":"Ada"}'`,
  );
  console.log(`    curl -s '${o.OutboxUrl}/api/messages?to=ada@example.com'   # the confirmation code\n`);
  console.log(`API URL:      ${cloud.apiUrl}`);
  console.log(`Outbox URL:   ${cloud.outboxUrl}`);
  console.log(`Outputs file: ${cloud.outputsFile}`);
}

async function main(): Promise<void> {
  const flags = parseFlags();
  const started = performance.now();
  console.log(`Starting the Moneta local cloud${flags.inMemory ? ' (in memory)' : ` (state in ${flags.stateDir})`}…`);

  let shuttingDown = false;
  // A Stripe test-mode account instead of the fake: both keys from the environment, never flags
  // (flags end up in shell history).
  const { STRIPE_SECRET_KEY: secretKey, STRIPE_WEBHOOK_SECRET: webhookSecret } = process.env;
  const stripeKeys = secretKey && webhookSecret ? { secretKey, webhookSecret } : undefined;
  const starting = startLocalCloud({
    ...flags,
    ...(stripeKeys && { stripeKeys }),
    log: (line) => console.log(`  ${line}`),
  });
  const shutdown = async (signal: string) => {
    // A second Ctrl-C means "now": the first one already asked every child to stop.
    if (shuttingDown) process.exit(1);
    shuttingDown = true;
    console.log(`\n${signal}: stopping…`);
    // Stopping mid-start waits for the start to settle, so no Java process is left behind.
    const running = await starting.catch(() => undefined);
    await running?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const cloud = await starting;
  if (shuttingDown) return;
  printSummary(cloud, flags.basePort, flags.inMemory);
  console.log(`Started in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(READY_LINE);
}

main().catch((error: unknown) => {
  console.error(
    `The local cloud failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
});
