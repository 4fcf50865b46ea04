/**
 * `npx tsx bin/backfill-payee-ids.ts [--outputs <file>]`: once, after deploying payee ids onto a
 * table that already has users, gives every name-keyed payee an id and every transaction with a
 * payee name its payee's id (shared/payees/backfill.ts; docs/payees.md). The users come from the
 * Cognito user pool (ListUsers, 60 a page), never from a Scan of the table. Stopped anywhere, it
 * is run again; running it again changes nothing.
 *
 * The outputs file names the pool and the table: cdk-outputs.json after `npm run deploy` (AWS, with
 * your usual credentials), .moneta-local/outputs.json for the local cloud (default when it exists).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CognitoIdentityProviderClient, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type BackfillOutcome, backfillPayeeIds } from '../shared/payees/backfill';

type Outputs = {
  TableName?: string;
  UserPoolId?: string;
  Region?: string;
  DynamoDbEndpoint?: string;
  CognitoEndpoint?: string;
};

export async function backfillAll(outputsFile: string): Promise<BackfillOutcome & { users: number }> {
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
  const deps = {
    db: DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } }),
    tableName: outputs.TableName,
  };
  const total = { adopted: 0, bound: 0, users: 0 };
  try {
    let token: string | undefined;
    do {
      const page = await cognito.send(
        new ListUsersCommand({ UserPoolId: outputs.UserPoolId, AttributesToGet: ['sub'], PaginationToken: token }),
      );
      for (const user of page.Users ?? []) {
        const sub = user.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
        if (!sub) continue;
        const outcome = await backfillPayeeIds(deps, sub);
        total.adopted += outcome.adopted;
        total.bound += outcome.bound;
        total.users++;
      }
      token = page.PaginationToken;
    } while (token);
  } finally {
    cognito.destroy();
    dynamodb.destroy();
  }
  return total;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { outputs: { type: 'string' } } });
  const outputsFile =
    values.outputs ?? (existsSync('.moneta-local/outputs.json') ? '.moneta-local/outputs.json' : 'cdk-outputs.json');
  const outcome = await backfillAll(outputsFile);
  console.log(
    `${outcome.users} user(s): ${outcome.adopted} payee(s) given an id, ${outcome.bound} transaction(s) bound to their payee.`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });
}
