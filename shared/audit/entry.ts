/**
 * What a domain event says as an audit entry: which entity changed how, who did it, for which
 * request, and the fields before and after. Pure: the consumer (functions/events/audit-logger.ts)
 * reads it off the event's detail and the store writes it.
 */
import { isDeepStrictEqual } from 'node:util';
import type { AuditEntryItem, AuditOperation } from './items';

/** What every domain event's detail carries (shared/kit/events/domain-events.ts). */
export type AuditedDetail = {
  sourceEventId: string;
  userId: string;
  id: string;
  version: number;
  occurredAt: string;
  actor?: string;
  correlationId?: string;
  data?: Record<string, unknown>;
  previous?: Record<string, unknown>;
};

/**
 * Attributes an entry never shows: the item type (the entry's `entity`), what the entry says in
 * fields of its own (`version`, `updatedAt` is its time), and anything that is a secret by its name
 * (idempotency hashes, tokens, key material).
 */
const OWN_FIELDS: ReadonlySet<string> = new Set(['type', 'version', 'updatedAt']);
const SECRET_NAME = /(hash|token|secret|password|key)$/i;

const shown = (name: string) => !OWN_FIELDS.has(name) && !SECRET_NAME.test(name);

/**
 * A whole image (a creation's fields after, a deletion's before): the fields that hold a value. A
 * field the item leaves unset (null) says nothing an absent one does not, and every field left out
 * keeps the entry smaller (one write unit per KB, on the table and on both indexes).
 */
function visible(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([name, value]) => shown(name) && value !== null));
}

/** The fields that differ, each side with its own value (absent on one side: not in that object). */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (name) => shown(name) && !isDeepStrictEqual(before[name], after[name]),
  );
  const pick = (fields: Record<string, unknown>) =>
    Object.fromEntries(names.filter((name) => Object.hasOwn(fields, name)).map((name) => [name, fields[name]]));
  return { before: pick(before), after: pick(after) };
}

/** Who made a change whose item carried no stamp (written before writes were stamped). */
export const UNKNOWN_ACTOR = 'unknown';

/**
 * The entry of one event, or undefined for an event that is not an item's own change (a fact
 * derived from another change, whose source event id is that change's plus a key: the change
 * itself is audited).
 */
export function auditEntryOf(detailType: string, detail: AuditedDetail): AuditEntryItem | undefined {
  if (detail.sourceEventId.includes('#')) return undefined;
  const { data, previous } = detail;
  const image = data ?? previous;
  if (!image) return undefined;
  const operation: AuditOperation = data && previous ? 'updated' : data ? 'created' : 'deleted';
  const changes =
    operation === 'updated' && data && previous
      ? changedFields(previous, data)
      : { before: previous ? visible(previous) : null, after: data ? visible(data) : null };
  return {
    sourceEventId: detail.sourceEventId,
    entity: String(image.type ?? 'unknown').toLowerCase(),
    entityId: detail.id,
    operation,
    event: detailType,
    actor: detail.actor ?? UNKNOWN_ACTOR,
    correlationId: detail.correlationId ?? null,
    // One form for every entry, so the trail sorts by time whatever offset the item used.
    occurredAt: new Date(detail.occurredAt).toISOString(),
    version: detail.version,
    before: changes.before,
    after: changes.after,
  };
}
