/**
 * Realistic DynamoDB stream records (marshalled images, as Lambda delivers them) for the items of
 * the single table, so publisher tests exercise the same shapes the table produces.
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { Profile } from '../../../shared/identity/profile';
import { defaultNotificationPreferences, ProfileEntity } from '../../../shared/identity/profile';
import { NotificationCapEntity, NotificationEntity } from '../../../shared/notifications/items';

type StoredItem = Record<string, unknown> & { pk: string; sk: string };

/** A profile item as stored: keys plus the profile (see shared/identity/profile.ts). */
export function profileItem(overrides: Partial<Profile> & { userId?: string } = {}): StoredItem & Profile {
  const userId = overrides.userId ?? 'user-1';
  return {
    ...ProfileEntity.key(userId),
    type: ProfileEntity.type,
    userId,
    email: 'ada@example.com',
    name: 'Ada Lovelace',
    homeCurrency: 'EUR',
    timezone: 'Europe/Berlin',
    notifications: { ...defaultNotificationPreferences },
    mfa: { totp: 'disabled' },
    createdAt: '2025-03-01T09:00:00.000Z',
    updatedAt: '2025-03-01T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

/** The notifier's hourly email counter: bookkeeping, with a TTL. */
export function notificationCapItem(userId = 'user-1'): StoredItem {
  return {
    ...NotificationCapEntity.key(userId, '2025-03-01T09'),
    type: NotificationCapEntity.type,
    sent: 1,
    expiresAt: 1_900_000_000,
  };
}

export function notificationItem(userId = 'user-1'): StoredItem {
  return {
    ...NotificationEntity.key(userId, 'welcome'),
    type: NotificationEntity.type,
    kind: 'welcome',
    factId: 'welcome',
    status: 'sent',
    attempts: 1,
  };
}

const image = (item: Record<string, unknown>) =>
  marshall(item, { removeUndefinedValues: true }) as Record<string, AttributeValue>;

let sequence = 100_000_000_000_000_000_000n;

type RecordOptions = {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  newItem?: StoredItem;
  oldItem?: StoredItem;
  eventID?: string;
  sequenceNumber?: string;
  /** Epoch seconds, as Lambda delivers ApproximateCreationDateTime. */
  approximateCreationDateTime?: number;
  /** Marks the record as a deletion made by TTL expiry. */
  ttl?: boolean;
};

export function streamRecord(options: RecordOptions): DynamoDBRecord {
  sequence += 1n;
  const keyed = options.newItem ?? options.oldItem;
  if (!keyed) throw new Error('A stream record needs an image');
  const record: DynamoDBRecord = {
    eventID: options.eventID ?? `event-${sequence}`,
    eventName: options.eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-1',
    dynamodb: {
      ApproximateCreationDateTime: options.approximateCreationDateTime ?? 1_740_819_600,
      Keys: image({ pk: keyed.pk, sk: keyed.sk }),
      ...(options.newItem ? { NewImage: image(options.newItem) } : {}),
      ...(options.oldItem ? { OldImage: image(options.oldItem) } : {}),
      SequenceNumber: options.sequenceNumber ?? String(sequence),
      SizeBytes: 512,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: 'arn:aws:dynamodb:eu-west-1:123456789012:table/moneta/stream/2025-03-01T00:00:00.000',
  };
  if (options.ttl) record.userIdentity = { type: 'Service', principalId: 'dynamodb.amazonaws.com' };
  return record;
}

export const insertOf = (item: StoredItem, extra: Partial<RecordOptions> = {}) =>
  streamRecord({ eventName: 'INSERT', newItem: item, ...extra });
export const modifyOf = (oldItem: StoredItem, newItem: StoredItem, extra: Partial<RecordOptions> = {}) =>
  streamRecord({ eventName: 'MODIFY', oldItem, newItem, ...extra });
export const removeOf = (item: StoredItem, extra: Partial<RecordOptions> = {}) =>
  streamRecord({ eventName: 'REMOVE', oldItem: item, ...extra });

export const streamEvent = (records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });
