/**
 * `npx tsx bin/index-profile-zones.ts [--outputs <file>]`: once, after deploying the monthly
 * summary onto a table that already has users, lists every profile written before the
 * profiles-by-zone index existed under its zone (docs/monthly-summary.md). The users come from the
 * Cognito user pool (ListUsers, 60 a page), never from a Scan of the table; each profile is one
 * strongly consistent GetItem and, when its keys are missing, one conditional UpdateItem, which
 * publishes nothing. Running it again changes nothing.
 *
 * The outputs file names the pool and the table: cdk-outputs.json after `npm run deploy` (AWS, with
 * your usual credentials), .moneta-local/outputs.json for the local cloud (default when it exists).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CognitoIdentityProviderClient, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createProfileStore } from '../shared/identity/profile-store';

type Outputs = {
  TableName?: string;
  UserPoolId?: string;
  Region?: string;
  DynamoDbEndpoint?: string;
  CognitoEndpoint?: string;
};

export type IndexOutcome = { indexed: number; current: number; absent: number };

export async function indexProfileZones(outputsFile: string): Promise<IndexOutcome> {
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
  const profiles = createProfileStore({ db: DynamoDBDocumentClient.from(dynamodb), tableName: outputs.TableName });
  const outcome: IndexOutcome = { indexed: 0, current: 0, absent: 0 };
  try {
    let token: string | undefined;
    do {
      const page = await cognito.send(
        new ListUsersCommand({ UserPoolId: outputs.UserPoolId, AttributesToGet: ['sub'], PaginationToken: token }),
      );
      for (const user of page.Users ?? []) {
        const sub = user.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
        // An unconfirmed user has no profile yet: the sign-up trigger will write it with its keys.
        if (sub) outcome[await profiles.indexZone(sub)]++;
      }
      token = page.PaginationToken;
    } while (token);
  } finally {
    cognito.destroy();
    dynamodb.destroy();
  }
  return outcome;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { outputs: { type: 'string' } } });
  const outputsFile =
    values.outputs ?? (existsSync('.moneta-local/outputs.json') ? '.moneta-local/outputs.json' : 'cdk-outputs.json');
  const outcome = await indexProfileZones(outputsFile);
  console.log(
    `Indexed ${outcome.indexed} profile(s) under their zone; ${outcome.current} already were; ${outcome.absent} user(s) without a profile.`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });
}
