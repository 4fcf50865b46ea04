/**
 * A real DynamoDB Local (in memory, on a free port) with the Moneta table named by TABLE_NAME,
 * pointed at through the standard AWS_ENDPOINT_URL_DYNAMODB variable — the way the local cloud runs
 * the handlers. Shared by the suites whose claims rest on DynamoDB's own behaviour (conditions,
 * cancellations, TransactWriteItems); each domain's support module adds its own helpers on top.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable, LOCAL_CLIENT_CONFIG, startDynamoDbLocal } from '../../../lib/local/dynamodb-local';
import { userPk } from '../../../shared/kit/dynamodb/keys';
import { freePort } from '../local/support-l1/free-port';

export const TABLE = process.env.TABLE_NAME ?? 'moneta-test';

export async function startLocalDynamoDb() {
  const service = await startDynamoDbLocal({ port: await freePort() });
  await ensureTable(service.url, TABLE);
  // Before any handler module is loaded: their clients are built at init from the environment.
  process.env.AWS_ENDPOINT_URL_DYNAMODB = service.url;
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ ...LOCAL_CLIENT_CONFIG, endpoint: service.url }), {
    marshallOptions: { removeUndefinedValues: true },
  });

  return {
    service,
    url: service.url,
    tableName: TABLE,
    db,
    stop: async () => {
      db.destroy();
      await service.stop();
    },
    put: (Item: Record<string, unknown>) => db.send(new PutCommand({ TableName: TABLE, Item })),
    /** BatchWriteItem in groups of 25, retrying what DynamoDB leaves unprocessed. */
    async putAll(items: readonly Record<string, unknown>[]): Promise<void> {
      for (let i = 0; i < items.length; i += 25) {
        let pending: unknown[] = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
        while (pending.length > 0) {
          const response = await db.send(new BatchWriteCommand({ RequestItems: { [TABLE]: pending as never } }));
          pending = response.UnprocessedItems?.[TABLE] ?? [];
        }
      }
    },
    /**
     * Every item of the user's partition (or those whose sort key starts with `prefix`), strongly
     * consistent, page by page (a Query on the partition; never Scan).
     */
    async partition(userId: string, prefix = ''): Promise<Record<string, unknown>[]> {
      const items: Record<string, unknown>[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: TABLE,
            KeyConditionExpression: prefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
            ExpressionAttributeValues: prefix
              ? { ':pk': userPk(userId), ':prefix': prefix }
              : { ':pk': userPk(userId) },
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        );
        items.push(...(page.Items ?? []));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return items;
    },
  };
}

export type LocalDynamoDb = Awaited<ReturnType<typeof startLocalDynamoDb>>;
