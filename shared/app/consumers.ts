/**
 * Every event consumer of Moneta, feature by feature: the one list the non-API part of the function
 * catalog and the rules (lib/catalog) are derived from. A new feature registers its consumers here;
 * a new consumer of an existing feature is declared in that feature's consumers.ts only.
 */
import { budgetsConsumers } from '../budgets/consumers';
import { exportsConsumers } from '../exports/consumers';
import { goalsConsumers } from '../goals/consumers';
import { identityConsumers } from '../identity/consumers';
import { insightsConsumers } from '../insights/consumers';
import { defineConsumer } from '../kit/events/consumer';
import { notificationsConsumers } from '../notifications/consumers';
import { transactionsConsumers } from '../transactions/consumers';
import { type EventName, eventNames } from './events';

/** The audit trail hears every event, so it is declared where every event is known. */
export const auditLogger = defineConsumer({
  function: 'audit-logger',
  entry: 'functions/events/audit-logger.ts',
  functionDescription: 'Writes a structured audit line per domain event (no personal data)',
  events: eventNames,
  rule: { id: 'audit', description: 'Every domain event is audited' },
});

export const consumers = [
  ...notificationsConsumers,
  ...identityConsumers,
  ...transactionsConsumers,
  ...budgetsConsumers,
  ...goalsConsumers,
  ...insightsConsumers,
  ...exportsConsumers,
  auditLogger,
] as const satisfies readonly { events: readonly EventName[] }[];

export type Consumer = (typeof consumers)[number];
