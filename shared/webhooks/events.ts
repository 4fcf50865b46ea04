/**
 * The events webhooks' items become (see shared/kit/events/domain-events.ts): a webhook's own
 * changes, and the disabling fact. Deliveries are not events, and neither is a delivery's outcome
 * counted on its webhook (a counter): a delivery cannot cause another event, except the one that
 * disables a failing webhook.
 */
import { created, deleted, type ItemEvents, updated } from '../kit/events/domain-events';
import * as z from '../kit/schema';
import { WebhookDisabledEntity, WebhookEntity, webhookDisabledItem, webhookItem } from './items';

export const webhooksItemEvents = {
  [WebhookEntity.type]: {
    idAttribute: 'webhookId',
    INSERT: 'WebhookCreated',
    MODIFY: 'WebhookUpdated',
    REMOVE: 'WebhookDeleted',
    counters: {
      attributes: ['consecutiveFailures', 'failingSince'],
      reason: "a delivery's outcome, counted by the dispatcher; a webhook it disables is an update",
    },
    // The sealed signing secrets never leave the item: not in an event, the audit trail or the feed.
    unpublished: ['secrets'],
  },
  /** Written once per disabling, never changed. Deliveries are not events. */
  [WebhookDisabledEntity.type]: { idAttribute: 'factId', INSERT: 'WebhookDisabled' },
} as const satisfies Record<string, ItemEvents>;

/** A webhook as its events carry it: without its signing secrets. */
const publishedWebhook = z.lazily(() => z.omit(webhookItem(), { secrets: true }));

export const webhooksEvents = {
  WebhookCreated: z.lazily(() => created(publishedWebhook())),
  WebhookUpdated: z.lazily(() => updated(publishedWebhook())),
  WebhookDeleted: z.lazily(() => deleted(publishedWebhook())),
  WebhookDisabled: z.lazily(() => created(webhookDisabledItem())),
};
