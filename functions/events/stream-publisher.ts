/**
 * The transactional outbox (docs/architecture.md): turns the table's stream records into events on the
 * Moneta bus. This is the only place events are born. Records are processed in parallel and share
 * PutEvents calls; each record succeeds or fails on its own entry's outcome.
 *
 * An entry EventBridge refuses (or a call that fails) is parked, whole, in the retry queue, where
 * the consumer retrier puts it on the bus again with backoff for over a day, then dead-letters it
 * for `npm run redrive -- stream-publisher`. Parking rather than failing the record: the stream
 * keeps records for 24 hours and the mapping's failure destination gets only a record's position,
 * so an outage longer than that would lose events. Only when parking fails too does the record
 * fail, for the mapping to retry (and bisect and dead-letter a poison record, as for a record
 * whose detail does not match its schema).
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { EVENT_SOURCE, eventSchemas } from '../../shared/app/events';
import { approximateCreationTime, derivedEvents, fromStreamRecord } from '../../shared/app/from-stream';
import { eventBridgeClient, sqsClient } from '../../shared/kit/aws/clients';
import { requireEnv } from '../../shared/kit/config';
import { PublishFailed, PutEventsBatcher } from '../../shared/kit/events/put-events-batcher';
import { parkedPublication } from '../../shared/kit/events/retries';
import { logger, metrics } from '../../shared/kit/observability';

const eventBusName = requireEnv('EVENT_BUS_NAME');
const retryQueueUrl = requireEnv('RETRY_QUEUE_URL');
const processor = new BatchProcessor(EventType.DynamoDBStreams);

/** A domain item whose event does not match its schema: a bug upstream, retried then dead-lettered. */
class InvalidEventDetail extends Error {
  constructor(detailType: string) {
    super(`The ${detailType} detail does not match its schema`);
    this.name = 'InvalidEventDetail';
  }
}

type Tally = { published: number; failed: number; parked: number };

async function publishRecord(record: DynamoDBRecord, batcher: PutEventsBatcher, tally: Tally): Promise<void> {
  const mapped = fromStreamRecord(record);
  if (!mapped) return; // Not a domain fact: succeed without publishing.
  // The item's own event, and the facts derived from the same change (CurrencyConverted).
  await Promise.all([mapped, ...derivedEvents(mapped)].map((event) => publishEvent(record, event, batcher, tally)));
}

async function publishEvent(
  record: DynamoDBRecord,
  { detailType, detail }: NonNullable<ReturnType<typeof fromStreamRecord>>,
  batcher: PutEventsBatcher,
  tally: Tally,
): Promise<void> {
  const sourceEventId = record.eventID;

  // Only the ids are logged: the record itself holds email addresses and amounts.
  const parsed = eventSchemas[detailType]().safeParse(detail);
  if (!parsed.success) {
    tally.failed++;
    logger.error('Domain record does not match its event schema', { sourceEventId, detailType });
    throw new InvalidEventDetail(detailType);
  }

  const entry = {
    Source: EVENT_SOURCE,
    DetailType: detailType,
    Detail: JSON.stringify(parsed.data),
    EventBusName: eventBusName,
    Time: approximateCreationTime(record),
  };
  try {
    await batcher.publish(entry);
    tally.published++;
  } catch (error) {
    tally.failed++;
    const errorCode = error instanceof PublishFailed ? error.errorCode : 'Unknown';
    logger.warn('Event not published: parking it for the retrier', { sourceEventId, detailType, errorCode });
    const parked = parkedPublication([{ ...entry, Time: entry.Time?.toISOString() }], Date.now());
    // If this fails too, the record fails and the event-source mapping retries it.
    await sqsClient().send(new SendMessageCommand({ QueueUrl: retryQueueUrl, MessageBody: JSON.stringify(parked) }));
    tally.parked++;
  }
}

export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(logMetrics(metrics))
  .handler(async (event, context) => {
    const batcher = new PutEventsBatcher(eventBridgeClient());
    const tally: Tally = { published: 0, failed: 0, parked: 0 };
    try {
      return await processPartialResponse(
        event,
        (record: DynamoDBRecord) => publishRecord(record, batcher, tally),
        processor,
        {
          context,
        },
      );
    } finally {
      metrics.addMetric('EventsPublished', MetricUnit.Count, tally.published);
      // Problems only when there are some (each is logged as a warning or error too): a count's
      // missing datapoint sums as 0.
      if (tally.failed > 0) metrics.addMetric('PublishFailures', MetricUnit.Count, tally.failed);
      if (tally.parked > 0) metrics.addMetric('EventsParked', MetricUnit.Count, tally.parked);
    }
  });
