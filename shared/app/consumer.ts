/** Rule targets' wrapper bound to every event Moneta publishes (./events.ts). */
import type { Context } from 'aws-lambda';
import { type ConsumedEvent as KitConsumedEvent, eventConsumer as kitEventConsumer } from '../kit/events/consumer';
import { type EventName, eventSchemas } from './events';

export type ConsumedEvent<N extends EventName> = KitConsumedEvent<typeof eventSchemas, N>;

/** A rule target's handler for the events it accepts, each parsed with its declared schema. */
export function eventConsumer<N extends EventName>(
  accepts: readonly N[],
  consume: (event: ConsumedEvent<N>, context: Context) => Promise<void>,
) {
  return kitEventConsumer(eventSchemas, accepts, consume);
}
