/**
 * Who hears what on the Moneta bus: one rule per consumer, derived from the consumer declarations
 * (shared/app/consumers.ts). The stack creates the rules
 * (with retries, max age and the events' dead-letter queue) and the local bus matches the same patterns.
 */
import { consumers } from '../../shared/app/consumers';
import { EVENT_SOURCE, type EventName } from '../../shared/app/events';
import type { DetailPattern } from '../../shared/kit/events/consumer';
import type { FunctionId } from './functions';

export type RuleSpec = {
  id: string;
  target: FunctionId;
  detailTypes: readonly EventName[];
  /** Detail-type → alternative detail patterns; the types not named arrive whole. */
  only: { readonly [detailType: string]: readonly DetailPattern[] };
  description: string;
};

export const rules: readonly RuleSpec[] = consumers.map((consumer) => {
  const only: RuleSpec['only'] = 'only' in consumer ? consumer.only : {};
  const unknown = Object.keys(only).filter((type) => !(consumer.events as readonly string[]).includes(type));
  if (unknown.length > 0)
    throw new Error(`${consumer.function} filters events it does not hear: ${unknown.join(', ')}`);
  return {
    id: consumer.rule.id,
    target: consumer.function,
    detailTypes: consumer.events,
    only,
    description: consumer.rule.description,
  };
});

/**
 * The EventBridge event pattern of a rule; the stack installs and the local bus evaluates exactly
 * this object. Filtered types become `$or` alternatives, one per distinct detail pattern, so two
 * types sharing a filter share an alternative.
 */
export function eventPattern(rule: RuleSpec): Record<string, unknown> {
  const whole = rule.detailTypes.filter((type) => !Object.hasOwn(rule.only, type));
  const byPattern = new Map<string, { detail: DetailPattern; types: string[] }>();
  for (const [type, patterns] of Object.entries(rule.only)) {
    for (const detail of patterns) {
      const key = JSON.stringify(detail);
      const entry = byPattern.get(key) ?? { detail, types: [] };
      entry.types.push(type);
      byPattern.set(key, entry);
    }
  }
  const alternatives: Record<string, unknown>[] = [
    ...(whole.length > 0 ? [{ 'detail-type': whole }] : []),
    ...[...byPattern.values()].map(({ detail, types }) => ({ 'detail-type': types, detail })),
  ];
  if (alternatives.length === 1) return { source: [EVENT_SOURCE], ...alternatives[0] };
  return { source: [EVENT_SOURCE], $or: alternatives };
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
