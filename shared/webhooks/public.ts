/** What other features may use of webhooks: everything else in this folder is its own business. */
export { webhooksEvents } from './events';
// For the change feed: an entry shows what the routes show.
export { WebhookDeliveryEntity, type WebhookDisabledItem, WebhookEntity, type WebhookItem } from './items';
export { toWebhookView } from './views';
