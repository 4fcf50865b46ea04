/**
 * A real DynamoDB Local (in memory, on a free port) with the Moneta table, pointed at through the
 * standard AWS_ENDPOINT_URL_DYNAMODB variable before any handler module is loaded — the way the
 * local cloud runs them. Notification tests need the real thing: the claim, the cap and the
 * profile check are conditions inside one TransactWriteItems, and the log is read from gsi1.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable, LOCAL_CLIENT_CONFIG, startDynamoDbLocal } from '../../../../lib/local/dynamodb-local';
import type { Profile } from '../../../../shared/domain/profile';
import { type Key, keys, userPk } from '../../../../shared/store/keys';
import { freePort } from '../../local/support-l1/free-port';
import { profileItem } from '../../support/stream-records';

export const TABLE = process.env.TABLE_NAME ?? 'moneta-test';

export async function startLocalTable() {
  const port = await freePort();
  const service = await startDynamoDbLocal({ port });
  await ensureTable(service.url, TABLE);
  process.env.AWS_ENDPOINT_URL_DYNAMODB = service.url;
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ ...LOCAL_CLIENT_CONFIG, endpoint: service.url }), {
    marshallOptions: { removeUndefinedValues: true },
  });

  const put = (Item: Record<string, unknown>) => db.send(new PutCommand({ TableName: TABLE, Item }));

  return {
    db,
    stop: async () => {
      db.destroy();
      await service.stop();
    },
    put,
    /** A signed-up user's profile (defaults: ada@example.com, EUR, default preferences). */
    seedProfile: (overrides: Partial<Profile> & { userId: string }) => put(profileItem(overrides)),
    deleteProfile: (userId: string) => db.send(new DeleteCommand({ TableName: TABLE, Key: keys.profile(userId) })),
    get: async (key: Key) =>
      (await db.send(new GetCommand({ TableName: TABLE, Key: key, ConsistentRead: true }))).Item as
        | Record<string, unknown>
        | undefined,
    notification: async (userId: string, factId: string) =>
      (
        await db.send(
          new GetCommand({ TableName: TABLE, Key: keys.notification(userId, factId), ConsistentRead: true }),
        )
      ).Item as Record<string, unknown> | undefined,
    /** Every item of the user's partition, strongly consistent (Query, never Scan). */
    async items(userId: string): Promise<Record<string, unknown>[]> {
      const items: Record<string, unknown>[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: TABLE,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': userPk(userId) },
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

export type LocalTable = Awaited<ReturnType<typeof startLocalTable>>;
