/**
 * The consumer retrier. On a schedule, it sweeps the retry queue where Lambda parks the events a
 * consumer still failed on after its own two retries, and invokes the consumer again with backoff
 * until the retry window (over 24 hours) has passed; then the event goes to the dead-letter queue,
 * whose alarm tells the operator. Invoked with `{"redrive": "<consumer>|all"}` (by
 * `npm run redrive`, or from the Lambda console) it hands dead-lettered events back to their
 * consumer. It also puts back on the bus the events the stream publisher could not publish
 * (`{"redrive": "stream-publisher"}` for dead-lettered ones). See shared/kit/events/retries.ts for the policy, docs/architecture.md for why.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { eventBridgeClient, lambdaClient, sqsClient } from '../../shared/kit/aws/clients';
import { requireEnv } from '../../shared/kit/config';
import { createRetrier } from '../../shared/kit/events/retrier';
import { logger, metrics } from '../../shared/kit/observability';

const seconds = (name: string) => Number(requireEnv(name)) * 1000;

const retrier = createRetrier({
  sqs: sqsClient(),
  lambda: lambdaClient(),
  eventBridge: eventBridgeClient(),
  retryQueueUrl: requireEnv('RETRY_QUEUE_URL'),
  deadLetterQueueUrl: requireEnv('DEAD_LETTER_QUEUE_URL'),
  policy: {
    windowMs: seconds('RETRY_WINDOW_SECONDS'),
    firstDelayMs: seconds('RETRY_FIRST_DELAY_SECONDS'),
    maxDelayMs: seconds('RETRY_MAX_DELAY_SECONDS'),
  },
  log: (message, fields) => logger.info(message, fields),
});

/** Leaves time to finish the message in hand before the function's timeout. */
const MARGIN_MS = 15_000;

type RetrierEvent = { redrive?: unknown };

export const handler = middy(async (event: RetrierEvent, context: Context) => {
  const hasTime = () => context.getRemainingTimeInMillis() > MARGIN_MS;
  if (typeof event?.redrive === 'string' && event.redrive.trim() !== '') {
    const result = await retrier.redrive(event.redrive.trim(), hasTime);
    metrics.addMetric('EventsRedriven', MetricUnit.Count, result.redriven);
    return result;
  }
  const counts = await retrier.sweep(hasTime);
  // It runs every 5 minutes, so a metric it always emitted would be billed for every hour of the
  // month ($0.30 each) by a deployment with nothing to retry: only what happened is a datapoint.
  if (counts.invoked > 0) metrics.addMetric('EventsRetried', MetricUnit.Count, counts.invoked);
  if (counts.published > 0) metrics.addMetric('EventsRepublished', MetricUnit.Count, counts.published);
  if (counts.deadLettered > 0) metrics.addMetric('EventsDeadLettered', MetricUnit.Count, counts.deadLettered);
  return counts;
})
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
