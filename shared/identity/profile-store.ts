import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { queryPages } from '../kit/dynamodb/prefix-page';
import { type GuardedItem, transactWrite } from '../kit/dynamodb/transact';
import { versionedUpdate } from '../kit/dynamodb/versioned-update';
import {
  type MfaStatus,
  type Profile,
  ProfileEntity,
  type ProfilePatch,
  profileSchema,
  profilesByTimeZone,
} from './profile';

/** The profile's condition failed in createIfAbsent: the sign-up write already happened. */
class ProfileExists extends Error {}

type UpdateOutcome =
  | { status: 'updated'; profile: Profile }
  | { status: 'not-found' }
  /** The profile exists but its version is none of the expected ones (HTTP 412). */
  | { status: 'version-mismatch' };

export type ProfileStore = ReturnType<typeof createProfileStore>;

export function createProfileStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  return {
    /** The caller's profile, or undefined when there is none. Strongly consistent: it follows a PATCH. */
    async get(userId: string): Promise<Profile | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: ProfileEntity.key(userId), ConsistentRead: true }),
      );
      return Item ? profileSchema().parse(Item) : undefined;
    },

    /**
     * Writes the profile unless one exists, in one TransactWriteItems with `alongside` (the
     * default categories): all of it or nothing. A retried trigger must never overwrite a profile
     * the user has since changed, so "already there" is a normal outcome, not an error. The profile
     * existing means the transaction that wrote it already ran (it is all-or-nothing), whatever
     * happened to the other items since (a default category renamed or deleted, say).
     */
    async createIfAbsent(profile: Profile, alongside: GuardedItem[] = []): Promise<'created' | 'exists'> {
      try {
        await transactWrite(db, [
          {
            item: {
              Put: {
                TableName: tableName,
                Item: {
                  ...ProfileEntity.key(profile.userId),
                  ...profile,
                  ...profilesByTimeZone.keys(profile.userId, profile.timezone),
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            onConditionFailed: () => new ProfileExists(),
          },
          ...alongside,
        ]);
        return 'created';
      } catch (error) {
        if (error instanceof ProfileExists) return 'exists';
        throw error;
      }
    },

    /**
     * Applies a patch in one UpdateItem: only the given fields (notifications field by field),
     * `updatedAt`, and `version + 1`. Conditional on the item existing and, when `expectedVersions`
     * is given, on its version being one of them; DynamoDB checks both atomically.
     */
    async update(
      userId: string,
      patch: ProfilePatch,
      { now, expectedVersions }: { now: string; expectedVersions?: readonly number[] },
    ): Promise<UpdateOutcome> {
      // Notifications member by member, so a PATCH of one preference leaves the others as they are.
      const outcome = await versionedUpdate(
        db,
        {
          tableName,
          key: ProfileEntity.key(userId),
          fields: {
            name: patch.name,
            homeCurrency: patch.homeCurrency,
            timezone: patch.timezone,
            // A new zone moves the profile to that zone's partition of the index.
            ...(patch.timezone ? profilesByTimeZone.keys(userId, patch.timezone) : {}),
          },
          maps: { notifications: patch.notifications ?? {} },
          parse: (item) => profileSchema().parse(item),
        },
        { now, ...(expectedVersions ? { expectedVersions } : {}) },
      );
      return outcome.status === 'updated' ? { status: 'updated', profile: outcome.item } : outcome;
    },

    /**
     * Records a verified change of email (Cognito has it already): the profile is where the
     * notifier reads the recipient from. Writing the same address again changes nothing.
     */
    async setEmail(userId: string, email: string, now: string): Promise<Profile | undefined> {
      const current = await this.get(userId);
      if (!current || current.email === email) return current;
      const outcome = await versionedUpdate(
        db,
        { tableName, key: ProfileEntity.key(userId), fields: { email }, parse: (item) => profileSchema().parse(item) },
        { now },
      );
      return outcome.status === 'updated' ? outcome.item : undefined;
    },

    /**
     * Records whether TOTP MFA is on (Cognito has it already), on the profile the route's wrapper
     * read; the same value again changes nothing.
     */
    async setMfa(current: Profile, totp: MfaStatus['totp'], now: string): Promise<Profile | undefined> {
      if (current.mfa.totp === totp) return current;
      const outcome = await versionedUpdate(
        db,
        {
          tableName,
          key: ProfileEntity.key(current.userId),
          fields: { mfa: { totp } },
          parse: (item) => profileSchema().parse(item),
        },
        { now },
      );
      return outcome.status === 'updated' ? outcome.item : undefined;
    },

    /**
     * The profiles of one time zone (any spelling of it), a page at a time: a Query of its
     * partition of the index, eventually consistent (a zone changed a moment ago may be missed once).
     */
    async *inTimeZone(zone: string): AsyncGenerator<Profile[]> {
      const pages = queryPages(db, {
        TableName: tableName,
        IndexName: profilesByTimeZone.indexName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': profilesByTimeZone.partitionKey },
        ExpressionAttributeValues: { ':pk': profilesByTimeZone.pk(zone) },
      });
      for await (const page of pages) yield page.map((item) => profileSchema().parse(item));
    },

    /**
     * Lists a profile written before the profiles-by-zone index existed under its zone: its index
     * keys are written from its own `timezone`, on condition that the zone is still that one (a
     * PATCH of the zone in between wrote the right keys itself). Idempotent.
     */
    async indexZone(userId: string): Promise<'indexed' | 'current' | 'absent'> {
      for (;;) {
        const { Item } = await db.send(
          new GetCommand({
            TableName: tableName,
            Key: ProfileEntity.key(userId),
            ConsistentRead: true,
            ProjectionExpression: '#timezone, #pk',
            ExpressionAttributeNames: { '#timezone': 'timezone', '#pk': profilesByTimeZone.partitionKey },
          }),
        );
        if (!Item) return 'absent';
        const keys = profilesByTimeZone.keys(userId, Item.timezone as string);
        if (Item[profilesByTimeZone.partitionKey] === keys.gsi4pk) return 'current';
        try {
          await db.send(
            new UpdateCommand({
              TableName: tableName,
              Key: ProfileEntity.key(userId),
              UpdateExpression: 'SET #ipk = :ipk, #isk = :isk',
              ConditionExpression: '#timezone = :timezone',
              ExpressionAttributeNames: {
                '#ipk': profilesByTimeZone.partitionKey,
                '#isk': profilesByTimeZone.sortKey,
                '#timezone': 'timezone',
              },
              ExpressionAttributeValues: { ':ipk': keys.gsi4pk, ':isk': keys.gsi4sk, ':timezone': Item.timezone },
            }),
          );
          return 'indexed';
        } catch (error) {
          // The zone changed (or the profile went) since the read: read again and decide again.
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        }
      }
    },

    /**
     * Deletes the profile; deleting an absent one is a no-op (and makes no stream record), so the
     * account deletion can be retried safely.
     */
    async delete(userId: string): Promise<void> {
      await db.send(new DeleteCommand({ TableName: tableName, Key: ProfileEntity.key(userId) }));
    },
  };
}
