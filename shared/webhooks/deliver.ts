/**
 * Delivering one event to every webhook of its user that subscribes to it, at least once, with
 * one `webhook-id` per (webhook, event) however often it is attempted.
 *
 * The delivery item is written first (once: a duplicate of the event finds it), then attempted;
 * a delivered or failed delivery is never attempted again by the dispatcher. When an attempt fails
 * the consumer throws, and the consumer retry machinery runs it again with backoff (Lambda's two
 * retries, then the retrier: 5 minutes doubling to an hour, for 26 hours, then the dead-letter
 * queue; docs/architecture.md). After DELIVERY_WINDOW_MS of failures a delivery is marked failed
 * and the event is let go. A webhook failing for DISABLE_AFTER_MS, or MAX_CONSECUTIVE_FAILURES
 * attempts in a row, is disabled.
 */
import { createHash } from 'node:crypto';
import { encodeTime } from 'ulid';
import { type PayloadSource, payloadOf, type WebhookEvent } from './catalogue';
import type { WebhookDeliveryItem, WebhookItem } from './items';
import type { Send } from './send';
import { activeSecrets, signatureHeaders } from './signing';
import { DELIVERY_RETENTION_DAYS, type WebhookStore } from './store';

/** A delivery is retried for about a day (the retrier's window is 26 h, so this ends first). */
export const DELIVERY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** A webhook failing this long (while events keep coming) is disabled. */
export const DISABLE_AFTER_MS = 2 * DELIVERY_WINDOW_MS;
/** …or failing this many attempts in a row. */
export const MAX_CONSECUTIVE_FAILURES = 50;

/**
 * The delivery's id and `webhook-id`: the event's time (so the log sorts by it) and a hash of the
 * webhook and the event's stream record id, which every redelivery of the event carries.
 */
export function deliveryIdFor(webhookId: string, sourceEventId: string, occurredAt: string): string {
  const hash = createHash('sha256').update(`${webhookId}\n${sourceEventId}`).digest('hex').slice(0, 16);
  return `msg_${encodeTime(Date.parse(occurredAt), 10)}${hash}`;
}

export function shouldDisable(webhook: Pick<WebhookItem, 'consecutiveFailures' | 'failingSince'>, now: Date): boolean {
  if (webhook.consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) return true;
  return !!webhook.failingSince && now.getTime() - Date.parse(webhook.failingSince) >= DISABLE_AFTER_MS;
}

export class DeliveriesFailed extends Error {
  constructor(count: number) {
    super(`${count} webhook deliveries failed; the event will be retried`);
    this.name = 'DeliveriesFailed';
  }
}

type Deps = {
  store: WebhookStore;
  send: Send;
  now?: () => Date;
  /** Called once, when a webhook is disabled for failing. */
  onDisabled?: (userId: string, webhook: WebhookItem) => Promise<void>;
};

/** One signed attempt of a delivery; records it and counts it on the webhook. */
export async function attempt(deps: Deps, userId: string, webhook: WebhookItem, delivery: WebhookDeliveryItem) {
  const now = (deps.now ?? (() => new Date()))();
  const headers = signatureHeaders(activeSecrets(webhook.secrets, now), delivery.deliveryId, now, delivery.payload);
  const result = await deps.send(webhook.url, { ...headers }, delivery.payload);
  const expired = now.getTime() - Date.parse(delivery.createdAt) >= DELIVERY_WINDOW_MS;
  const status = result.ok ? 'delivered' : expired ? 'failed' : 'pending';
  const recorded = await deps.store.recordAttempt(userId, delivery, result, status, now.toISOString());
  const counted = await deps.store.recordOutcome(userId, webhook.webhookId, result.ok, now.toISOString());
  if (!result.ok && counted && shouldDisable(counted, now)) {
    if (await deps.store.disableFailing(userId, counted, now.toISOString())) {
      await deps.onDisabled?.(userId, counted);
    }
  }
  return { result, status, delivery: recorded };
}

export type EventToDeliver = PayloadSource & { userId: string; sourceEventId: string };

/** Delivers one event; throws DeliveriesFailed when an attempt failed and should be retried. */
export async function dispatch(deps: Deps, event: EventToDeliver): Promise<{ attempted: number }> {
  const webhooks = (await deps.store.all(event.userId)).filter(
    (webhook) => webhook.status === 'enabled' && webhook.events.includes(event.detailType satisfies WebhookEvent),
  );
  if (webhooks.length === 0) return { attempted: 0 };
  const now = (deps.now ?? (() => new Date()))();
  const payload = payloadOf(event);
  const outcomes = await Promise.all(
    webhooks.map(async (webhook) => {
      const delivery = await deps.store.deliveryFor(event.userId, {
        type: 'WEBHOOK_DELIVERY',
        deliveryId: deliveryIdFor(webhook.webhookId, event.sourceEventId, event.occurredAt),
        webhookId: webhook.webhookId,
        eventType: event.detailType,
        payload,
        status: 'pending',
        attempts: 0,
        lastResponseCode: null,
        lastError: null,
        createdAt: now.toISOString(),
        lastAttemptAt: null,
        deliveredAt: null,
        expiresAt: Math.floor(now.getTime() / 1000) + DELIVERY_RETENTION_DAYS * 86_400,
      });
      if (delivery.status !== 'pending') return 'done';
      const { status } = await attempt(deps, event.userId, webhook, delivery);
      return status === 'pending' ? 'retry' : 'done';
    }),
  );
  const failed = outcomes.filter((outcome) => outcome === 'retry').length;
  if (failed > 0) throw new DeliveriesFailed(failed);
  return { attempted: webhooks.length };
}
