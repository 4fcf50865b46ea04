/**
 * The one wrapper for EventBridge rule targets: Powertools logger and metrics via middy,
 * and the event's `detail` parsed with the schema its feature declares for its detail-type. An event that is not
 * a Moneta event, or not one this consumer handles, or whose detail does not parse, throws: the
 * target's retry policy and dead-letter queue then keep it for inspection instead of dropping it.
 *
 * Delivery is at least once and unordered (docs/architecture.md): every consumer must be idempotent.
 */

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import type { Grants } from '../aws/grants';
import { withWriteContext } from '../dynamodb/write-context';
import { logger, metrics } from '../observability';
import * as z from '../schema';
import { type DetailOf, EVENT_SOURCE, type EventSchemas } from './domain-events';

/**
 * One declaration per event consumer: its Lambda (entry, grants, limits), the events it hears and
 * its rule. The function catalog and the rules (lib/catalog) are derived from these declarations
 * (shared/app/consumers.ts lists them), and the handler is built from its own declaration, so the
 * events a rule routes and the events a handler accepts are one list.
 */
export type ConsumerDeclaration = {
  /** The Lambda's stable id (kebab-case). */
  function: string;
  /** Entry file relative to the repository root; it exports `handler`, built from this declaration. */
  entry: string;
  functionDescription: string;
  /** Detail types the consumer's rule routes to it. */
  events: readonly string[];
  /**
   * Content filters for some of `events`: an event of a type named here reaches the consumer only
   * when its `detail` matches one of the patterns (EventBridge content filtering, evaluated by the
   * rule, so a consumer is never invoked just to find it has nothing to do). Types not named here
   * arrive whole.
   */
  only?: { readonly [detailType: string]: readonly DetailPattern[] };
  rule: { id: string; description: string };
  grants?: Grants;
  timeoutSeconds?: number;
  memoryMb?: number;
};

/** An EventBridge content pattern over an event's `detail` (docs: "Content filtering in event patterns"). */
export type DetailPattern = { readonly [field: string]: unknown };

/** Declares a consumer, keeping its literal types (the events above all). */
export const defineConsumer = <const D extends ConsumerDeclaration>(declaration: D): D => declaration;

/** What a consumer receives: one of its detail types with the detail already parsed. */
export type ConsumedEvent<S extends EventSchemas, N extends keyof S & string> = {
  [K in N]: { id: string; detailType: K; time: string; detail: DetailOf<S, K> };
}[N];

/** Thrown for events the consumer must not act on. Carries field paths, never field values. */
class InvalidEvent extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidEvent';
  }
}

function parseConsumedEvent<S extends EventSchemas, N extends keyof S & string>(
  schemas: S,
  accepts: readonly N[],
  event: EventBridgeEvent<string, unknown>,
): ConsumedEvent<S, N> {
  const detailType = event['detail-type'];
  if (event.source !== EVENT_SOURCE) throw new InvalidEvent('The event does not come from Moneta');
  if (!(accepts as readonly string[]).includes(detailType)) {
    throw new InvalidEvent(`This consumer does not handle ${detailType}`);
  }
  const result = z.safeParse((schemas[detailType as N] as S[N])(), event.detail);
  if (!result.success) {
    // Zod issues can quote the input; name only the fields at fault.
    const fields = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || '(root)'))];
    throw new InvalidEvent(`The ${detailType} detail is invalid at: ${fields.join(', ')}`);
  }
  return { id: event.id, detailType, time: event.time, detail: result.data } as ConsumedEvent<S, N>;
}

/**
 * The request a chain of effects started from: the correlation id the changed item carries (the
 * user's request, or the process's run), so a consumer's writes keep it; an event from an item
 * written outside any context falls back to its own source event id.
 */
function chainCorrelationId(detail: { sourceEventId: string; correlationId?: string }): string {
  return detail.correlationId ?? detail.sourceEventId;
}

/**
 * Builds a rule target's handler. `accepts` must match the detail types of the function's rule in
 * the consumer's rule (lib/catalog/rules.ts; each consumer's tests check that). `writer` is the
 * consumer's function name: every write it makes is stamped as its own (../dynamodb/write-context.ts).
 */
export function eventConsumer<S extends EventSchemas, N extends keyof S & string>(
  schemas: S,
  accepts: readonly N[],
  consume: (event: ConsumedEvent<S, N>, context: Context) => Promise<void>,
  writer: string,
) {
  return middy<EventBridgeEvent<string, unknown>, void>()
    .use(injectLambdaContext(logger, { clearState: true }))
    .use(logMetrics(metrics))
    .handler(async (event, context) => {
      let parsed: ConsumedEvent<S, N>;
      try {
        parsed = parseConsumedEvent(schemas, accepts, event);
      } catch (error) {
        logger.error('Refusing event', { detailType: event['detail-type'], reason: (error as Error).message });
        throw error;
      }
      // Ids only: they let a log line be traced to its stream record without personal data.
      logger.appendKeys({
        detailType: parsed.detailType,
        sourceEventId: (parsed.detail as { sourceEventId: string }).sourceEventId,
      });
      const detail = parsed.detail as { sourceEventId: string; correlationId?: string };
      await withWriteContext({ actor: writer, correlationId: chainCorrelationId(detail) }, () =>
        consume(parsed, context),
      );
    });
}
