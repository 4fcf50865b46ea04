/**
 * What the one-off maintenance scripts (bin/index-profile-zones.ts, bin/backfill-payee-ids.ts)
 * share: the deployment named by an outputs file, and a walk over its users. The users come from
 * the Cognito user pool (ListUsers, 60 a page), never from a Scan of the table.
 *
 * The outputs file names the pool and the table: cdk-outputs.json after `npm run deploy` (AWS, with
 * your usual credentials), .moneta-local/outputs.json for the local cloud (default when it exists).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CognitoIdentityProviderClient, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type Outputs = {
  TableName?: string;
  UserPoolId?: string;
  Region?: string;
  DynamoDbEndpoint?: string;
  CognitoEndpoint?: string;
};

export type Deployment = { db: DynamoDBDocumentClient; tableName: string };

/** Calls `visit` with each user's `sub`, one at a time, in the pool's order; then closes the clients. */
export async function forEveryUser(
  outputsFile: string,
  visit: (deployment: Deployment, sub: string) => Promise<void>,
): Promise<void> {
  const file = JSON.parse(readFileSync(outputsFile, 'utf8')) as Record<string, Outputs>;
  const outputs = Object.values(file)[0] ?? {};
  if (!outputs.TableName || !outputs.UserPoolId) throw new Error(`${outputsFile} names no TableName or UserPoolId`);
  // The local cloud checks no signature; it needs some credentials all the same.
  const local = { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  const region = outputs.Region ? { region: outputs.Region } : {};
  const cognito = new CognitoIdentityProviderClient({
    ...region,
    ...(outputs.CognitoEndpoint ? { endpoint: outputs.CognitoEndpoint, ...local } : {}),
  });
  const dynamodb = new DynamoDBClient({
    ...region,
    ...(outputs.DynamoDbEndpoint ? { endpoint: outputs.DynamoDbEndpoint, ...local } : {}),
  });
  const deployment = {
    db: DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } }),
    tableName: outputs.TableName,
  };
  try {
    let token: string | undefined;
    do {
      const page = await cognito.send(
        new ListUsersCommand({ UserPoolId: outputs.UserPoolId, AttributesToGet: ['sub'], PaginationToken: token }),
      );
      for (const user of page.Users ?? []) {
        const sub = user.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
        if (sub) await visit(deployment, sub);
      }
      token = page.PaginationToken;
    } while (token);
  } finally {
    cognito.destroy();
    dynamodb.destroy();
  }
}

/** A script's `main`: its outputs file from `--outputs` (or the default), its summary line printed. */
export function runScript(run: (outputsFile: string) => Promise<string>): void {
  const { values } = parseArgs({ options: { outputs: { type: 'string' } } });
  const outputsFile =
    values.outputs ?? (existsSync('.moneta-local/outputs.json') ? '.moneta-local/outputs.json' : 'cdk-outputs.json');
  run(outputsFile)
    .then((summary) => console.log(summary))
    .catch((error: unknown) => {
      console.error((error as Error).message);
      process.exit(1);
    });
}
