/**
 * Sends the email a domain fact calls for, exactly once per fact, within the user's preferences
 * and hourly cap. Which facts and which emails is data (shared/notifications/facts.ts),
 * the algorithm is shared/notifications/deliver.ts; this file only wires them to the bus.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { createAccountStore } from '../../shared/accounts/store';
import { eventConsumer } from '../../shared/app/consumer';
import { bucketFiles } from '../../shared/exports/files';
import { createProfileStore } from '../../shared/identity/profile-store';
import { sesClient } from '../../shared/kit/aws/clients';
import { documentClient } from '../../shared/kit/aws/document-client';
import { requireEnv } from '../../shared/kit/config';
import { metrics } from '../../shared/kit/observability';
import { notifier } from '../../shared/notifications/consumers';
import { type DeliveryOutcome, deliverOnce } from '../../shared/notifications/deliver';
import { factOf } from '../../shared/notifications/facts';
import { createNotificationStore } from '../../shared/notifications/store';

const tableName = requireEnv('TABLE_NAME');
const db = documentClient();
const accounts = createAccountStore({ db, tableName });
const deps = {
  store: createNotificationStore({ db, tableName }),
  profile: createProfileStore({ db, tableName }).get,
  accountName: async (userId: string, accountId: string) => (await accounts.get(userId, accountId))?.name,
  ses: sesClient(),
  senderEmail: requireEnv('SENDER_EMAIL'),
  // Absent when the deployment has no configuration set (lib/constructs/notifications.ts): sends name none.
  configurationSet: process.env.SES_CONFIGURATION_SET || undefined,
  appName: requireEnv('APP_NAME'),
  apiUrl: requireEnv('API_URL'),
  file: (key: string) => bucketFiles().get(key),
};

/** The events its declaration (and so its rule) routes here. */
export const acceptedDetailTypes = notifier.events;

/** One metric per outcome, so a dashboard shows what the notifier did and an alarm can watch caps. */
const outcomeMetric: Record<DeliveryOutcome, string | undefined> = {
  sent: 'EmailsSent',
  duplicate: 'DuplicateNotifications',
  'not-applicable': undefined,
  'no-recipient': 'NotificationsForDeletedUsers',
  'suppressed-preference': 'NotificationsSwitchedOff',
  'suppressed-hourly-cap': 'NotificationsOverHourlyCap',
};

export const handler = eventConsumer(notifier, async ({ detailType, detail }) => {
  const fact = factOf(detailType, detail);
  if (!fact) return;
  try {
    const outcome = await deliverOnce(detail.userId, fact, deps);
    const metric = outcomeMetric[outcome];
    if (metric) metrics.addMetric(metric, MetricUnit.Count, 1);
  } catch (error) {
    metrics.addMetric('EmailFailures', MetricUnit.Count, 1);
    throw error;
  }
});
