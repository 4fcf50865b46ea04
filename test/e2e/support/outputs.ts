/**
 * The deployment under test, read from a file in the shape of `cdk deploy --outputs-file`:
 * `{ "<StackName>": { ApiUrl, UserPoolId, … } }`. The same suite therefore runs against the local
 * cloud, LocalStack or AWS; only this file differs.
 */
import { readFileSync } from 'node:fs';

export type StackOutputs = {
  ApiUrl: string;
  UserPoolId: string;
  UserPoolClientId: string;
  TableName: string;
  EventBusName: string;
  Region: string;
  /** Local cloud only: the SES outbox, where welcome mails and Cognito's codes land. */
  OutboxUrl?: string;
  /** Local cloud only: DynamoDB Local, for checks made behind the API's back. */
  DynamoDbEndpoint?: string;
  /** Local cloud only: the local bus, whose chaos switch and idle signal the alert tests use. */
  EventBridgeEndpoint?: string;
  /** The consumer retrier (`npm run redrive` invokes it) and the dead-letter queue it redrives. */
  ConsumerRetrierFunctionName?: string;
  ConsumerDeadLetterQueueUrl?: string;
  /** Local cloud only: its SQS and Lambda endpoints. */
  SqsEndpoint?: string;
  LambdaEndpoint?: string;
  /** Local cloud only: its ECB (fixture files, publish, outage) and its schedules run on demand. */
  EcbEndpoint?: string;
  SchedulerEndpoint?: string;
  /** The private files bucket; on the local cloud also its S3 (elsewhere the SDK's default endpoint). */
  FilesBucketName?: string;
  S3Endpoint?: string;
  /** Local cloud only: the fake Stripe (its payer and webhook controls under /api). */
  StripeEndpoint?: string;
};

/** The environment variable that names the outputs file (set by the user, or by global-setup). */
export const OUTPUTS_FILE_VARIABLE = 'E2E_OUTPUTS_FILE';

const required = ['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'TableName', 'EventBusName', 'Region'] as const;

/** Parses an outputs file and returns its first stack's outputs; throws naming what is missing. */
export function parseOutputsFile(path: string): StackOutputs {
  const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Record<string, unknown>>;
  const [stackName, outputs] = Object.entries(file)[0] ?? [];
  if (!stackName || !outputs || typeof outputs !== 'object') throw new Error(`${path} holds no stack outputs`);
  const missing = required.filter((name) => typeof outputs[name] !== 'string' || outputs[name] === '');
  if (missing.length > 0) throw new Error(`Stack ${stackName} in ${path} lacks outputs: ${missing.join(', ')}`);
  const text = (name: string) =>
    typeof outputs[name] === 'string' && outputs[name] !== '' ? outputs[name] : undefined;
  return {
    // CDK prints HTTP API URLs with a trailing slash; paths in the tests start with one.
    ApiUrl: String(outputs.ApiUrl).replace(/\/+$/, ''),
    UserPoolId: String(outputs.UserPoolId),
    UserPoolClientId: String(outputs.UserPoolClientId),
    TableName: String(outputs.TableName),
    EventBusName: String(outputs.EventBusName),
    Region: String(outputs.Region),
    OutboxUrl: text('OutboxUrl')?.replace(/\/+$/, ''),
    DynamoDbEndpoint: text('DynamoDbEndpoint'),
    EventBridgeEndpoint: text('EventBridgeEndpoint')?.replace(/\/+$/, ''),
    ConsumerRetrierFunctionName: text('ConsumerRetrierFunctionName'),
    ConsumerDeadLetterQueueUrl: text('ConsumerDeadLetterQueueUrl'),
    SqsEndpoint: text('SqsEndpoint'),
    LambdaEndpoint: text('LambdaEndpoint'),
    EcbEndpoint: text('EcbEndpoint'),
    SchedulerEndpoint: text('SchedulerEndpoint'),
    FilesBucketName: text('FilesBucketName'),
    S3Endpoint: text('S3Endpoint'),
    StripeEndpoint: text('StripeEndpoint'),
  };
}

let cached: StackOutputs | undefined;

/** The outputs of the target under test, for test files (global-setup has set the variable). */
export function stackOutputs(): StackOutputs {
  if (cached) return cached;
  const path = process.env[OUTPUTS_FILE_VARIABLE];
  if (!path) {
    throw new Error(`${OUTPUTS_FILE_VARIABLE} is not set: run the e2e suite through jest so global-setup can set it`);
  }
  cached = parseOutputsFile(path);
  return cached;
}

/**
 * The local cloud is the only target with an outbox, and the only one whose tokens are signed with
 * cognito-local's published key: tests that read mail or mint tokens run only there.
 */
export function isLocalCloud(): boolean {
  return stackOutputs().OutboxUrl !== undefined;
}
