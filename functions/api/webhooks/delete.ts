/** DELETE /v1/webhooks/{id}: nothing more is delivered to it (its log expires with its TTL). */
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { NotFound } from '../../../shared/kit/http/problems';
import { webhooksDelete } from '../../../shared/webhooks/operations';
import { createWebhookStore } from '../../../shared/webhooks/store';

const webhooks = createWebhookStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(webhooksDelete, async ({ userId, path }) => {
  if ((await webhooks.delete(userId, path.id)) === 'not-found') throw new NotFound('webhook');
  return { status: 204 };
});
