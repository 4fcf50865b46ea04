/** GET /v1/webhooks/{id}: one of the caller's webhooks; its version is the ETag. */
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag } from '../../../shared/kit/http/etag';
import { NotFound } from '../../../shared/kit/http/problems';
import { webhooksGet } from '../../../shared/webhooks/operations';
import { createWebhookStore } from '../../../shared/webhooks/store';
import { toWebhookView } from '../../../shared/webhooks/views';

const webhooks = createWebhookStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(webhooksGet, async ({ userId, path }) => {
  // The key is built from the caller's sub: another user's webhook id simply does not exist here.
  const webhook = await webhooks.get(userId, path.id);
  if (!webhook) throw new NotFound('webhook');
  return { status: 200, body: toWebhookView(webhook), headers: { etag: versionETag(webhook.version) } };
});
