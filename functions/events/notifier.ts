/**
 * Sends the email a domain fact calls for, exactly once per fact (handbook §3). Which facts and
 * which emails is data (shared/notifications/facts.ts); this file only wires it to the bus.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { documentClient, sesClient } from '../../shared/aws/clients';
import { requireEnv } from '../../shared/config';
import { eventConsumer } from '../../shared/events/consumer';
import { deliverOnce } from '../../shared/notifications/deliver';
import { emailFor, notifiedEvents } from '../../shared/notifications/facts';
import { metrics } from '../../shared/observability';
import { NotificationStore } from '../../shared/store/notification-store';

const tableName = requireEnv('TABLE_NAME');
const senderEmail = requireEnv('SENDER_EMAIL');
const configurationSet = requireEnv('SES_CONFIGURATION_SET');
const appName = requireEnv('APP_NAME');

/** Rule `notify` in lib/catalog/rules.ts. */
export const acceptedDetailTypes = notifiedEvents;

export const handler = eventConsumer(acceptedDetailTypes, async ({ detailType, detail }) => {
  const email = emailFor(detailType, detail, { appName });
  if (!email) return;
  const deps = {
    store: new NotificationStore(documentClient(), tableName),
    ses: sesClient(),
    senderEmail,
    configurationSet,
  };
  try {
    const outcome = await deliverOnce(detail.userId, email, deps);
    if (outcome === 'sent') metrics.addMetric('EmailsSent', MetricUnit.Count, 1);
    else metrics.addMetric('DuplicateNotifications', MetricUnit.Count, 1);
  } catch (error) {
    metrics.addMetric('EmailFailures', MetricUnit.Count, 1);
    throw error;
  }
});
