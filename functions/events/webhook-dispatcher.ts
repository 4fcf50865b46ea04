/**
 * The webhook dispatcher (rule `deliver-webhooks`): delivers each of a user's subscribable events
 * to their webhooks, signed, once per `webhook-id` (shared/webhooks/deliver.ts). A failed attempt
 * throws, so the consumer retry machinery tries again with backoff for about a day.
 * Logs carry ids and counts only: never URLs, payloads or secrets.
 */
import { eventConsumer } from '../../shared/app/consumer';
import { documentClient } from '../../shared/kit/aws/document-client';
import { requireEnv } from '../../shared/kit/config';
import { UserGone } from '../../shared/kit/dynamodb/exactly-once';
import { logger } from '../../shared/kit/observability';
import { webhookDispatcher } from '../../shared/webhooks/consumers';
import { dispatch } from '../../shared/webhooks/deliver';
import { webhookKeyRing } from '../../shared/webhooks/secret-box';
import { createSender } from '../../shared/webhooks/send';
import { createWebhookStore } from '../../shared/webhooks/store';
import { targetPolicyFromEnv } from '../../shared/webhooks/targets';

/** The events its declaration (and so its rule) routes here. */
export const acceptedDetailTypes = webhookDispatcher.events;

const store = createWebhookStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });
const send = createSender(targetPolicyFromEnv());

export const handler = eventConsumer(webhookDispatcher, async (event) => {
  const { detail } = event;
  try {
    const { attempted } = await dispatch(
      {
        store,
        send,
        keyRing: await webhookKeyRing(),
        onDisabled: async (_userId, webhook) => {
          logger.warn('Disabled a failing webhook', { webhookId: webhook.webhookId });
        },
      },
      {
        userId: detail.userId,
        sourceEventId: detail.sourceEventId,
        detailType: event.detailType,
        id: detail.id,
        occurredAt: detail.occurredAt,
        data: 'data' in detail ? detail.data : undefined,
        previous: 'previous' in detail ? detail.previous : undefined,
      },
    );
    if (attempted > 0) logger.info('Delivered to webhooks', { attempted });
  } catch (error) {
    // An erased user's partition is never written again: nothing is owed to their webhooks.
    if (error instanceof UserGone) return;
    throw error;
  }
});
