/**
 * What the rule routes return: a rule with its place in the order, an apply job's progress, a
 * suggestion. The zod schemas describe the same shapes for the OpenAPI contract.
 */
import * as z from '../kit/schema';
import type { RuleCondition, RuleItem, RuleJobItem } from './items';

function conditionView(condition: RuleCondition) {
  return condition;
}

export function toRuleView(rule: RuleItem, position: number) {
  return {
    id: rule.ruleId,
    name: rule.name,
    enabled: rule.enabled,
    position,
    match: rule.match,
    conditions: rule.conditions.map(conditionView),
    actions: rule.actions,
    createdAt: rule.createdAt,
    updatedAt: rule.updatedAt,
    version: rule.version,
  };
}

export function toJobView(job: RuleJobItem) {
  return {
    id: job.jobId,
    ruleId: job.ruleId,
    status: job.status,
    from: job.from,
    to: job.to,
    onlyUncategorised: job.onlyUncategorised,
    progress: { total: job.total, scanned: job.scanned, changed: job.changed, skipped: job.skipped },
    failure: job.failure,
    createdAt: job.createdAt,
    completedAt: job.completedAt,
  };
}

const conditionDoc = z.lazily(() =>
  z.object({
    field: z.enum(['payee', 'note', 'amount', 'account', 'direction', 'currency']),
    op: z.enum(['equals', 'contains', 'regex', 'between', 'in']),
    value: z.optional(z.string()),
    values: z.optional(z.array(z.string())),
    min: z.optional(z.nullable(z.int())),
    max: z.optional(z.nullable(z.int())),
    currency: z.optional(z.nullable(z.string())),
  }),
);

const actionsDoc = z.lazily(() =>
  z.strictObject({
    categoryId: z.nullable(z.string()),
    payee: z.nullable(z.string()),
    addTags: z.array(z.string()),
    note: z.nullable(z.string()),
  }),
);

export const ruleView = z.lazily(() =>
  z.strictObject({
    id: z.string(),
    name: z.string(),
    enabled: z.boolean(),
    position: z.int().check(z.describe('1-based place in the evaluation order')),
    match: z.enum(['all', 'any']),
    conditions: z.array(conditionDoc()),
    actions: actionsDoc(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.int(),
  }),
);

export const ruleListView = z.lazily(() => z.strictObject({ items: z.array(ruleView()) }));

export const jobView = z.lazily(() =>
  z.strictObject({
    id: z.string(),
    ruleId: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    from: z.nullable(z.string()),
    to: z.nullable(z.string()),
    onlyUncategorised: z.boolean(),
    progress: z.strictObject({
      total: z.int().check(z.describe('Transactions in the range when the job was queued')),
      scanned: z.int(),
      changed: z.int(),
      skipped: z
        .int()
        .check(z.describe('Matched but not changed: a transfer leg, or refused by a budget in enforce mode')),
    }),
    failure: z.nullable(z.string()),
    createdAt: z.string(),
    completedAt: z.nullable(z.string()),
  }),
);

export const suggestionView = z.lazily(() =>
  z.strictObject({
    payee: z.string(),
    categoryId: z.string(),
    count: z.int(),
    rule: z.object({}).check(z.describe('A body ready to POST to /v1/rules')),
  }),
);

export const suggestionsView = z.lazily(() => z.strictObject({ items: z.array(suggestionView()) }));

export const suggestionDismissalView = z.lazily(() =>
  z.strictObject({
    payee: z.string(),
    categoryId: z.string(),
    dismissedAt: z.string().check(z.describe('When it was first dismissed')),
  }),
);
