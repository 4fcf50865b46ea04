/**
 * The monthly summary, run hourly by an EventBridge Scheduler schedule (lib/catalog/monthly-summary.ts)
 * whose input carries the run's scheduled time: the users whose zone is at 08:00 of a 1st then get
 * their previous month's summary fact written once (shared/summaries/run.ts). The notifier emails it.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { createProfileStore } from '../../shared/identity/public';
import { documentClient } from '../../shared/kit/aws/document-client';
import { requireEnv } from '../../shared/kit/config';
import { scheduledAt } from '../../shared/kit/dates/scheduled-time';
import { withWriteContext } from '../../shared/kit/dynamodb/write-context';
import { logger, metrics } from '../../shared/kit/observability';
import { createSummarySources } from '../../shared/summaries/compose';
import { summarizeDueMonth } from '../../shared/summaries/run';
import { createSummaryStore } from '../../shared/summaries/store';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const profiles = createProfileStore({ db, tableName });
const sources = createSummarySources({ db, tableName });
const summaries = createSummaryStore({ db, tableName });

export const handler = middy(async (event: unknown, context: { awsRequestId: string }) =>
  withWriteContext({ actor: 'monthly-summary', correlationId: context.awsRequestId }, async () => {
    const at = scheduledAt(event);
    const outcome = await summarizeDueMonth(
      {
        profiles,
        sources,
        summaries,
        now: () => new Date(),
        onFailure: (error) => logger.error('Monthly summary failed for a user', { error }),
      },
      at,
    );
    logger.info('Monthly summary run', { scheduledTime: at.toISOString(), ...outcome, zones: outcome.zones.length });
    if (outcome.written > 0) metrics.addMetric('MonthlySummariesWritten', MetricUnit.Count, outcome.written);
    // Failing the run makes Scheduler (and Lambda) run it again for the same hour; the users done are skipped.
    if (outcome.failed > 0) throw new Error(`${outcome.failed} monthly summaries failed`);
    return outcome;
  }),
)
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(logMetrics(metrics));
