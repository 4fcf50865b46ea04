/**
 * Delivering one event to every webhook of its user that subscribes to it, at least once, with
 * one `webhook-id` per (webhook, event) however often it is attempted.
 *
 * The delivery item is written first (once: a duplicate of the event finds it), then attempted;
 * a delivered or failed delivery is never attempted again by the dispatcher. When an attempt fails
 * the consumer throws, and the consumer retry machinery runs it again with backoff (Lambda's two
 * retries, then the retrier: 5 minutes doubling to an hour, for 26 hours, then the dead-letter
 * queue; docs/architecture.md). After DELIVERY_WINDOW_MS of failures a delivery is marked failed
 * and the event is let go: that delivery has failed for good.
 *
 * Disabling counts deliveries, not attempts: a webhook is disabled once MAX_CONSECUTIVE_FAILURES
 * deliveries in a row have failed for good, or once a delivery fails for good after no attempt has
 * succeeded for DISABLE_AFTER_MS. Any successful attempt (a delivery, a retry, a redelivery) ends
 * the run. So one event retried for a day never disables a webhook by its attempts alone, and a
 * receiver that is down for less than the delivery window loses nothing.
 */
import { createHash } from 'node:crypto';
import { encodeTime } from 'ulid';
import { type PayloadSource, payloadOf, type WebhookEvent } from './catalogue';
import type { WebhookDeliveryItem, WebhookItem } from './items';
import type { KeyRing } from './secret-box';
import type { Send } from './send';
import { signatureHeaders, signingSecrets } from './signing';
import { DELIVERY_RETENTION_DAYS, type WebhookStore } from './store';

/** A delivery is retried for about a day (the retrier's window is 26 h, so this ends first). */
export const DELIVERY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** A webhook with no successful attempt for this long is disabled when a delivery fails for good. */
export const DISABLE_AFTER_MS = 2 * DELIVERY_WINDOW_MS;
/** …or when this many deliveries in a row have failed for good. */
export const MAX_CONSECUTIVE_FAILURES = 10;

/**
 * The delivery's id and `webhook-id`: the event's time (so the log sorts by it) and a hash of the
 * webhook and the event's stream record id, which every redelivery of the event carries.
 */
export function deliveryIdFor(webhookId: string, sourceEventId: string, occurredAt: string): string {
  const hash = createHash('sha256').update(`${webhookId}\n${sourceEventId}`).digest('hex').slice(0, 16);
  return `msg_${encodeTime(Date.parse(occurredAt), 10)}${hash}`;
}

/** Asked when a delivery has just failed for good (`consecutiveFailures` counts it already). */
export function shouldDisable(webhook: Pick<WebhookItem, 'consecutiveFailures' | 'failingSince'>, now: Date): boolean {
  if (webhook.consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) return true;
  return (
    webhook.consecutiveFailures > 0 &&
    !!webhook.failingSince &&
    now.getTime() - Date.parse(webhook.failingSince) >= DISABLE_AFTER_MS
  );
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
  /** Opens the webhooks' sealed signing secrets (./secret-box.ts). */
  keyRing: KeyRing;
  now?: () => Date;
  /** Called once, when a webhook is disabled for failing. */
  onDisabled?: (userId: string, webhook: WebhookItem) => Promise<void>;
};

/**
 * One signed attempt of a delivery; records it, and on the webhook: a success ends its run of
 * failures, a failure starts the run's clock, and a delivery failing for good (moving from pending
 * to failed, once) counts one more failed delivery.
 */
export async function attempt(deps: Deps, userId: string, webhook: WebhookItem, delivery: WebhookDeliveryItem) {
  const now = (deps.now ?? (() => new Date()))();
  const secrets = signingSecrets(deps.keyRing, userId, webhook, now);
  const headers = signatureHeaders(secrets, delivery.deliveryId, now, delivery.payload);
  const result = await deps.send(webhook.url, { ...headers }, delivery.payload);
  const expired = now.getTime() - Date.parse(delivery.createdAt) >= DELIVERY_WINDOW_MS;
  const status = result.ok ? 'delivered' : expired ? 'failed' : 'pending';
  const recorded = await deps.store.recordAttempt(userId, delivery, result, status, now.toISOString());
  const failedForGood = !!recorded && recorded.before === 'pending' && status === 'failed';
  const counted = await deps.store.recordOutcome(
    userId,
    webhook.webhookId,
    result.ok ? 'succeeded' : failedForGood ? 'delivery-failed' : 'attempt-failed',
    now.toISOString(),
  );
  if (failedForGood && counted && shouldDisable(counted, now)) {
    if (await deps.store.disableFailing(userId, counted, now.toISOString())) {
      await deps.onDisabled?.(userId, counted);
    }
  }
  return { result, status, delivery: recorded?.delivery };
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
