/**
 * POST /v1/webhooks: registers a target for some of the caller's events. The URL is checked
 * (https, a public address after resolving its host) and the signing secret made here (or the
 * user's own, `secret`), stored sealed under the deployment's webhook key
 * (shared/webhooks/secret-box.ts). A secret made here is shown in this response only; one the user
 * brought is never shown back.
 */
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag } from '../../../shared/kit/http/etag';
import { newEntityId } from '../../../shared/kit/http/fields';
import type { WebhookItem } from '../../../shared/webhooks/items';
import { webhooksCreate } from '../../../shared/webhooks/operations';
import { MAX_WEBHOOKS_PER_USER, TargetRefused, TooManyWebhooks } from '../../../shared/webhooks/schemas';
import { seal, webhookKeyRing } from '../../../shared/webhooks/secret-box';
import { newSigningSecret } from '../../../shared/webhooks/signing';
import { createWebhookStore } from '../../../shared/webhooks/store';
import { targetPolicyFromEnv, targetProblem } from '../../../shared/webhooks/targets';
import { toWebhookView } from '../../../shared/webhooks/views';

const webhooks = createWebhookStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });
const policy = targetPolicyFromEnv();

export const handler = userRoute(webhooksCreate, async ({ userId, body }) => {
  const problem = await targetProblem(body.url, policy);
  if (problem) throw new TargetRefused(problem);
  if ((await webhooks.count(userId)) >= MAX_WEBHOOKS_PER_USER) throw new TooManyWebhooks();
  const now = new Date();
  const webhookId = newEntityId(now.getTime());
  const secret = body.secret ?? newSigningSecret();
  const sealed = seal(await webhookKeyRing(), secret, { userId, webhookId });
  const webhook: WebhookItem = {
    type: 'WEBHOOK',
    webhookId,
    url: body.url,
    events: body.events,
    description: body.description ?? null,
    status: 'enabled',
    disabledReason: null,
    disabledAt: null,
    secrets: [{ sealed, createdAt: now.toISOString(), retiresAt: null }],
    consecutiveFailures: 0,
    failingSince: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  };
  await webhooks.create(userId, webhook);
  return {
    status: 201,
    body: { ...toWebhookView(webhook), secret: body.secret === undefined ? secret : null },
    headers: { etag: versionETag(webhook.version), location: `/v1/webhooks/${webhook.webhookId}` },
  };
});
