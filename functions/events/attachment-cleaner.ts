/**
 * Deletes the attachments (files and items) of a deleted transaction (and, once wired, invoice):
 * shared/attachments/cascade.ts says why a redelivery or a late delivery is harmless. Most deleted
 * transactions have none: that costs one Query that finds nothing.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { eventConsumer } from '../../shared/app/consumer';
import { deleteAttachmentsOf, deletedOwner } from '../../shared/attachments/cascade';
import { attachmentCleaner } from '../../shared/attachments/consumers';
import { bucketAttachmentFiles } from '../../shared/attachments/files';
import { createAttachmentStore } from '../../shared/attachments/store';
import { documentClient } from '../../shared/kit/aws/document-client';
import { requireEnv } from '../../shared/kit/config';
import { logger, metrics } from '../../shared/kit/observability';

/** The events its declaration (and so its rule) routes here. */
export const acceptedDetailTypes = attachmentCleaner.events;

const deps = {
  store: createAttachmentStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') }),
  files: bucketAttachmentFiles(),
};

export const handler = eventConsumer(attachmentCleaner, async ({ detailType, detail }) => {
  const owner = deletedOwner(detailType, detail.previous);
  if (!owner) throw new Error(`${detailType} names no owner`);
  const deleted = await deleteAttachmentsOf(deps, detail.userId, owner);
  if (deleted > 0) metrics.addMetric('AttachmentsDeleted', MetricUnit.Count, deleted);
  logger.info('Deleted owner cleaned up', {
    userId: detail.userId,
    ownerKind: owner.kind,
    attachmentsDeleted: deleted,
  });
});
