/**
 * The audit trail's entity: one immutable entry per domain event of a user, in their own partition
 * (`AUDIT#<occurredAt>#<sourceEventId>`), so it goes when the partition is erased. The sort key
 * orders the trail by time; the stream record id makes it unique and makes a redelivery land on
 * the same key.
 *
 * Two generic indexes serve the filters by key, newest first, never by a FilterExpression:
 * gsi1 holds a user's entries of one entity type (`USER#<sub>#AUDIT#<entity>`), gsi2 those of one
 * entity (`USER#<sub>#AUDIT#<entity>#<entityId>`); both sort by `<occurredAt>#<sourceEventId>`.
 */
import { entity, userPk } from '../kit/dynamodb/keys';
import { tableDefinition } from '../kit/dynamodb/table-definition';
import * as z from '../kit/schema';

export const AuditEntryEntity = entity('AUDIT_ENTRY', 'AUDIT', (position: string) => position);

/** How long an entry is kept: DynamoDB's TTL deletes it after this (docs/audit.md). */
export const AUDIT_RETENTION_DAYS = 400;

/** Where an entry sits in the trail: its time, then its source event id (ISO times hold no `#`). */
export const auditPosition = (occurredAt: string, sourceEventId: string): string => `${occurredAt}#${sourceEventId}`;

export const auditIndexes = {
  byEntity: { index: 'gsi1', pk: (userId: string, entityType: string) => `${userPk(userId)}#AUDIT#${entityType}` },
  byEntityId: {
    index: 'gsi2',
    pk: (userId: string, entityType: string, entityId: string) => `${userPk(userId)}#AUDIT#${entityType}#${entityId}`,
  },
} as const;

export const auditOperationKinds = ['created', 'updated', 'deleted'] as const;
export type AuditOperation = (typeof auditOperationKinds)[number];

/** The entry as stored (besides its keys and `type`). */
export const auditEntryItem = z.lazily(() =>
  z.object({
    /** The stream record the change came from. */
    sourceEventId: z.string(),
    /** The item type in lower case: `account`, `transaction`, `budget_alert` … */
    entity: z.string(),
    entityId: z.string(),
    operation: z.enum(auditOperationKinds),
    /** The domain event's name (`AccountUpdated` …). */
    event: z.string(),
    /** `user`, or the process that made the change (`budget-evaluator`, `rates-fetcher` …). */
    actor: z.string(),
    correlationId: z.nullable(z.string()),
    occurredAt: z.string(),
    version: z.int(),
    /** The fields before the change: all of them for a deletion, the changed ones for an update. */
    before: z.nullable(z.record(z.string(), z.unknown())),
    /** The fields after the change: all of them for a creation, the changed ones for an update. */
    after: z.nullable(z.record(z.string(), z.unknown())),
  }),
);
export type AuditEntryItem = z.infer<ReturnType<typeof auditEntryItem>>;

/**
 * The entry's fields that its keys already hold: the sort key ends with `<occurredAt>#<sourceEventId>`
 * and gsi2's key with `<entity>#<entityId>`. They are not stored twice: an entry of a plain expense
 * then stays under 1 KB, one write unit on the table and on each index instead of two.
 */
const KEYED_FIELDS = ['sourceEventId', 'occurredAt', 'entity', 'entityId'] as const;

/** What the table stores of an entry besides its keys. */
export function storedFields(entry: AuditEntryItem): Omit<AuditEntryItem, (typeof KEYED_FIELDS)[number]> {
  const { sourceEventId: _s, occurredAt: _o, entity: _e, entityId: _i, ...rest } = entry;
  return rest;
}

/**
 * An item as read (from the table or either index, which project every attribute) with the keyed
 * fields put back from its keys. An item stored with them (written before they were left out)
 * keeps its own.
 */
export function entryFromKeys(item: Record<string, unknown>): Record<string, unknown> {
  const position = String(item[tableDefinition.sortKey] ?? '').slice(AuditEntryEntity.prefix.length);
  const cut = position.indexOf('#');
  const owner = `${String(item[tableDefinition.partitionKey] ?? '')}#AUDIT#`;
  const entityKey = String(item.gsi2pk ?? '').startsWith(owner) ? String(item.gsi2pk).slice(owner.length) : '';
  const split = entityKey.indexOf('#');
  return {
    occurredAt: position.slice(0, cut),
    sourceEventId: position.slice(cut + 1),
    entity: entityKey.slice(0, split),
    entityId: entityKey.slice(split + 1),
    ...item,
  };
}
