/**
 * The daily rates feed, run by an EventBridge Scheduler schedule on business days after the ECB's
 * 16:00 CET publication (lib/catalog/rates-feed.ts). Each run writes the days the table lacks
 * (shared/rates/feed.ts) and reports how many business days the newest stored day is behind:
 * the staleness alarm watches that figure. Then it re-prices the transactions that were converted
 * before their day's rate existed (shared/transactions/reprice.ts). That step runs every time,
 * whatever the download did, so a run that died half-way is finished by the next.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { documentClient } from '../../shared/kit/aws/document-client';
import { requireEnv } from '../../shared/kit/config';
import { withWriteContext } from '../../shared/kit/dynamodb/write-context';
import { logger, metrics } from '../../shared/kit/observability';
import { ecbDownloader, refreshRates } from '../../shared/rates/feed';
import { createRateStore } from '../../shared/rates/store';
import { createTransactionStore, repriceProvisional } from '../../shared/transactions/public';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const store = createRateStore({ db, tableName });
const transactions = createTransactionStore({ db, tableName });
const download = ecbDownloader(requireEnv('ECB_RATES_URL'));
const policy = {
  attempts: Number(requireEnv('FEED_ATTEMPTS')),
  retryDelayMs: Number(requireEnv('FEED_RETRY_DELAY_MS')),
  failuresToOpen: Number(requireEnv('FEED_FAILURES_TO_OPEN')),
  cooldownMs: Number(requireEnv('FEED_COOLDOWN_SECONDS')) * 1000,
};

/** The rates it stores and the transactions it re-prices are its own doing, for this run. */
export const handler = middy(async (_event: unknown, context: { awsRequestId: string }) =>
  withWriteContext({ actor: 'rates-fetcher', correlationId: context.awsRequestId }, () => fetchAndReprice()),
)
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(logMetrics(metrics));

async function fetchAndReprice() {
  const outcome = await refreshRates({
    store,
    download,
    policy,
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  const log = outcome.status === 'failed' ? logger.warn.bind(logger) : logger.info.bind(logger);
  log('Rates feed run', { ...outcome });
  // The staleness alarm reads this one on every run (a missing datapoint counts as stale); the
  // others are datapoints only when something happened, so an idle month bills one metric, not four.
  metrics.addMetric('NewestRateAgeBusinessDays', MetricUnit.Count, outcome.ageBusinessDays);
  if (outcome.written.length > 0) metrics.addMetric('RateDaysFetched', MetricUnit.Count, outcome.written.length);
  if (outcome.status === 'failed') metrics.addMetric('RateFeedFailures', MetricUnit.Count, 1);
  if (outcome.newestDay === undefined) return outcome;
  const repricing = await repriceProvisional(
    { db, tableName, transactions, rates: store, now: () => new Date().toISOString() },
    outcome.newestDay,
  );
  logger.info('Provisional conversions re-priced', { ...repricing });
  if (repricing.repriced > 0) metrics.addMetric('TransactionsRepriced', MetricUnit.Count, repricing.repriced);
  return { ...outcome, ...repricing };
}
