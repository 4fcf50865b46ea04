/**
 * Who hears what on the Moneta bus: one rule per consumer, derived from the consumer declarations
 * (shared/app/consumers.ts). The stack creates the rules
 * (with retries, max age and the events' dead-letter queue) and the local bus matches the same patterns.
 */
import { consumers } from '../../shared/app/consumers';
import { EVENT_SOURCE, type EventName } from '../../shared/app/events';
import type { FunctionId } from './functions';

export type RuleSpec = {
  id: string;
  target: FunctionId;
  detailTypes: readonly EventName[];
  description: string;
};

export const rules: readonly RuleSpec[] = consumers.map((consumer) => ({
  id: consumer.rule.id,
  target: consumer.function,
  detailTypes: consumer.events,
  description: consumer.rule.description,
}));

/** The EventBridge event pattern of a rule; the local bus evaluates exactly this object. */
export function eventPattern(rule: RuleSpec) {
  return { source: [EVENT_SOURCE], 'detail-type': [...rule.detailTypes] };
}

/**
 * EventBridge's retries of a *delivery* to a rule target (Lambda throttling or unavailable), then
 * the target's dead-letter queue. Once Lambda has accepted the event, a function error is Lambda's
 * to retry, not EventBridge's: see ./consumer-retries.ts.
 */
export const targetDelivery = {
  retryAttempts: 8,
  maxEventAgeSeconds: 60 * 60 * 6,
} as const;
