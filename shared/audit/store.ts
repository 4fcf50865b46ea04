/**
 * The audit trail's reads and writes. An entry is written once (a conditional Put on its key, which
 * a redelivery of the same event repeats), and only while the user's profile exists: an event that
 * arrives after the account was deleted, the eraser's own deletions among them, writes nothing.
 * Between the profile read and the Put the profile can go; the eraser's last, empty pass starts
 * only after every write that can still land has landed (ADMITTED_REQUEST_WINDOW_MS, longer than
 * this consumer's timeout), so an entry written in that moment is erased with the rest. A
 * ConditionCheck in a transaction would cost four more write units per entry and guarantee nothing more.
 *
 * Lists read by key: the partition's `AUDIT#` range, or gsi1/gsi2 for one entity type or entity,
 * between the `from` and `to` positions, newest first.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { userPk, userRootKey } from '../kit/dynamodb/keys';
import { tableDefinition } from '../kit/dynamodb/table-definition';
import {
  AUDIT_RETENTION_DAYS,
  AuditEntryEntity,
  type AuditEntryItem,
  auditEntryItem,
  auditIndexes,
  auditPosition,
  entryFromKeys,
  storedFields,
} from './items';

const DAY_SECONDS = 86_400;

/** Bounds of a list, as positions (`<ISO time>#<source event id>`), both included. */
export type AuditRange = { from?: string; to?: string };

export type AuditQuery = AuditRange & {
  entity?: string;
  entityId?: string;
  limit: number;
  /** The position to continue after (from a cursor). */
  after?: string;
};

/** Lower and upper ends of every position: no time sorts before the first or after the second. */
const FIRST = '0';
const LAST = '9999~';

export type AuditStore = ReturnType<typeof createAuditStore>;

export function createAuditStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  return {
    /** Writes the entry once; `duplicate` when it is there already, `no-profile` after an erasure. */
    async record(userId: string, entry: AuditEntryItem): Promise<'recorded' | 'duplicate' | 'no-profile'> {
      const profile = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: userRootKey(userId),
          ConsistentRead: true,
          ProjectionExpression: '#pk',
          ExpressionAttributeNames: { '#pk': tableDefinition.partitionKey },
        }),
      );
      if (!profile.Item) return 'no-profile';
      const position = auditPosition(entry.occurredAt, entry.sourceEventId);
      const expiresAt = Math.floor(Date.parse(entry.occurredAt) / 1000) + AUDIT_RETENTION_DAYS * DAY_SECONDS;
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...AuditEntryEntity.key(userId, position),
              type: AuditEntryEntity.type,
              ...storedFields(entry),
              gsi1pk: auditIndexes.byEntity.pk(userId, entry.entity),
              gsi1sk: position,
              gsi2pk: auditIndexes.byEntityId.pk(userId, entry.entity, entry.entityId),
              gsi2sk: position,
              [tableDefinition.ttlAttribute]: expiresAt,
            },
            ConditionExpression: 'attribute_not_exists(#pk)',
            ExpressionAttributeNames: { '#pk': tableDefinition.partitionKey },
          }),
        );
        return 'recorded';
      } catch (error) {
        if (
          error instanceof ConditionalCheckFailedException ||
          (error as Error).name === 'ConditionalCheckFailedException'
        ) {
          return 'duplicate';
        }
        throw error;
      }
    },

    /** One page of the user's trail, newest first; `last` is the position to continue after. */
    async list(userId: string, query: AuditQuery): Promise<{ items: AuditEntryItem[]; last?: string }> {
      const low = query.from ?? FIRST;
      const high = query.to ?? LAST;
      const target = queryTarget(userId, query);
      const start =
        query.after === undefined
          ? undefined
          : {
              [tableDefinition.partitionKey]: userPk(userId),
              [tableDefinition.sortKey]: `${AuditEntryEntity.prefix}${query.after}`,
              ...(target.index ? { [target.pk]: target.value, [target.sk]: query.after } : {}),
            };
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          ...(target.index ? { IndexName: target.index } : {}),
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :low AND :high',
          ExpressionAttributeNames: { '#pk': target.pk, '#sk': target.sk },
          ExpressionAttributeValues: {
            ':pk': target.value,
            ':low': `${target.prefix}${low}`,
            ':high': `${target.prefix}${high}`,
          },
          ScanIndexForward: false,
          Limit: query.limit,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      const items = (page.Items ?? []).map((item) => auditEntryItem().parse(entryFromKeys(item)));
      const lastItem = items.at(-1);
      return {
        items,
        ...(page.LastEvaluatedKey && lastItem
          ? { last: auditPosition(lastItem.occurredAt, lastItem.sourceEventId) }
          : {}),
      };
    },
  };
}

/** The key a list reads: one entity, one entity type, or the whole trail. */
function queryTarget(userId: string, { entity, entityId }: Pick<AuditQuery, 'entity' | 'entityId'>) {
  if (entity !== undefined && entityId !== undefined) {
    const { index } = auditIndexes.byEntityId;
    return {
      index,
      pk: 'gsi2pk',
      sk: 'gsi2sk',
      value: auditIndexes.byEntityId.pk(userId, entity, entityId),
      prefix: '',
    };
  }
  if (entity !== undefined) {
    const { index } = auditIndexes.byEntity;
    return { index, pk: 'gsi1pk', sk: 'gsi1sk', value: auditIndexes.byEntity.pk(userId, entity), prefix: '' };
  }
  return {
    index: undefined,
    pk: tableDefinition.partitionKey,
    sk: tableDefinition.sortKey,
    value: userPk(userId),
    prefix: AuditEntryEntity.prefix,
  };
}
