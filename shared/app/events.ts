/**
 * Every domain event Moneta publishes, gathered from the features that declare them (each
 * feature's events.ts): which item type and change becomes which event, and each event's schema.
 * The stream publisher, the rules, the stream filters and docs/events.md read this; a new event is
 * a line in its feature's events.ts.
 */
import { accountsEvents, accountsItemEvents } from '../accounts/events';
import { attachmentsEvents, attachmentsItemEvents } from '../attachments/events';
import { budgetsEvents, budgetsItemEvents } from '../budgets/events';
import { capturesEvents, capturesItemEvents } from '../captures/events';
import { categoriesEvents, categoriesItemEvents } from '../categories/events';
import { exportsDerivedEvents, exportsEvents, exportsItemEvents } from '../exports/events';
import { goalsEvents, goalsItemEvents } from '../goals/events';
import { identityEvents, identityItemEvents } from '../identity/events';
import { importsEvents, importsItemEvents } from '../imports/events';
import { insightsEvents, insightsItemEvents } from '../insights/events';
import { invoicesEvents, invoicesItemEvents } from '../invoices/events';
import type { DeriveEvents, DetailOf } from '../kit/events/domain-events';
import { payeesDerivedEvents, payeesEvents, payeesItemEvents } from '../payees/events';
import { paymentsDerivedEvents, paymentsEvents, paymentsItemEvents } from '../payments/events';
import { rulesEvents, rulesItemEvents } from '../rules/events';
import { summariesEvents, summariesItemEvents } from '../summaries/events';
import { transactionsDerivedEvents, transactionsEvents, transactionsItemEvents } from '../transactions/events';
import { webhooksEvents, webhooksItemEvents } from '../webhooks/events';

export { EVENT_SOURCE } from '../kit/events/domain-events';

/** Stream event names (INSERT/MODIFY/REMOVE) → event names, per item type that is a domain fact. */
export const domainItems = {
  ...identityItemEvents,
  ...accountsItemEvents,
  ...categoriesItemEvents,
  ...transactionsItemEvents,
  ...budgetsItemEvents,
  ...goalsItemEvents,
  ...insightsItemEvents,
  ...summariesItemEvents,
  ...exportsItemEvents,
  ...rulesItemEvents,
  ...importsItemEvents,
  ...payeesItemEvents,
  ...invoicesItemEvents,
  ...webhooksItemEvents,
  ...paymentsItemEvents,
  ...attachmentsItemEvents,
  ...capturesItemEvents,
} as const;

export type DomainItemType = keyof typeof domainItems;

/** Item type → the further facts its changes stand for (events without an item of their own). */
export const derivedItemEvents: Partial<Record<DomainItemType, DeriveEvents>> = {
  ...transactionsDerivedEvents,
  ...exportsDerivedEvents,
  ...payeesDerivedEvents,
  ...paymentsDerivedEvents,
};

export const eventSchemas = {
  ...identityEvents,
  ...accountsEvents,
  ...categoriesEvents,
  ...transactionsEvents,
  ...budgetsEvents,
  ...goalsEvents,
  ...insightsEvents,
  ...summariesEvents,
  ...exportsEvents,
  ...rulesEvents,
  ...importsEvents,
  ...payeesEvents,
  ...invoicesEvents,
  ...webhooksEvents,
  ...paymentsEvents,
  ...attachmentsEvents,
  ...capturesEvents,
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventDetail<N extends EventName> = DetailOf<typeof eventSchemas, N>;
export const eventNames = Object.keys(eventSchemas) as EventName[];
