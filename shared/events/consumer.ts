/**
 * The one wrapper for EventBridge rule targets: Powertools logger and metrics via middy,
 * and the event's `detail` parsed with the catalog schema of its detail-type. An event that is not
 * a Moneta event, or not one this consumer handles, or whose detail does not parse, throws: the
 * target's retry policy and dead-letter queue then keep it for inspection instead of dropping it.
 *
 * Delivery is at least once and unordered (docs/architecture.md): every consumer must be idempotent.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { logger, metrics } from '../observability';
import { EVENT_SOURCE, type EventDetail, type EventName, eventSchemas } from './catalog';

/** What a consumer receives: one of its detail types with the detail already parsed. */
export type ConsumedEvent<N extends EventName> = {
  [K in N]: { id: string; detailType: K; time: string; detail: EventDetail<K> };
}[N];

/** Thrown for events the consumer must not act on. Carries field paths, never field values. */
class InvalidEvent extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidEvent';
  }
}

function parseConsumedEvent<N extends EventName>(
  accepts: readonly N[],
  event: EventBridgeEvent<string, unknown>,
): ConsumedEvent<N> {
  const detailType = event['detail-type'];
  if (event.source !== EVENT_SOURCE) throw new InvalidEvent('The event does not come from Moneta');
  if (!(accepts as readonly string[]).includes(detailType)) {
    throw new InvalidEvent(`This consumer does not handle ${detailType}`);
  }
  const result = eventSchemas[detailType as N].safeParse(event.detail);
  if (!result.success) {
    // Zod issues can quote the input; name only the fields at fault.
    const fields = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || '(root)'))];
    throw new InvalidEvent(`The ${detailType} detail is invalid at: ${fields.join(', ')}`);
  }
  return { id: event.id, detailType, time: event.time, detail: result.data } as ConsumedEvent<N>;
}

/**
 * Builds a rule target's handler. `accepts` must match the detail types of the function's rule in
 * lib/catalog/rules.ts (each consumer's tests check that).
 */
export function eventConsumer<N extends EventName>(
  accepts: readonly N[],
  consume: (event: ConsumedEvent<N>, context: Context) => Promise<void>,
) {
  return middy<EventBridgeEvent<string, unknown>, void>()
    .use(injectLambdaContext(logger, { clearState: true }))
    .use(logMetrics(metrics))
    .handler(async (event, context) => {
      let parsed: ConsumedEvent<N>;
      try {
        parsed = parseConsumedEvent(accepts, event);
      } catch (error) {
        logger.error('Refusing event', { detailType: event['detail-type'], reason: (error as Error).message });
        throw error;
      }
      // Ids only: they let a log line be traced to its stream record without personal data.
      logger.appendKeys({ detailType: parsed.detailType, sourceEventId: parsed.detail.sourceEventId });
      await consume(parsed, context);
    });
}
