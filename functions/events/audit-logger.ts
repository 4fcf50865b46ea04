/**
 * The audit trail: each domain event becomes one immutable entry of its user's trail
 * (shared/audit): what changed, who changed it, for which request. A redelivery writes nothing new
 * (the entry's key is the change's), and nothing is written for a user whose account was deleted.
 */
import { eventConsumer } from '../../shared/app/consumer';
import { auditLogger } from '../../shared/app/consumers';
import { auditEntryOf } from '../../shared/audit/entry';
import { createAuditStore } from '../../shared/audit/store';
import { documentClient } from '../../shared/kit/aws/document-client';
import { requireEnv } from '../../shared/kit/config';
import { logger } from '../../shared/kit/observability';

/** Every event is audited: the events its declaration (and so its rule) routes here. */
export const acceptedDetailTypes = auditLogger.events;

const audit = createAuditStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = eventConsumer(auditLogger, async ({ detailType, detail }) => {
  const entry = auditEntryOf(detailType, detail);
  if (!entry) return;
  const outcome = await audit.record(detail.userId, entry);
  // Ids only: the entry itself holds names, amounts and emails.
  logger.debug('Audit entry', { outcome, detailType, id: detail.id });
});
