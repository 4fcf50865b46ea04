/**
 * Event-source-mapping filters for the stream publisher: only changes of domain items reach it.
 * Applied state, counters and the notification log never cost an invocation, and deletions
 * made by TTL (userIdentity = the DynamoDB service) are not published as user actions, except of
 * the items whose expiry a user would notice (an unrecorded capture: ItemEvents.expiryPublished).
 * The stack installs these patterns; the local stream poller evaluates the same objects.
 */
import { domainItems } from '../../shared/app/events';

const domainTypes = Object.keys(domainItems);
/** The domain items whose deletion by TTL is published too (ItemEvents.expiryPublished). */
const expiringTypes = Object.entries(domainItems)
  .filter(([, mapping]) => 'expiryPublished' in mapping && mapping.expiryPublished)
  .map(([type]) => type);

export const streamFilterPatterns: readonly Record<string, unknown>[] = [
  { eventName: ['INSERT', 'MODIFY'], dynamodb: { NewImage: { type: { S: domainTypes } } } },
  {
    eventName: ['REMOVE'],
    dynamodb: { OldImage: { type: { S: domainTypes } } },
    userIdentity: { principalId: [{ exists: false }] },
  },
  // An empty list is no valid pattern: the filter exists only while some type's expiry is news.
  ...(expiringTypes.length > 0
    ? [
        {
          eventName: ['REMOVE'],
          dynamodb: { OldImage: { type: { S: expiringTypes } } },
          userIdentity: { type: ['Service'], principalId: ['dynamodb.amazonaws.com'] },
        },
      ]
    : []),
];

/** How the stream publisher's event source mapping retries, and where poison records go. */
export const streamSourceSettings = {
  batchSize: 100,
  maxBatchingWindowSeconds: 0,
  bisectBatchOnError: true,
  retryAttempts: 5,
  maxRecordAgeSeconds: 60 * 60 * 24,
  reportBatchItemFailures: true,
  startingPosition: 'TRIM_HORIZON',
} as const;
