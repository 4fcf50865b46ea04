/**
 * Seeds the rate store from the ECB snapshot bundled with the code
 * (shared/rates/data/eurofxref-hist.csv). Called by CloudFormation as a Lambda-backed custom
 * resource on every deploy that changes the snapshot (Create/Update seed, Delete leaves the data;
 * it answers CloudFormation itself), and with `{}` by the local cloud at start.
 *
 * Cheap to repeat: a marker records the last date of the snapshot seeded; when it matches, nothing
 * is written. Otherwise every day is written again (same values: a day's rates never change) and
 * the marker last, so a run that dies half-way is simply redone by the next one.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { isCustomResourceEvent, respond } from '../../shared/kit/aws/cloudformation-response';
import { documentClient } from '../../shared/kit/aws/document-client';
import { requireEnv } from '../../shared/kit/config';
import { logger, metrics } from '../../shared/kit/observability';
import snapshot from '../../shared/rates/data/eurofxref-hist.csv';
import { parseEcbCsv } from '../../shared/rates/ecb-csv';
import { createRateStore, type RateStore } from '../../shared/rates/store';

const rates = createRateStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

const PHYSICAL_RESOURCE_ID = 'ecb-rates';
/** Time kept back from the timeout to write the marker and answer CloudFormation. */
const ANSWER_MARGIN_MS = 20_000;

/** The fields of a CloudFormation custom-resource event this function reads; `{}` otherwise. */
type SeedEvent = { RequestType?: 'Create' | 'Update' | 'Delete' | string };
type SeedResult = { PhysicalResourceId: string; Data?: { days: number; lastDate: string } };

type SeedOutcome = { days: number; lastDate: string; written: boolean };

/** Writes the snapshot's days unless the marker says this snapshot is already there. */
async function seedSnapshot(store: RateStore, csv: string, deadline: number): Promise<SeedOutcome> {
  const days = parseEcbCsv(csv);
  if (days.length === 0) throw new Error('The rate snapshot is empty');
  // ISO dates sort as strings; the file happens to list the newest first, but need not.
  const lastDate = days
    .map((day) => day.date)
    .sort()
    .at(-1)!;
  const marker = await store.snapshotMarker();
  if (marker?.lastDate === lastDate && marker.days === days.length) {
    return { days: days.length, lastDate, written: false };
  }
  await store.writeDays(days, { deadline });
  await store.markSnapshot({ lastDate, days: days.length }, new Date().toISOString());
  return { days: days.length, lastDate, written: true };
}

export const handler = middy<SeedEvent, SeedResult>()
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(logMetrics(metrics))
  .handler(async (event, context) => {
    // Throttled writes are retried until shortly before the timeout, leaving time to answer
    // CloudFormation: a fresh table's throttling passes, and must not roll the deploy back.
    const deadline = Date.now() + context.getRemainingTimeInMillis() - ANSWER_MARGIN_MS;
    if (!isCustomResourceEvent(event)) return seed(event?.RequestType, deadline);
    try {
      const result = await seed(event.RequestType, deadline);
      await respond(event, { status: 'SUCCESS', physicalResourceId: result.PhysicalResourceId, data: result.Data });
      return result;
    } catch (error) {
      logger.error('Seeding the rate snapshot failed', error as Error);
      await respond(event, {
        status: 'FAILED',
        physicalResourceId: event.PhysicalResourceId ?? PHYSICAL_RESOURCE_ID,
        reason: 'Seeding the ECB rate snapshot failed; see the seed-rates function logs.',
      });
      throw error;
    }
  });

async function seed(requestType: string | undefined, deadline: number): Promise<SeedResult> {
  // Removing the stack removes the table with it; nothing to undo here.
  if (requestType === 'Delete') return { PhysicalResourceId: PHYSICAL_RESOURCE_ID };
  const outcome = await seedSnapshot(rates, snapshot, deadline);
  logger.info('Rate snapshot seeded', { requestType: requestType ?? 'direct', ...outcome });
  if (outcome.written) metrics.addMetric('RateDaysSeeded', MetricUnit.Count, outcome.days);
  return { PhysicalResourceId: PHYSICAL_RESOURCE_ID, Data: { days: outcome.days, lastDate: outcome.lastDate } };
}
