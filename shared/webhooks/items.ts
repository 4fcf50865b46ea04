/**
 * Outbound webhooks: the endpoints a user registers, and one delivery per (webhook, event).
 * A webhook's own changes are events (./events.ts: without its secrets, and not when a delivery only
 * moves its failure count); a delivery is not, so a delivery cannot cause another event.
 */
import { entity } from '../kit/dynamodb/keys';
import * as z from '../kit/schema';

export const WebhookEntity = entity('WEBHOOK', 'WEBHOOK', (webhookId: string) => webhookId);
/** Under its webhook, ordered by the event's time (the delivery id starts with it). */
export const WebhookDeliveryEntity = entity(
  'WEBHOOK_DELIVERY',
  'WHDELIVERY',
  (webhookId: string, deliveryId: string) => `${webhookId}#${deliveryId}`,
);

/**
 * A signing secret (`whsec_…`), stored sealed (./secret-box.ts: AES-256-GCM under the deployment's
 * webhook key); a rotated-out one signs until `retiresAt`, next to its successor.
 */
export const signingSecret = z.lazily(() =>
  z.object({
    sealed: z.string(),
    createdAt: z.string(),
    retiresAt: z.nullable(z.string()),
  }),
);
export type SigningSecret = z.infer<ReturnType<typeof signingSecret>>;

export const webhookItem = z.lazily(() =>
  z.object({
    type: z.literal(WebhookEntity.type),
    webhookId: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    description: z.nullable(z.string()),
    status: z.enum(['enabled', 'disabled']),
    /** Why it was disabled (`failing`: by the dispatcher after repeated failure; `user`). */
    disabledReason: z.nullable(z.enum(['failing', 'user'])),
    disabledAt: z.nullable(z.string()),
    /** Newest first. */
    secrets: z.array(signingSecret()),
    /**
     * Deliveries in a row that failed for good (retried for their whole window) since the last
     * successful attempt, and when the first failed attempt of that run was (./deliver.ts).
     */
    consecutiveFailures: z.int().check(z.nonnegative()),
    failingSince: z.optional(z.nullable(z.string())),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.int().check(z.positive()),
  }),
);
export type WebhookItem = z.infer<ReturnType<typeof webhookItem>>;

export const deliveryStatuses = ['pending', 'delivered', 'failed'] as const;

export const webhookDeliveryItem = z.lazily(() =>
  z.object({
    type: z.literal(WebhookDeliveryEntity.type),
    /** Also the `webhook-id` header: the same for every attempt, so receivers de-duplicate on it. */
    deliveryId: z.string(),
    webhookId: z.string(),
    eventType: z.string(),
    /** The body exactly as signed. */
    payload: z.string(),
    status: z.enum(deliveryStatuses),
    attempts: z.int().check(z.nonnegative()),
    lastResponseCode: z.nullable(z.int()),
    /** A short reason when the last attempt got no HTTP answer (timeout, refused address). */
    lastError: z.nullable(z.string()),
    createdAt: z.string(),
    lastAttemptAt: z.nullable(z.string()),
    deliveredAt: z.nullable(z.string()),
    /** TTL (epoch seconds): the log keeps a delivery for 30 days. */
    expiresAt: z.int(),
  }),
);
export type WebhookDeliveryItem = z.infer<ReturnType<typeof webhookDeliveryItem>>;

/**
 * A webhook was disabled for failing: a fact, written once in the same transaction as the
 * disabling, and published as WebhookDisabled so the notifier emails the owner once.
 */
export const WebhookDisabledEntity = entity(
  'WEBHOOK_DISABLED',
  'WHDISABLED',
  (webhookId: string, disabledAt: string) => `${webhookId}#${disabledAt}`,
);

export const webhookDisabledItem = z.lazily(() =>
  z.object({
    type: z.literal(WebhookDisabledEntity.type),
    factId: z.string(),
    webhookId: z.string(),
    url: z.string(),
    description: z.nullable(z.string()),
    consecutiveFailures: z.int(),
    failingSince: z.nullable(z.string()),
    disabledAt: z.string(),
    createdAt: z.string(),
    version: z.int().check(z.positive()),
  }),
);
export type WebhookDisabledItem = z.infer<ReturnType<typeof webhookDisabledItem>>;
