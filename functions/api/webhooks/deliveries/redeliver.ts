/**
 * POST /v1/webhooks/{id}/deliveries/{deliveryId}/redeliver: one attempt now with the stored body
 * and the same `webhook-id` (a receiver that got it before de-duplicates), a fresh timestamp and
 * signature by the webhook's current secrets. Allowed for any status, on an enabled or a paused
 * webhook alike; the answer is the delivery after the attempt.
 */
import { userRoute } from '../../../../shared/identity/public';
import { documentClient } from '../../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../../shared/kit/config';
import { NotFound } from '../../../../shared/kit/http/problems';
import { attempt } from '../../../../shared/webhooks/deliver';
import { webhookDeliveriesRedeliver } from '../../../../shared/webhooks/operations';
import { webhookKeyRing } from '../../../../shared/webhooks/secret-box';
import { createSender } from '../../../../shared/webhooks/send';
import { createWebhookStore } from '../../../../shared/webhooks/store';
import { targetPolicyFromEnv } from '../../../../shared/webhooks/targets';
import { toDeliveryView } from '../../../../shared/webhooks/views';

const store = createWebhookStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });
const send = createSender(targetPolicyFromEnv());

export const handler = userRoute(webhookDeliveriesRedeliver, async ({ userId, path }) => {
  const webhook = await store.get(userId, path.id);
  const delivery = webhook && (await store.getDelivery(userId, path.id, path.deliveryId));
  if (!webhook || !delivery) throw new NotFound('delivery');
  const outcome = await attempt({ store, send, keyRing: await webhookKeyRing() }, userId, webhook, delivery);
  if (!outcome.delivery) throw new NotFound('delivery');
  return { status: 200, body: toDeliveryView(outcome.delivery) };
});
