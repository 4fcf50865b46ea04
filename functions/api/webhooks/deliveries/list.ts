/** GET /v1/webhooks/{id}/deliveries: the webhook's delivery log, newest first, a page at a time. */
import { userRoute } from '../../../../shared/identity/public';
import { documentClient } from '../../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../../shared/kit/config';
import { continueAfter, pageBody } from '../../../../shared/kit/http/cursor';
import { NotFound } from '../../../../shared/kit/http/problems';
import { webhookDeliveriesList } from '../../../../shared/webhooks/operations';
import { createWebhookStore } from '../../../../shared/webhooks/store';
import { toDeliveryView } from '../../../../shared/webhooks/views';

const webhooks = createWebhookStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(webhookDeliveriesList, async ({ userId, path, query }) => {
  if (!(await webhooks.get(userId, path.id))) throw new NotFound('webhook');
  const { after } = continueAfter(userId, query.cursor);
  const page = await webhooks.deliveries(userId, path.id, query.limit, after);
  return { status: 200, body: pageBody(userId, page, toDeliveryView) };
});
