/** The audit trail's event consumer (see ConsumerDeclaration in shared/kit/events/consumer.ts). */
import { defineConsumer } from '../kit/events/consumer';

/**
 * It hears every event, and only the composition knows them all (shared/app/events.ts, which
 * would import this folder back): shared/app/consumers.ts declares it with that list.
 */
export const auditLoggerDeclaration = <const E extends readonly string[]>(events: E) =>
  defineConsumer({
    function: 'audit-logger',
    entry: 'functions/events/audit-logger.ts',
    functionDescription: "Writes each domain event as an entry of its user's audit trail",
    events,
    rule: { id: 'audit', description: 'Every domain event is audited' },
    grants: { table: 'readWrite' },
    // Shorter than the eraser's window (ADMITTED_REQUEST_WINDOW_MS): an entry whose profile check
    // passed just before an erasure lands before the eraser's last pass (./store.ts).
    timeoutSeconds: 10,
  });
