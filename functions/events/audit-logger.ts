/**
 * Audit trail: one structured line per domain event, with ids and times only. `data` and
 * `previous` hold personal data (emails, names, amounts) and never reach the log.
 */

import { eventConsumer } from '../../shared/app/consumer';
import { auditLogger } from '../../shared/app/consumers';
import { logger } from '../../shared/kit/observability';

/** Every event is audited: the events its declaration (and so its rule) routes here. */
export const acceptedDetailTypes = auditLogger.events;

export const handler = eventConsumer(auditLogger, async ({ detailType, detail }) => {
  logger.info('Domain event', {
    audit: true,
    detailType,
    userId: detail.userId,
    id: detail.id,
    version: detail.version,
    sourceEventId: detail.sourceEventId,
    occurredAt: detail.occurredAt,
  });
});
