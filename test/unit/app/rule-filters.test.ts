/**
 * Which consumers a transaction event wakes, by the rules' own patterns (the ones the stack
 * installs and the local bus evaluates): a consumer is invoked only for events it acts on.
 */
import { eventPattern, rules } from '../../../lib/catalog/rules';
import { matchesPattern } from '../../../lib/local/event-pattern';
import type { TransactionItem } from '../../../shared/transactions/items';
import { transactionFixture } from '../transactions/support/ledger-fixtures';

const GOAL_TAG = 'goal:01kd8y1t5m3q9z0a2b4c6d8e0f';

function hearers(detailType: string, detail: Record<string, unknown>): string[] {
  const event = { source: 'moneta', 'detail-type': detailType, detail: { userId: 'user-1', ...detail } };
  return rules
    .filter((rule) => matchesPattern(eventPattern(rule), event))
    .map((rule) => rule.target)
    .sort();
}

const created = (overrides: Partial<TransactionItem>) =>
  hearers('TransactionCreated', { data: transactionFixture(overrides) });

describe('transaction events reach only the consumers that act on them', () => {
  // The change feed hears every change of an entity it covers (docs/changes.md).
  // The webhook dispatcher hears every change a user may subscribe to: whether the user has a
  // webhook for it is known only by reading their webhooks.
  test('an ordinary expense: the budgets, the insights, the audit trail, the change feed and webhooks, no goal tracker, no notifier', () => {
    expect(created({ large: false })).toEqual([
      'audit-logger',
      'budget-evaluator',
      'change-feed-writer',
      'insights-aggregator',
      'webhook-dispatcher',
    ]);
  });

  test('an income counts for budgets too (a refund lowers spending)', () => {
    expect(created({ kind: 'income', large: false })).toEqual([
      'audit-logger',
      'budget-evaluator',
      'change-feed-writer',
      'insights-aggregator',
      'webhook-dispatcher',
    ]);
  });

  test('a large expense also reaches the notifier', () => {
    expect(created({ large: true })).toEqual([
      'audit-logger',
      'budget-evaluator',
      'change-feed-writer',
      'insights-aggregator',
      'notifier',
      'webhook-dispatcher',
    ]);
  });

  test('a transfer leg counts for no budget (insights count its volume and account flow)', () => {
    expect(created({ kind: 'transfer', transferId: 'T1', categoryId: null })).toEqual([
      'audit-logger',
      'change-feed-writer',
      'insights-aggregator',
      'webhook-dispatcher',
    ]);
  });

  test('a goal-tagged entry reaches the goal tracker, whichever of its versions carries the tag', () => {
    expect(created({ tags: ['weekly', GOAL_TAG] })).toContain('goal-tracker');
    const untagged = transactionFixture({ tags: [] });
    const tagged = transactionFixture({ tags: [GOAL_TAG], version: 2 });
    expect(hearers('TransactionUpdated', { data: tagged, previous: untagged })).toContain('goal-tracker');
    // Removing the tag must reach it too: the goal gives the amount back.
    expect(hearers('TransactionUpdated', { data: untagged, previous: tagged })).toContain('goal-tracker');
    expect(hearers('TransactionUpdated', { data: untagged, previous: untagged })).not.toContain('goal-tracker');
    expect(hearers('TransactionDeleted', { previous: tagged })).toContain('goal-tracker');
    expect(hearers('TransactionDeleted', { previous: untagged })).not.toContain('goal-tracker');
  });

  test('a deleted expense reaches the budgets, a deleted transfer leg does not', () => {
    expect(hearers('TransactionDeleted', { previous: transactionFixture() })).toContain('budget-evaluator');
    const leg = transactionFixture({ kind: 'transfer', transferId: 'T1' });
    // A transfer leg can carry receipts: its deletion still reaches the attachment cleaner.
    expect(hearers('TransactionDeleted', { previous: leg })).toEqual([
      'attachment-cleaner',
      'audit-logger',
      'change-feed-writer',
      'insights-aggregator',
      'webhook-dispatcher',
    ]);
  });

  test('events without a filter arrive whole', () => {
    expect(hearers('BudgetCreated', { data: {} })).toEqual([
      'audit-logger',
      'budget-evaluator',
      'change-feed-writer',
      'webhook-dispatcher',
    ]);
    expect(hearers('AccountUpdated', { data: {} })).toEqual([
      'audit-logger',
      'change-feed-writer',
      'goal-tracker',
      'webhook-dispatcher',
    ]);
    expect(hearers('UserSignedUp', { data: {} })).toEqual(['audit-logger', 'change-feed-writer', 'notifier']);
  });
});
