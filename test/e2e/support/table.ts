/**
 * Looks at the table behind the API's back (DynamoDB Local on the local cloud, the real table with
 * the caller's AWS credentials elsewhere), to prove what the API cannot show: items really gone.
 * Query on the user's partition only; never Scan.
 */
import { BatchWriteItemCommand, DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { stackOutputs } from './outputs';

let client: DynamoDBClient | undefined;

function dynamo(): DynamoDBClient {
  if (client) return client;
  const { Region, DynamoDbEndpoint } = stackOutputs();
  client = new DynamoDBClient({
    region: Region,
    ...(DynamoDbEndpoint
      ? // DynamoDB Local accepts any credentials; never pick up a developer's real ones for it.
        { endpoint: DynamoDbEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  return client;
}

/** The sort keys of every item in `USER#<userId>` (all pages, strongly consistent). */
export async function userItemSortKeys(userId: string): Promise<string[]> {
  const sortKeys: string[] = [];
  let startKey: Record<string, never> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: stackOutputs().TableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: `USER#${userId}` } },
        ProjectionExpression: 'sk',
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) if (item.sk?.S) sortKeys.push(item.sk.S);
    startKey = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (startKey);
  return sortKeys;
}

/** The items of `USER#<userId>` whose sort key starts with `prefix`, as stored (strongly consistent). */
export async function userItems(userId: string, prefix: string): Promise<Record<string, unknown>[]> {
  const page = await dynamo().send(
    new QueryCommand({
      TableName: stackOutputs().TableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': { S: `USER#${userId}` }, ':prefix': { S: prefix } },
      ConsistentRead: true,
    }),
  );
  return (page.Items ?? []).map((item) => unmarshall(item));
}

/**
 * Writes items straight into the table (BatchWriteItem, 25 at a time, retrying what is left
 * unprocessed): seeding thousands of stored items without thousands of API calls. The stream
 * still publishes them, as it would any write.
 */
export async function putItems(items: readonly Record<string, unknown>[]): Promise<void> {
  const tableName = stackOutputs().TableName;
  for (let i = 0; i < items.length; i += 25) {
    let pending = items
      .slice(i, i + 25)
      .map((item) => ({ PutRequest: { Item: marshall(item, { removeUndefinedValues: true }) } }));
    while (pending.length > 0) {
      const response = await dynamo().send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
      pending = (response.UnprocessedItems?.[tableName] ?? []) as typeof pending;
    }
  }
}

export function closeTable(): void {
  client?.destroy();
  client = undefined;
}

/**
 * The sort keys of the user's items without their audit trail (`AUDIT#…`): entries are written by
 * a consumer moments after each change, so a before/after compare of a partition leaves them out,
 * as it leaves out the mail bookkeeping.
 */
export async function userDataSortKeys(userId: string): Promise<string[]> {
  return (await userItemSortKeys(userId)).filter((sk) => !sk.startsWith('AUDIT#'));
}
