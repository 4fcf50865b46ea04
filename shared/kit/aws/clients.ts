/**
 * SDK clients, created once per execution environment (module scope).
 * Endpoints follow the standard AWS_ENDPOINT_URL_* variables, so the same code talks to AWS,
 * LocalStack or the local cloud without a single branch.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SSMClient } from '@aws-sdk/client-ssm';

let eventBridge: EventBridgeClient | undefined;
let ses: SESv2Client | undefined;
let cognito: CognitoIdentityProviderClient | undefined;
let sqs: SQSClient | undefined;
let lambda: LambdaClient | undefined;

// Lazily built so a function only pays for the clients it uses, then reused across invocations.
// The DynamoDB document client is in ./document-client.ts.
export function eventBridgeClient(): EventBridgeClient {
  eventBridge ??= new EventBridgeClient({});
  return eventBridge;
}

export function sesClient(): SESv2Client {
  ses ??= new SESv2Client({});
  return ses;
}

export function cognitoClient(): CognitoIdentityProviderClient {
  cognito ??= new CognitoIdentityProviderClient({});
  return cognito;
}

export function sqsClient(): SQSClient {
  sqs ??= new SQSClient({});
  return sqs;
}

export function lambdaClient(): LambdaClient {
  lambda ??= new LambdaClient({});
  return lambda;
}

let secretsManager: SecretsManagerClient | undefined;

export function secretsManagerClient(): SecretsManagerClient {
  secretsManager ??= new SecretsManagerClient({});
  return secretsManager;
}

let ssm: SSMClient | undefined;

export function ssmClient(): SSMClient {
  ssm ??= new SSMClient({});
  return ssm;
}
