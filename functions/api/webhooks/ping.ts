/**
 * POST /v1/webhooks/{id}/ping: one signed `WebhookPing` now, through the same SSRF-safe sender as
 * deliveries; the answer says what the receiver replied. Not logged as a delivery, not retried.
 */
import { randomBytes } from 'node:crypto';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { NotFound } from '../../../shared/kit/http/problems';
import { pingPayload } from '../../../shared/webhooks/catalogue';
import { webhooksPing } from '../../../shared/webhooks/operations';
import { webhookKeyRing } from '../../../shared/webhooks/secret-box';
import { createSender } from '../../../shared/webhooks/send';
import { signatureHeaders, signingSecrets } from '../../../shared/webhooks/signing';
import { createWebhookStore } from '../../../shared/webhooks/store';
import { targetPolicyFromEnv } from '../../../shared/webhooks/targets';

const webhooks = createWebhookStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });
const send = createSender(targetPolicyFromEnv());

export const handler = userRoute(webhooksPing, async ({ userId, path }) => {
  const webhook = await webhooks.get(userId, path.id);
  if (!webhook) throw new NotFound('webhook');
  const now = new Date();
  const payload = pingPayload(now);
  const id = `msg_ping${randomBytes(12).toString('hex')}`;
  const result = await send(
    webhook.url,
    { ...signatureHeaders(signingSecrets(await webhookKeyRing(), userId, webhook, now), id, now, payload) },
    payload,
  );
  return {
    status: 200,
    body: { delivered: result.ok, statusCode: result.statusCode, error: result.ok ? null : result.error },
  };
});
