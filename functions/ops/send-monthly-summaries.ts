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

const HOUR_MS = 3_600_000;

/**
 * Scheduler's scheduled time; an invocation without one (by hand) runs as of the current hour.
 * Anything else is refused: a wrong instant would summarize the wrong zones.
 */
function scheduledAt(event: unknown): Date {
  const given = (event as { scheduledTime?: unknown } | null)?.scheduledTime;
  if (given === undefined) return new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS);
  const instant = typeof given === 'string' ? new Date(given) : new Date(Number.NaN);
  if (Number.isNaN(instant.getTime())) throw new Error('scheduledTime is not an ISO 8601 instant');
  return instant;
}

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
