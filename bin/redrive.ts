/**
 * `npm run redrive -- <consumer|all> [--outputs <file>]`: hands the events a consumer still failed
 * on after its retry window (over a day) back to it, by invoking the consumer retrier with
 * `{"redrive": "<consumer>"}`. Consumers are idempotent, so an event applies exactly once however
 * often it is redriven. `<consumer>` is a consumer function's id (`notifier`, `budget-evaluator`,
 * … see lib/catalog/rules.ts) or `all`.
 *
 * The outputs file names the retrier: cdk-outputs.json after `npm run deploy` (AWS, with your
 * usual credentials), .moneta-local/outputs.json for the local cloud (default when it exists).
 * The same, from the Lambda console: invoke the ConsumerRetrierFunctionName output with that event.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';

type Outputs = { ConsumerRetrierFunctionName?: string; LambdaEndpoint?: string; Region?: string };

export type RedriveResult = { redriven: number; kept: number };

/** Invokes the retrier named in `outputsFile` and returns what it redrove. */
export async function redrive(outputsFile: string, consumer: string): Promise<RedriveResult> {
  const file = JSON.parse(readFileSync(outputsFile, 'utf8')) as Record<string, Outputs>;
  const outputs = Object.values(file)[0] ?? {};
  if (!outputs.ConsumerRetrierFunctionName) {
    throw new Error(`${outputsFile} names no ConsumerRetrierFunctionName: deploy the current stack first`);
  }
  // The local cloud's Lambda endpoint when the file is the local cloud's; else the SDK's default.
  const client = new LambdaClient({
    ...(outputs.Region ? { region: outputs.Region } : {}),
    // The local cloud checks no signature; it needs some credentials all the same.
    ...(outputs.LambdaEndpoint
      ? { endpoint: outputs.LambdaEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  try {
    const response = await client.send(
      new InvokeCommand({
        FunctionName: outputs.ConsumerRetrierFunctionName,
        Payload: new TextEncoder().encode(JSON.stringify({ redrive: consumer })),
      }),
    );
    const body = response.Payload ? new TextDecoder().decode(response.Payload) : 'null';
    if (response.FunctionError) throw new Error(`The retrier failed: ${body}`);
    return JSON.parse(body) as RedriveResult;
  } finally {
    client.destroy();
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { outputs: { type: 'string' } },
    allowPositionals: true,
  });
  const consumer = positionals[0];
  if (!consumer) {
    console.error('Usage: npm run redrive -- <consumer|all> [--outputs cdk-outputs.json]');
    process.exit(2);
  }
  const outputsFile =
    values.outputs ?? (existsSync('.moneta-local/outputs.json') ? '.moneta-local/outputs.json' : 'cdk-outputs.json');
  const result = await redrive(outputsFile, consumer);
  console.log(`Redrove ${result.redriven} event(s) to ${consumer}; ${result.kept} other dead letter(s) left.`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });
}
