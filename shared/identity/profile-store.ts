/**
 * The profile item (`USER#<sub>` / `PROFILE`): read, create once, update under optimistic
 * concurrency, delete. Its stream records become the User* events, so every write here is a
 * domain fact: one write per request, never a read-then-write.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type GuardedItem, transactWrite } from '../kit/dynamodb/transact';
import { type Profile, ProfileEntity, type ProfilePatch, profileSchema } from './profile';

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
      return Item ? profileSchema.parse(Item) : undefined;
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
                Item: { ...ProfileEntity.key(profile.userId), ...profile },
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
      const update = updateExpression(patch, now, expectedVersions);
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: ProfileEntity.key(userId),
            ...update,
            ReturnValues: 'ALL_NEW',
            // Tells "absent" (404) from "stale" (412) without a second read.
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return { status: 'updated', profile: profileSchema.parse(Attributes) };
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          return error.Item ? { status: 'version-mismatch' } : { status: 'not-found' };
        }
        throw error;
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

function updateExpression(patch: ProfilePatch, now: string, expectedVersions?: readonly number[]) {
  const names: Record<string, string> = { '#pk': 'pk', '#version': 'version', '#updatedAt': 'updatedAt' };
  const values: Record<string, unknown> = { ':updatedAt': now, ':one': 1 };
  const sets = ['#updatedAt = :updatedAt', '#version = #version + :one'];

  for (const field of ['name', 'homeCurrency', 'timezone'] as const) {
    if (patch[field] === undefined) continue;
    names[`#${field}`] = field;
    values[`:${field}`] = patch[field];
    sets.push(`#${field} = :${field}`);
  }
  // Field by field, so a PATCH of one preference leaves the others as they are.
  const notifications = Object.entries(patch.notifications ?? {}).filter(([, value]) => value !== undefined);
  if (notifications.length > 0) names['#notifications'] = 'notifications';
  for (const [field, value] of notifications) {
    names[`#n_${field}`] = field;
    values[`:n_${field}`] = value;
    sets.push(`#notifications.#n_${field} = :n_${field}`);
  }

  let condition = 'attribute_exists(#pk)';
  if (expectedVersions) {
    const placeholders = expectedVersions.map((version, index) => {
      values[`:expected${index}`] = version;
      return `:expected${index}`;
    });
    condition += ` AND #version IN (${placeholders.join(', ')})`;
  }

  return {
    UpdateExpression: `SET ${sets.join(', ')}`,
    ConditionExpression: condition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
