/**
 * The daily rates feed, run by an EventBridge Scheduler schedule on business days after the ECB's
 * 16:00 CET publication (lib/catalog/schedules.ts). Each run writes the days the table lacks
 * (shared/rates/feed.ts) and reports how many business days the newest stored day is behind:
 * the staleness alarm watches that figure.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { documentClient } from '../../shared/kit/aws/clients';
import { requireEnv } from '../../shared/kit/config';
import { logger, metrics } from '../../shared/kit/observability';
import { ecbDownloader, refreshRates } from '../../shared/rates/feed';
import { createRateStore } from '../../shared/rates/store';

const store = createRateStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });
const download = ecbDownloader(requireEnv('ECB_RATES_URL'));
const policy = {
  attempts: Number(requireEnv('FEED_ATTEMPTS')),
  retryDelayMs: Number(requireEnv('FEED_RETRY_DELAY_MS')),
  failuresToOpen: Number(requireEnv('FEED_FAILURES_TO_OPEN')),
  cooldownMs: Number(requireEnv('FEED_COOLDOWN_SECONDS')) * 1000,
};

export const handler = middy(async () => {
  const outcome = await refreshRates({
    store,
    download,
    policy,
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  const log = outcome.status === 'failed' ? logger.warn.bind(logger) : logger.info.bind(logger);
  log('Rates feed run', { ...outcome });
  metrics.addMetric('NewestRateAgeBusinessDays', MetricUnit.Count, outcome.ageBusinessDays);
  metrics.addMetric('RateDaysFetched', MetricUnit.Count, outcome.written.length);
  metrics.addMetric('RateFeedFailures', MetricUnit.Count, outcome.status === 'failed' ? 1 : 0);
  return outcome;
})
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(logMetrics(metrics));
