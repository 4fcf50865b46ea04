/**
 * Categorisation rules, their order, their apply jobs and what the suggestions count.
 *
 * A rule is `RULE#<ruleId>`; the user's order is one item, `RULE#!order` (its ids, first wins).
 * `!` sorts before every id character, and ids never hold it, so one Query of `RULE#` reads the
 * order and every rule: the engine's one read per transaction created.
 */
import { byId, entity } from '../kit/dynamodb/keys';
import * as z from '../kit/schema';

export const RuleEntity = entity('RULE', 'RULE', byId);
export const RuleOrderEntity = entity('RULE_ORDER', 'RULE', () => '!order');
/** An apply job: `RULEJOB#<jobId>`; its own changes drive its chunks (RuleApplyRequested/Updated). */
export const RuleJobEntity = entity('RULE_JOB', 'RULEJOB', byId);
/**
 * One transaction an apply job changed: `RULEJOBCHANGE#<jobId>#<date>#<transactionId>`, written in
 * the change's own transaction. Keyed like the date index, so a chunk's changes are one key range:
 * the job counts them there, exactly, whichever delivery of the chunk made them. Expires after 30 days.
 */
export const RuleJobChangeEntity = entity(
  'RULE_JOB_CHANGE',
  'RULEJOBCHANGE',
  (jobId: string, dateAndId: string) => `${jobId}#${dateAndId}`,
);
/**
 * Which category one transaction of a payee was last re-categorised to (applied state, versioned),
 * so the count below moves exactly once per transaction and version.
 */
export const RecategorisedEntity = entity(
  'RULE_RECAT',
  'RULERECAT',
  (payeeKey: string, transactionId: string) => `${payeeKey}#${transactionId}`,
);
/** How many transactions of a payee were re-categorised to a category (the suggestions read these). */
/**
 * A suggestion the user turned down: `RULENOSUGGEST#<payee>#<category>`. That payee is not proposed
 * for that category again (another category, once consistent, still is).
 */
export const SuggestionDismissalEntity = entity(
  'RULE_SUGGESTION_DISMISSAL',
  'RULENOSUGGEST',
  (payeeKey: string, categoryId: string) => `${payeeKey}#${categoryId}`,
);
export const RecategorisedCountEntity = entity(
  'RULE_RECAT_COUNT',
  'RULERECATCOUNT',
  (payeeKey: string, categoryId: string) => `${payeeKey}#${categoryId}`,
);

export const textFields = ['payee', 'note'] as const;
export const textOps = ['equals', 'contains', 'regex'] as const;

export const ruleCondition = z.lazily(() =>
  z.discriminatedUnion('field', [
    z.object({ field: z.literal('payee'), op: z.enum(textOps), value: z.string() }),
    z.object({ field: z.literal('note'), op: z.enum(textOps), value: z.string() }),
    z.object({
      field: z.literal('amount'),
      op: z.literal('between'),
      min: z.nullable(z.int()),
      max: z.nullable(z.int()),
      currency: z.nullable(z.string()),
    }),
    z.object({ field: z.literal('account'), op: z.literal('in'), values: z.array(z.string()) }),
    z.object({ field: z.literal('direction'), op: z.literal('equals'), value: z.enum(['expense', 'income']) }),
    z.object({ field: z.literal('currency'), op: z.literal('in'), values: z.array(z.string()) }),
  ]),
);
export type RuleCondition = z.infer<ReturnType<typeof ruleCondition>>;

export const ruleActions = z.lazily(() =>
  z.object({
    categoryId: z.nullable(z.string()),
    payee: z.nullable(z.string()),
    addTags: z.array(z.string()),
    note: z.nullable(z.string()),
  }),
);
export type RuleActions = z.infer<ReturnType<typeof ruleActions>>;

export const ruleItem = z.lazily(() =>
  z.object({
    type: z.literal(RuleEntity.type),
    ruleId: z.string().check(z.minLength(1)),
    name: z.string(),
    enabled: z.boolean(),
    match: z.enum(['all', 'any']),
    conditions: z.array(ruleCondition()),
    actions: ruleActions(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.int().check(z.positive()),
  }),
);
export type RuleItem = z.infer<ReturnType<typeof ruleItem>>;

export const ruleOrderItem = z.lazily(() =>
  z.object({
    type: z.literal(RuleOrderEntity.type),
    ids: z.array(z.string()),
    version: z.int().check(z.positive()),
    updatedAt: z.string(),
  }),
);
export type RuleOrderItem = z.infer<ReturnType<typeof ruleOrderItem>>;

export const ruleJobStatuses = ['queued', 'running', 'done', 'failed'] as const;

export const ruleJobItem = z.lazily(() =>
  z.object({
    type: z.literal(RuleJobEntity.type),
    jobId: z.string().check(z.minLength(1)),
    ruleId: z.string(),
    /** Calendar days, both included; null: from the first / to the last transaction. */
    from: z.nullable(z.iso.date()),
    to: z.nullable(z.iso.date()),
    onlyUncategorised: z.boolean(),
    status: z.enum(ruleJobStatuses),
    /** The chunk the next event asks for; every step is a write conditioned on it (kit/dynamodb/job-step). */
    step: z.int().check(z.nonnegative()),
    /** Where reading continues (a JSON LastEvaluatedKey of the date index); null before the first chunk. */
    cursor: z.nullable(z.string()),
    total: z.int().check(z.nonnegative()),
    scanned: z.int().check(z.nonnegative()),
    changed: z.int().check(z.nonnegative()),
    /** Transactions the rule matched but could not change (a budget in enforce mode refused it, a transfer leg). */
    skipped: z.int().check(z.nonnegative()),
    /** Why a failed job failed (`rule-deleted`). */
    failure: z.nullable(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    completedAt: z.nullable(z.string()),
    version: z.int().check(z.positive()),
  }),
);
export type RuleJobItem = z.infer<ReturnType<typeof ruleJobItem>>;

export const recategorisedItem = z.lazily(() =>
  z.object({
    type: z.literal(RecategorisedEntity.type),
    payeeKey: z.string(),
    transactionId: z.string(),
    /** The transaction version this state reflects; an event applies only when newer. */
    version: z.int().check(z.nonnegative()),
    /** The category it counts for; null: none (re-categorised to none, or deleted). */
    categoryId: z.nullable(z.string()),
    deleted: z.boolean(),
    updatedAt: z.string(),
  }),
);
export type RecategorisedItem = z.infer<ReturnType<typeof recategorisedItem>>;

export const recategorisedCountItem = z.lazily(() =>
  z.object({
    type: z.literal(RecategorisedCountEntity.type),
    payeeKey: z.string(),
    /** The payee as last written on a transaction (for the suggestion). */
    payee: z.string(),
    categoryId: z.string(),
    count: z.int(),
  }),
);
export type RecategorisedCountItem = z.infer<ReturnType<typeof recategorisedCountItem>>;

export const suggestionDismissalItem = z.lazily(() =>
  z.object({
    type: z.literal(SuggestionDismissalEntity.type),
    payeeKey: z.string(),
    /** The payee as the user named it when dismissing. */
    payee: z.string(),
    categoryId: z.string(),
    dismissedAt: z.string(),
  }),
);
