/**
 * The change feed's reads and writes.
 *
 * Writing (the consumer): read the user's head (last sequence), then the entity's item, what the
 * feed last said of it and the profile; decide (./entry.ts); then ONE TransactWriteItems: the head
 * moved to the next sequence *pinned to the value read*, the entry put at that sequence, the
 * entity's feed state put. The pin serializes a user's entries: two writers cannot take one
 * sequence, no sequence is skipped, and a writer that lost the race reads again (the entity too:
 * read after the head, so the state it then writes is at least as new as the winner's). The last
 * entry of an entity therefore always shows its latest state.
 *
 * Like the audit trail, the profile is read first and nothing is written for an erased user; an
 * entry landing in the moment between is erased by the eraser's last pass, which waits out every
 * admitted write (this consumer's timeout is below that window).
 *
 * Reading (the route): a strongly consistent Query of the user's `CHANGE#` range after a sequence,
 * never a Scan. A committed entry is visible with every entry before it (the head's pin commits
 * them in order), so a client never reads past a gap.
 */
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { AppliedStateMoved, commit, isOnlyContention, untilSettled } from '../kit/dynamodb/exactly-once';
import { type Key, userPk, userRootKey } from '../kit/dynamodb/keys';
import { tableDefinition } from '../kit/dynamodb/table-definition';
import { coveredEntities, type FeedEntityType } from './catalogue';
import { decideEntry } from './entry';
import {
  CHANGE_RETENTION_SECONDS,
  ChangeEntity,
  type ChangeEntryItem,
  ChangeHeadEntity,
  ChangeStateEntity,
  type ChangeStateItem,
  sequencePosition,
} from './items';

export type { FeedPosition } from './token';

export type RecordOutcome = 'recorded' | 'unchanged' | 'no-profile';

/** The newest position of a user's feed. */
export type FeedHead = { sequence: number; recordedAt: string | undefined };

export type StoredEntry = ChangeEntryItem & { expiresAt: number };

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * Every change of one user takes the next sequence from one head, so a burst of a user's changes
 * races for it: read → decide → commit again, longer than one `untilSettled` (8 rounds) before the
 * event fails and waits for the platform's retry.
 */
const SETTLE_ROUNDS = 4;
async function settled<T>(attempt: () => Promise<T>): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return await untilSettled(attempt);
    } catch (error) {
      if (!(error instanceof AppliedStateMoved || isOnlyContention(error)) || round >= SETTLE_ROUNDS) throw error;
    }
  }
}

export type ChangeStore = ReturnType<typeof createChangeStore>;

export function createChangeStore({
  db,
  tableName,
  now = () => new Date(),
}: {
  db: DynamoDBDocumentClient;
  tableName: string;
  now?: () => Date;
}) {
  const get = async (key: Key, projection?: string) =>
    (
      await db.send(
        new GetCommand({
          TableName: tableName,
          Key: key,
          ConsistentRead: true,
          ...(projection ? { ProjectionExpression: projection } : {}),
        }),
      )
    ).Item;

  async function head(userId: string): Promise<FeedHead> {
    const item = await get(ChangeHeadEntity.key(userId));
    return {
      sequence: typeof item?.sequence === 'number' ? item.sequence : 0,
      recordedAt: typeof item?.updatedAt === 'string' ? item.updatedAt : undefined,
    };
  }

  return {
    head,

    /**
     * Records the current state of one entity, whose change an event reported (`image`: the
     * event's data or previous, to find the item by).
     */
    async record(userId: string, entityType: FeedEntityType, image: Record<string, unknown>): Promise<RecordOutcome> {
      const covered = coveredEntities[entityType];
      const entityId = String(image[covered.idAttribute]);
      const stateKey = ChangeStateEntity.key(userId, entityType, entityId);
      return settled(async () => {
        const { sequence } = await head(userId);
        // After the head: a writer that loses the head's race reads the entity again, later.
        const [profile, current, last] = await Promise.all([
          get(userRootKey(userId), tableDefinition.partitionKey),
          get(covered.key(userId, image)),
          get(stateKey),
        ]);
        if (!profile) return 'no-profile';
        const at = now();
        const decision = decideEntry({
          entityType,
          entityId,
          current,
          last: last as ChangeStateItem | undefined,
          sequence: sequence + 1,
          now: at,
        });
        if (!decision) return 'unchanged';
        const expiresAt = epochSeconds(at) + CHANGE_RETENTION_SECONDS;
        const next = decision.entry.sequence;
        await commit(db, [
          {
            item: {
              Update: {
                TableName: tableName,
                Key: ChangeHeadEntity.key(userId),
                UpdateExpression: 'SET #type = :type, #sequence = :next, #updatedAt = :at',
                ConditionExpression: sequence === 0 ? 'attribute_not_exists(#sequence)' : '#sequence = :read',
                ExpressionAttributeNames: { '#type': 'type', '#sequence': 'sequence', '#updatedAt': 'updatedAt' },
                ExpressionAttributeValues: {
                  ':type': ChangeHeadEntity.type,
                  ':next': next,
                  ':at': decision.entry.recordedAt,
                  ...(sequence === 0 ? {} : { ':read': sequence }),
                },
              },
            },
            onConditionFailed: () => new AppliedStateMoved(),
          },
          {
            item: {
              Put: {
                TableName: tableName,
                Item: {
                  ...ChangeEntity.key(userId, next),
                  type: ChangeEntity.type,
                  ...decision.entry,
                  [tableDefinition.ttlAttribute]: expiresAt,
                },
                ConditionExpression: 'attribute_not_exists(#pk)',
                ExpressionAttributeNames: { '#pk': tableDefinition.partitionKey },
              },
            },
            onConditionFailed: () => new AppliedStateMoved(),
          },
          {
            item: {
              Put: {
                TableName: tableName,
                Item: {
                  ...stateKey,
                  type: ChangeStateEntity.type,
                  ...decision.state,
                  // A live entity's state is kept (its next change is `updated`); a tombstone's
                  // goes with the entries, when no client can need it any more.
                  ...(decision.state.deleted ? { [tableDefinition.ttlAttribute]: expiresAt } : {}),
                },
              },
            },
          },
        ]);
        return 'recorded';
      });
    },

    /**
     * Up to `limit` entries after sequence `after`, oldest first, and whether more follow. Strongly
     * consistent, so an entry the head counts is never missed.
     */
    async list(userId: string, after: number, limit: number): Promise<{ entries: StoredEntry[]; hasMore: boolean }> {
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
          ExpressionAttributeNames: { '#pk': tableDefinition.partitionKey, '#sk': tableDefinition.sortKey },
          ExpressionAttributeValues: {
            ':pk': userPk(userId),
            ':from': ChangeEntity.key(userId, after + 1).sk,
            ':to': `${ChangeEntity.prefix}${'9'.repeat(sequencePosition(0).length)}`,
          },
          ConsistentRead: true,
          // One more than asked: whether another page follows, without an empty last page.
          Limit: limit + 1,
        }),
      );
      const items = (result.Items ?? []) as StoredEntry[];
      return { entries: items.slice(0, limit), hasMore: items.length > limit };
    },
  };
}
