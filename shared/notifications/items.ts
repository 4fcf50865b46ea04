/** The notification feature's entities: one log item per reported fact, and the hourly email counter. */
import { entity, userPk } from '../kit/dynamodb/keys';

/** A notification's claim and log item, keyed by the fact it reports so it is sent once. */
export const NotificationEntity = entity('NOTIFICATION', 'NOTIFY', (factId: string) => factId);
/** Emails sent to a user in one UTC hour (`2026-04-13T09`), for the hourly cap. */
export const NotificationCapEntity = entity('NOTIFICATION_CAP', 'NOTIFYCAP', (hour: string) => hour);

/**
 * The notification log on gsi1, newest first per user. ISO timestamps contain no `#`, and the fact
 * id is unique per user, so the sort value is too.
 */
export const notificationIndex = {
  pk: (userId: string) => `${userPk(userId)}#NOTIFY`,
  sk: (createdAt: string, factId: string) => `${createdAt}#${factId}`,
} as const;
