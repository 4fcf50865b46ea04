/** GET /v1/notifications: the caller's notification log (what was emailed, suppressed or failed), newest first. */
import { documentClient } from '../../../shared/kit/aws/clients';
import { requireEnv } from '../../../shared/kit/config';
import { authenticatedRoute } from '../../../shared/kit/http/api-handler';
import { decodeCursor, encodeCursor } from '../../../shared/kit/http/cursor';
import { createNotificationStore } from '../../../shared/notifications/store';
import { notificationListQuery, toNotificationView } from '../../../shared/notifications/views';

const notifications = createNotificationStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = authenticatedRoute({ query: notificationListQuery }, async ({ userId, query }) => {
  const page = await notifications.list(userId, {
    limit: query.limit,
    ...(query.cursor ? { before: decodeCursor(userId, query.cursor) } : {}),
  });
  return {
    status: 200,
    body: {
      items: page.items.map(toNotificationView),
      nextCursor: page.last ? encodeCursor(userId, page.last) : null,
    },
  };
});
