/**
 * Erases a deleted user's partition. Deleting is idempotent by nature: a second delivery finds
 * the partition empty (or emptier) and deletes what is left, so no dedupe marker is needed (and
 * writing one into the partition being erased would defeat the purpose).
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { eventConsumer } from '../../shared/events/consumer';
import { logger, metrics } from '../../shared/observability';
import { eraseUserPartition } from '../../shared/store/user-data-store';

/** Rule `erase-user-data` in lib/catalog/rules.ts. */
export const acceptedDetailTypes = ['UserDeleted'] as const;

export const handler = eventConsumer(acceptedDetailTypes, async ({ detail }) => {
  const erased = await eraseUserPartition(detail.userId);
  metrics.addMetric('ItemsErased', MetricUnit.Count, erased);
  logger.info('User data erased', { userId: detail.userId, itemsErased: erased });
});
