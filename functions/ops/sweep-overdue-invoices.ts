/**
 * The overdue sweep, run hourly by an EventBridge Scheduler schedule (lib/catalog/overdue-sweep.ts)
 * whose input carries the run's scheduled time: every invoice in the due-date index that is overdue
 * in its owner's zone at that instant gets its reminder fact written once (shared/invoices/overdue.ts).
 * The notifier emails it.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { createProfileStore } from '../../shared/identity/public';
import { sweepOverdue } from '../../shared/invoices/overdue';
import { createReminderStore } from '../../shared/invoices/reminders';
import { documentClient } from '../../shared/kit/aws/document-client';
import { requireEnv } from '../../shared/kit/config';
import { scheduledAt } from '../../shared/kit/dates/scheduled-time';
import { withWriteContext } from '../../shared/kit/dynamodb/write-context';
import { logger, metrics } from '../../shared/kit/observability';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const profiles = createProfileStore({ db, tableName });
const reminders = createReminderStore({ db, tableName });

export const handler = middy(async (event: unknown, context: { awsRequestId: string }) =>
  withWriteContext({ actor: 'overdue-sweep', correlationId: context.awsRequestId }, async () => {
    const at = scheduledAt(event);
    const outcome = await sweepOverdue(
      {
        reminders,
        profile: profiles.get,
        now: () => new Date(),
        onFailure: (error) => logger.error('Overdue reminder failed for an invoice', { error }),
      },
      at,
    );
    logger.info('Overdue sweep run', { scheduledTime: at.toISOString(), ...outcome });
    if (outcome.reminded > 0) metrics.addMetric('InvoiceRemindersWritten', MetricUnit.Count, outcome.reminded);
    // Failing the run makes Lambda run it again for the same hour; the invoices reminded are out of the index.
    if (outcome.failed > 0) throw new Error(`${outcome.failed} overdue reminders failed`);
    return outcome;
  }),
)
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(logMetrics(metrics));
