/** What the webhook routes return. A signing secret is shown once, by the route that made it, never here. */
import * as z from '../kit/schema';
import type { WebhookDeliveryItem, WebhookItem } from './items';

export function toWebhookView(item: WebhookItem) {
  return {
    id: item.webhookId,
    url: item.url,
    events: item.events,
    description: item.description,
    enabled: item.status === 'enabled',
    disabledReason: item.disabledReason,
    disabledAt: item.disabledAt,
    consecutiveFailures: item.consecutiveFailures,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}

export function toDeliveryView(item: WebhookDeliveryItem) {
  return {
    id: item.deliveryId,
    webhookId: item.webhookId,
    eventType: item.eventType,
    status: item.status,
    attempts: item.attempts,
    lastResponseCode: item.lastResponseCode,
    lastError: item.lastError,
    createdAt: item.createdAt,
    lastAttemptAt: item.lastAttemptAt,
    deliveredAt: item.deliveredAt,
  };
}

export const webhookView = z.lazily(() =>
  z.strictObject({
    id: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    description: z.nullable(z.string()),
    enabled: z.boolean(),
    disabledReason: z
      .nullable(z.enum(['failing', 'user']))
      .check(
        z.describe('`failing`: disabled after repeated failed deliveries (the owner was emailed); `user`: paused.'),
      ),
    disabledAt: z.nullable(z.string()),
    consecutiveFailures: z.int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.int(),
  }),
);

export const createdWebhookView = z.lazily(() =>
  z.extend(webhookView(), {
    secret: z
      .nullable(z.string())
      .check(
        z.describe(
          'The signing secret (`whsec_…`) made for this webhook, shown this once: store it to verify deliveries. null when the request brought its own `secret` (never shown back).',
        ),
      ),
  }),
);

export const rotatedSecretView = z.lazily(() =>
  z.strictObject({
    secret: z.string().check(z.describe('The new signing secret, shown this once.')),
    previousSecretRetiresAt: z
      .nullable(z.string())
      .check(z.describe('Until then deliveries carry a signature by the previous secret too.')),
  }),
);

export const deliveryView = z.lazily(() =>
  z.strictObject({
    id: z.string().check(z.describe('Also the `webhook-id` header of every attempt.')),
    webhookId: z.string(),
    eventType: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.int(),
    lastResponseCode: z.nullable(z.int()),
    lastError: z.nullable(z.string()),
    createdAt: z.string(),
    lastAttemptAt: z.nullable(z.string()),
    deliveredAt: z.nullable(z.string()),
  }),
);

export const pingView = z.lazily(() =>
  z.strictObject({
    delivered: z.boolean(),
    statusCode: z.nullable(z.int()),
    error: z.nullable(z.string()),
  }),
);
