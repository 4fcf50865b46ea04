/**
 * The local cloud's outputs file, in the shape `cdk deploy --outputs-file` writes, so the e2e suite
 * and scripts read one format whether they target a laptop, LocalStack or AWS.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DEFAULT_STACK_NAME } from '../catalog/functions';

const STACK_NAME = DEFAULT_STACK_NAME;

export type StackOutputs = {
  ApiUrl: string;
  UserPoolId: string;
  UserPoolClientId: string;
  TableName: string;
  EventBusName: string;
  Region: string;
  OutboxUrl: string;
  CognitoEndpoint: string;
  DynamoDbEndpoint: string;
  EventBridgeEndpoint: string;
  SqsEndpoint: string;
  LambdaEndpoint: string;
  /** `npm run redrive` invokes it (on AWS: a stack output of the same name). */
  ConsumerRetrierFunctionName: string;
  ConsumerDeadLetterQueueUrl: string;
  /** The local ECB (lib/local/ecb.ts) and the schedules run on demand (lib/local/scheduler.ts). */
  EcbEndpoint: string;
  SchedulerEndpoint: string;
  /** The private files bucket (on AWS: a stack output of the same name) and the local S3 serving it. */
  FilesBucketName: string;
  S3Endpoint: string;
  /** The fake Stripe (its control API under /api), when no real key was given. */
  StripeEndpoint?: string;
  SecretsManagerEndpoint: string;
  /** The local Parameter Store (lib/local/ssm.ts), holding the webhook key ring. */
  SsmEndpoint: string;
};

function outputsDocument(outputs: StackOutputs): Record<typeof STACK_NAME, StackOutputs> {
  // ApiUrl without a trailing slash: clients append `/v1/...` to it as they do to the deployed URL.
  return { [STACK_NAME]: { ...outputs, ApiUrl: outputs.ApiUrl.replace(/\/+$/, '') } };
}

/** Written atomically: a reader polling for the file never sees half of it. */
export async function writeOutputsFile(file: string, outputs: StackOutputs): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(outputsDocument(outputs), null, 2)}\n`);
  await rename(temp, file);
}
