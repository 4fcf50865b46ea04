/** The rules feature's event consumers (see ConsumerDeclaration in shared/kit/events/consumer.ts). */
import { defineConsumer } from '../kit/events/consumer';

export const ruleApplier = defineConsumer({
  function: 'rule-applier',
  entry: 'functions/events/rule-applier.ts',
  functionDescription: 'Applies a rule to existing transactions one chunk per event, driven by the job item',
  events: ['RuleApplyRequested', 'RuleApplyUpdated'],
  // A job's own writes drive it: only while it still has work.
  only: { RuleApplyUpdated: [{ data: { status: ['queued', 'running'] } }] },
  rule: { id: 'apply-rule', description: 'Each change of an unfinished rule apply job runs its next chunk' },
  grants: { table: 'readWrite' },
  // A chunk is 100 versioned updates (each one TransactWriteItems): a few seconds.
  timeoutSeconds: 60,
});

export const ruleSuggester = defineConsumer({
  function: 'rule-suggester',
  entry: 'functions/events/rule-suggester.ts',
  functionDescription: 'Counts re-categorisations per payee and category, exactly once, for rule suggestions',
  events: ['TransactionUpdated'],
  // Transfers have no category (an entry without a payee is passed over in the handler).
  only: { TransactionUpdated: [{ data: { kind: ['expense', 'income'] } }] },
  rule: { id: 'suggest-rules', description: 'Re-categorised transactions are counted per payee for rule suggestions' },
  grants: { table: 'readWrite' },
  timeoutSeconds: 30,
});

export const rulesConsumers = [ruleApplier, ruleSuggester] as const;
