/**
 * Erases a deleted user's partition. Deleting is idempotent by nature: a second delivery finds
 * the partition empty (or emptier) and deletes what is left, so no dedupe marker is needed (and
 * writing one into the partition being erased would defeat the purpose).
 *
 * A request that passed the API's account check just before the profile was deleted can still
 * write a moment later, perhaps after a first empty pass. Such a write lands within
 * ADMITTED_REQUEST_WINDOW_MS of the deletion, so the erasure ends only with an empty pass that
 * started after that window (a redelivery long after it does not wait at all).
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { eventConsumer } from '../../shared/app/consumer';
import { userDataEraser } from '../../shared/identity/consumers';
import { ADMITTED_REQUEST_WINDOW_MS, eraseUserPartition } from '../../shared/identity/user-data-store';
import { deleteObjectsUnder } from '../../shared/kit/aws/delete-prefix';
import { userFilePrefixes } from '../../shared/kit/aws/files-layout';
import { logger, metrics } from '../../shared/kit/observability';

/** The events its declaration (and so its rule) routes here. */
export const acceptedDetailTypes = userDataEraser.events;

export const handler = eventConsumer(userDataEraser, async ({ detail }) => {
  // The stream record's time; never later than now, so a skewed timestamp cannot stretch the wait.
  const deletedAt = Math.min(Date.parse(detail.occurredAt), Date.now());
  const erased = await eraseUserPartition(detail.userId, { writesSettledAt: deletedAt + ADMITTED_REQUEST_WINDOW_MS });
  // Files after items: with the job items gone no further export chunk is driven. A chunk already
  // running may still write one object after this; it is under exports/, which expires in 7 days.
  let filesErased = 0;
  for (const prefix of userFilePrefixes(detail.userId)) filesErased += await deleteObjectsUnder(prefix);
  metrics.addMetric('ItemsErased', MetricUnit.Count, erased);
  logger.info('User data erased', { userId: detail.userId, itemsErased: erased, filesErased });
});
