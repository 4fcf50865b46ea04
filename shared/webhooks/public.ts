/** What other features may use of webhooks: everything else in this folder is its own business. */
export { WebhookDeliveryEntity, WebhookEntity } from './items';
