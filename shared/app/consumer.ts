/** Rule targets' wrapper bound to every event Moneta publishes (./events.ts). */
import type { Context } from 'aws-lambda';
import { type ConsumedEvent as KitConsumedEvent, eventConsumer as kitEventConsumer } from '../kit/events/consumer';
import { type EventName, eventSchemas } from './events';

export type ConsumedEvent<N extends EventName> = KitConsumedEvent<typeof eventSchemas, N>;

/**
 * A rule target's handler, built from the consumer's declaration: it accepts exactly the events
 * its rule routes, each parsed with its declared schema.
 */
export function eventConsumer<N extends EventName>(
  declaration: { function: string; events: readonly N[] },
  consume: (event: ConsumedEvent<N>, context: Context) => Promise<void>,
) {
  return kitEventConsumer(eventSchemas, declaration.events, consume, declaration.function);
}
