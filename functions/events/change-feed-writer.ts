/**
 * The change feed (shared/changes): each change of a covered entity becomes the next entry of its
 * user's feed, showing the entity as it is now (or a tombstone). A redelivered or late event whose
 * state the feed already holds writes nothing; nothing is written for a user whose account was deleted.
 */
import { eventConsumer } from '../../shared/app/consumer';
import { feedTypeOf } from '../../shared/changes/catalogue';
import { changeFeedWriter } from '../../shared/changes/consumers';
import { createChangeStore } from '../../shared/changes/store';
import { documentClient } from '../../shared/kit/aws/document-client';
import { requireEnv } from '../../shared/kit/config';
import { logger } from '../../shared/kit/observability';

export const acceptedDetailTypes = changeFeedWriter.events;

const changes = createChangeStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = eventConsumer(changeFeedWriter, async ({ detailType, detail }) => {
  const entityType = feedTypeOf(detailType);
  const image = ('data' in detail ? detail.data : 'previous' in detail ? detail.previous : undefined) as
    | Record<string, unknown>
    | undefined;
  if (!entityType || !image) return;
  const outcome = await changes.record(detail.userId, entityType, image);
  // Ids only: the entry holds names, amounts and emails.
  logger.debug('Change feed', { outcome, detailType, id: detail.id });
});
