/** GET /v1/notifications: the caller's notification log (what was emailed, suppressed or failed), newest first. */

import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { decodeCursor, pageBody } from '../../../shared/kit/http/cursor';
import { notificationsList } from '../../../shared/notifications/operations';
import { createNotificationStore } from '../../../shared/notifications/store';
import { toNotificationView } from '../../../shared/notifications/views';

const notifications = createNotificationStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(notificationsList, async ({ userId, query }) => {
  const page = await notifications.list(userId, {
    limit: query.limit,
    ...(query.cursor ? { before: decodeCursor(userId, query.cursor) } : {}),
  });
  return {
    status: 200,
    body: pageBody(userId, page, toNotificationView),
  };
});
