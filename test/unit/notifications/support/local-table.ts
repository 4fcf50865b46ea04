/**
 * A real DynamoDB Local (in memory, on a free port) with the Moneta table, pointed at through the
 * standard AWS_ENDPOINT_URL_DYNAMODB variable before any handler module is loaded — the way the
 * local cloud runs them. Notification tests need the real thing: the claim, the cap and the
 * profile check are conditions inside one TransactWriteItems, and the log is read from gsi1.
 */
import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Profile } from '../../../../shared/identity/profile';
import { ProfileEntity } from '../../../../shared/identity/profile';
import type { Key } from '../../../../shared/kit/dynamodb/keys';
import { NotificationEntity } from '../../../../shared/notifications/items';
import { startLocalDynamoDb, TABLE } from '../../support/local-dynamodb';
import { profileItem } from '../../support/stream-records';

export { TABLE };

export async function startLocalTable() {
  const table = await startLocalDynamoDb();
  const { db, put } = table;

  return {
    db,
    stop: table.stop,
    put,
    /** A signed-up user's profile (defaults: ada@example.com, EUR, default preferences). */
    seedProfile: (overrides: Partial<Profile> & { userId: string }) => put(profileItem(overrides)),
    deleteProfile: (userId: string) => db.send(new DeleteCommand({ TableName: TABLE, Key: ProfileEntity.key(userId) })),
    get: async (key: Key) =>
      (await db.send(new GetCommand({ TableName: TABLE, Key: key, ConsistentRead: true }))).Item as
        | Record<string, unknown>
        | undefined,
    notification: async (userId: string, factId: string) =>
      (
        await db.send(
          new GetCommand({ TableName: TABLE, Key: NotificationEntity.key(userId, factId), ConsistentRead: true }),
        )
      ).Item as Record<string, unknown> | undefined,
    /** Every item of the user's partition, strongly consistent (Query, never Scan). */
    items: (userId: string) => table.partition(userId),
  };
}

export type LocalTable = Awaited<ReturnType<typeof startLocalTable>>;
