/**
 * Every event consumer of Moneta, feature by feature: the one list the non-API part of the function
 * catalog and the rules (lib/catalog) are derived from. A new feature registers its consumers here;
 * a new consumer of an existing feature is declared in that feature's consumers.ts only.
 */
import { auditLoggerDeclaration } from '../audit/consumers';
import { budgetsConsumers } from '../budgets/consumers';
import { exportsConsumers } from '../exports/consumers';
import { goalsConsumers } from '../goals/consumers';
import { identityConsumers } from '../identity/consumers';
import { importsConsumers } from '../imports/consumers';
import { insightsConsumers } from '../insights/consumers';
import { invoicesConsumers } from '../invoices/consumers';
import { notificationsConsumers } from '../notifications/consumers';
import { rulesConsumers } from '../rules/consumers';
import { transactionsConsumers } from '../transactions/consumers';
import { type EventName, eventNames } from './events';

/** The audit trail hears every event, so its list is given where every event is known. */
export const auditLogger = auditLoggerDeclaration(eventNames);

export const consumers = [
  ...notificationsConsumers,
  ...identityConsumers,
  ...transactionsConsumers,
  ...budgetsConsumers,
  ...goalsConsumers,
  ...insightsConsumers,
  ...exportsConsumers,
  ...rulesConsumers,
  ...importsConsumers,
  ...invoicesConsumers,
  auditLogger,
] as const satisfies readonly { events: readonly EventName[] }[];

export type Consumer = (typeof consumers)[number];
