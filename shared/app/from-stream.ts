/**
 * Maps one DynamoDB stream record to the domain event it stands for, or to
 * `undefined` when the record is not a domain fact: bookkeeping items (applied state, the
 * notification log, counters), records without the image the event needs, and TTL deletions
 * (except of the items whose expiry is published: ItemEvents.expiryPublished).
 *
 * The mapping does not validate: the publisher parses the result with the catalog schema, so a
 * malformed domain item fails loudly instead of being skipped.
 */
import { isDeepStrictEqual } from 'node:util';
import type { AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, AttributeValue as StreamAttributeValue } from 'aws-lambda';
import { userIdFromPk } from '../kit/dynamodb/keys';
import { tableDefinition } from '../kit/dynamodb/table-definition';
import { unmarshallOptions } from '../kit/dynamodb/unmarshall-options';
import { writeMetadataAttributes } from '../kit/dynamodb/write-context';
import { type Counters, EXPIRY_ACTOR } from '../kit/events/domain-events';
import { type DomainItemType, derivedItemEvents, domainItems, type EventName } from './events';

type MappedEvent = { detailType: EventName; detail: Record<string, unknown> };

type StreamImage = Record<string, StreamAttributeValue>;
type StreamEventName = 'INSERT' | 'MODIFY' | 'REMOVE';

/** Attributes that are storage mechanics, never part of an event's `data` or `previous`. */
const keyAttributes: ReadonlySet<string> = new Set([
  tableDefinition.partitionKey,
  tableDefinition.sortKey,
  ...tableDefinition.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  tableDefinition.ttlAttribute,
]);

/** The principal DynamoDB puts on deletions made by TTL expiry. */
const TTL_PRINCIPAL = 'dynamodb.amazonaws.com';

function isTtlDeletion(record: DynamoDBRecord): boolean {
  return record.userIdentity?.type === 'Service' && record.userIdentity?.principalId === TTL_PRINCIPAL;
}

/**
 * When the change happened, as a Date. Lambda delivers epoch seconds; a stream read through the
 * SDK (the local poller) yields a Date, which turns into an ISO string once serialized. Accept all.
 */
export function approximateCreationTime(record: DynamoDBRecord): Date | undefined {
  const raw = record.dynamodb?.ApproximateCreationDateTime as unknown;
  let date: Date | undefined;
  if (raw instanceof Date) date = raw;
  else if (typeof raw === 'number') date = new Date(raw * 1000);
  else if (typeof raw === 'string') date = /^\d+(\.\d+)?$/.test(raw) ? new Date(Number(raw) * 1000) : new Date(raw);
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

function isDomainItemType(type: unknown): type is DomainItemType {
  return typeof type === 'string' && Object.hasOwn(domainItems, type);
}

// The stream's AttributeValue type (aws-lambda) and the SDK's describe the same JSON shape.
const toPlain = (image: StreamImage) => unmarshall(image as Record<string, SdkAttributeValue>, unmarshallOptions());

/**
 * Who wrote and for which request (shared/kit/dynamodb/write-context.ts): said once, in the
 * envelope (`actor`, `correlationId`), and never a change by itself.
 */
const metadataAttributes: ReadonlySet<string> = new Set(writeMetadataAttributes);

function withoutKeyAttributes(
  item: Record<string, unknown>,
  unpublished: readonly string[] = [],
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(item).filter(
      ([name]) => !keyAttributes.has(name) && !metadataAttributes.has(name) && !unpublished.includes(name),
    ),
  );
}

export function fromStreamRecord(record: DynamoDBRecord): MappedEvent | undefined {
  const eventName = record.eventName as StreamEventName | undefined;
  const stream = record.dynamodb;
  if (!eventName || !stream) return undefined;
  const expired = isTtlDeletion(record);

  // The image that describes the entity: the new one, except for a deletion.
  const current = eventName === 'REMOVE' ? stream.OldImage : stream.NewImage;
  if (!current) return undefined;
  const item = toPlain(current);
  const type = item[tableDefinition.typeAttribute];
  if (!isDomainItemType(type)) return undefined;

  const mapping = domainItems[type] as {
    idAttribute: string;
    counters?: Counters;
    unpublished?: readonly string[];
    expiryPublished?: boolean;
  } & Partial<Record<StreamEventName, EventName>>;
  // TTL deletions are housekeeping, unless the item's type says its expiry is news.
  if (expired && (eventName !== 'REMOVE' || !mapping.expiryPublished)) return undefined;
  const unpublished = mapping.unpublished ?? [];
  const detailType = mapping[eventName];
  if (!detailType) return undefined;
  if (eventName === 'MODIFY' && !stream.OldImage) return undefined;
  // A stamp alone (the one put on an item just before it is deleted) changes nothing; nor does an
  // attribute that is never published.
  if (
    eventName === 'MODIFY' &&
    onlyMovedAmong(new Set([...metadataAttributes, ...unpublished]), toPlain(stream.OldImage ?? {}), item)
  ) {
    return undefined;
  }
  if (
    eventName === 'MODIFY' &&
    mapping.counters &&
    onlyCountersMoved(mapping.counters, toPlain(stream.OldImage ?? {}), item)
  ) {
    return undefined;
  }

  const pk = item[tableDefinition.partitionKey];
  const version = item.version;
  const detail: Record<string, unknown> = {
    sourceEventId: record.eventID,
    userId: typeof pk === 'string' ? userIdFromPk(pk) : undefined,
    id: item[mapping.idAttribute],
    version: version === undefined ? 0 : version,
    occurredAt: occurredAt(eventName, item, record),
  };
  // For a deletion the old image names the deleter: the item is stamped just before it is deleted.
  if (expired) detail.actor = EXPIRY_ACTOR;
  else if (typeof item.updatedBy === 'string') detail.actor = item.updatedBy;
  if (typeof item.correlationId === 'string') detail.correlationId = item.correlationId;
  if (eventName !== 'REMOVE') detail.data = withoutKeyAttributes(item, unpublished);
  if (eventName !== 'INSERT' && stream.OldImage) {
    detail.previous = withoutKeyAttributes(toPlain(stream.OldImage), unpublished);
  }
  return { detailType, detail };
}

/**
 * When the change happened: the item's `updatedAt` for a write; for a deletion the stamp put just
 * before it (milliseconds, in order with the writes before it), else the stream record's time.
 */
function occurredAt(eventName: StreamEventName, item: Record<string, unknown>, record: DynamoDBRecord) {
  if (eventName === 'REMOVE') {
    return typeof item.stampedAt === 'string' ? item.stampedAt : approximateCreationTime(record)?.toISOString();
  }
  return typeof item.updatedAt === 'string' ? item.updatedAt : approximateCreationTime(record)?.toISOString();
}

/** True when `before` and `after` differ in counter attributes only and the item does not publish them. */
function onlyCountersMoved(
  counters: Counters,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): boolean {
  if (counters.publishedWhen?.test(after)) return false;
  // The stamp moves with every write, the ledger's counter ADDs too.
  return onlyMovedAmong(new Set([...counters.attributes, ...metadataAttributes]), before, after);
}

/** True when `before` and `after` differ in the `skipped` attributes only (or not at all). */
function onlyMovedAmong(
  skipped: ReadonlySet<string>,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): boolean {
  const names = new Set([...Object.keys(before), ...Object.keys(after)].filter((name) => !skipped.has(name)));
  return [...names].every((name) => isDeepStrictEqual(before[name], after[name]));
}

/**
 * The events derived from a domain event's change (shared/kit/events/domain-events.ts, DeriveEvents):
 * each carries the same envelope fields, with a sourceEventId of its own.
 */
export function derivedEvents(mapped: MappedEvent): MappedEvent[] {
  const { data, previous, ...base } = mapped.detail as Record<string, unknown> & {
    data?: Record<string, unknown>;
    previous?: Record<string, unknown>;
  };
  const type = (data ?? previous)?.[tableDefinition.typeAttribute];
  const derive = isDomainItemType(type) ? derivedItemEvents[type] : undefined;
  if (!derive || typeof base.userId !== 'string') return [];
  return derive({ userId: base.userId, data, previous }).map((event) => ({
    detailType: event.detailType as EventName,
    detail: { ...base, sourceEventId: `${String(base.sourceEventId)}#${event.key}`, data: event.data },
  }));
}
