/** GET /v1/webhooks: the caller's webhooks in creation order, a page at a time (secrets never shown). */
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { continueAfter, pageBody } from '../../../shared/kit/http/cursor';
import { webhooksList } from '../../../shared/webhooks/operations';
import { createWebhookStore } from '../../../shared/webhooks/store';
import { toWebhookView } from '../../../shared/webhooks/views';

const webhooks = createWebhookStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(webhooksList, async ({ userId, query }) => {
  const { after } = continueAfter(userId, query.cursor);
  const page = await webhooks.page(userId, query.limit, after);
  return { status: 200, body: pageBody(userId, page, toWebhookView) };
});
