/** What other features may use of webhooks: everything else in this folder is its own business. */
export { webhooksEvents } from './events';
export { WebhookDeliveryEntity, type WebhookDisabledItem, WebhookEntity } from './items';
