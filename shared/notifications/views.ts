/**
 * `GET /v1/notifications`: the query it accepts and the shape of each entry of the log. The
 * schemas are exported for the operation declarations (./operations.ts) and the OpenAPI document.
 */
import { pageQuery } from '../kit/http/cursor';
import * as z from '../kit/schema';
import { notificationKinds } from './kinds';
import { type NotificationItem, notificationStatuses } from './store';

export const notificationListQuery = z.lazily(() => z.strictObject({ ...pageQuery() }));

export const notificationView = z.lazily(() =>
  z.strictObject({
    /** The fact's id: `welcome`, a budget alert id, a goal milestone id, `large-txn#<transactionId>`. */
    id: z.string(),
    kind: z.enum(notificationKinds),
    status: z.enum(notificationStatuses),
    attempts: z.int().check(z.nonnegative()),
    sesMessageId: z.nullable(z.string()),
    /** `preference` or `hourly-cap` when suppressed; the SES error name when the last send failed. */
    reason: z.nullable(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    sentAt: z.nullable(z.string()),
  }),
);
type NotificationView = z.infer<ReturnType<typeof notificationView>>;

export function toNotificationView(item: NotificationItem): NotificationView {
  return {
    id: item.factId,
    kind: item.kind as NotificationView['kind'],
    status: item.status,
    attempts: item.attempts,
    sesMessageId: item.sesMessageId ?? null,
    reason: item.reason ?? null,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    sentAt: item.sentAt ?? null,
  };
}
