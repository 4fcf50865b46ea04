/**
 * Every event consumer of Moneta, feature by feature: the one list the non-API part of the function
 * catalog and the rules (lib/catalog) are derived from. A new feature registers its consumers here;
 * a new consumer of an existing feature is declared in that feature's consumers.ts only.
 */
import { attachmentsConsumers } from '../attachments/consumers';
import { auditLoggerDeclaration } from '../audit/consumers';
import { budgetsConsumers } from '../budgets/consumers';
import { changesConsumers } from '../changes/consumers';
import { exportsConsumers } from '../exports/consumers';
import { goalsConsumers } from '../goals/consumers';
import { identityConsumers } from '../identity/consumers';
import { importsConsumers } from '../imports/consumers';
import { insightsConsumers } from '../insights/consumers';
import { invoicesConsumers } from '../invoices/consumers';
import { notificationsConsumers } from '../notifications/consumers';
import { payeesConsumers } from '../payees/consumers';
import { rulesConsumers } from '../rules/consumers';
import { transactionsConsumers } from '../transactions/consumers';
import { webhooksConsumers } from '../webhooks/consumers';
import { type EventName, eventNames } from './events';

/** The audit trail hears every event, so its list is given where every event is known. */
export const auditLogger = auditLoggerDeclaration(eventNames);

/**
 * Each feature's consumers under its folder's name: the stack deploys a feature's consumers (with
 * their rules) in that feature's nested stack, next to its API functions (docs/architecture.md).
 */
export const consumersByFeature = {
  notifications: notificationsConsumers,
  identity: identityConsumers,
  transactions: transactionsConsumers,
  budgets: budgetsConsumers,
  goals: goalsConsumers,
  insights: insightsConsumers,
  exports: exportsConsumers,
  rules: rulesConsumers,
  imports: importsConsumers,
  attachments: attachmentsConsumers,
  payees: payeesConsumers,
  invoices: invoicesConsumers,
  webhooks: webhooksConsumers,
  changes: changesConsumers,
  audit: [auditLogger],
} as const satisfies Readonly<Record<string, readonly { events: readonly EventName[] }[]>>;

type ByFeature = typeof consumersByFeature;
export type Consumer = ByFeature[keyof ByFeature][number];

export const consumers: readonly Consumer[] = Object.values(consumersByFeature).flat();
