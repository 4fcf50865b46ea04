/**
 * Audit trail: one structured line per domain event, with ids and times only. `data` and
 * `previous` hold personal data (emails, names, amounts) and never reach the log.
 */

import { eventConsumer } from '../../shared/app/consumer';
import { eventNames } from '../../shared/app/events';
import { logger } from '../../shared/kit/observability';

/** Every event is audited (rule `audit` in lib/catalog/rules.ts). */
export const acceptedDetailTypes = eventNames;

export const handler = eventConsumer(acceptedDetailTypes, async ({ detailType, detail }) => {
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
