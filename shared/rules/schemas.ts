/**
 * What the rule routes accept. Strict objects (an unknown field is a 400 naming it). A regex is
 * checked after parsing (./patterns.ts): a pattern the linear-time engine refuses is a 422 naming
 * the field, e.g. `conditions[0].value`.
 */
import { entityId, entityName } from '../kit/http/fields';
import { currencyCode, MAX_AMOUNT } from '../kit/money/money';
import * as z from '../kit/schema';
import { noteSchema, payeeSchema, tagsSchema, transactionDate } from '../transactions/public';
import { textOps } from './items';

/** The most rules a user keeps: each transaction created without a category is tested against all. */
export const MAX_RULES = 200;
export const MAX_CONDITIONS = 10;
/** Characters of a text condition (a regex included). */
export const MAX_PATTERN_LENGTH = 200;

const minorUnits = z.lazily(() =>
  z
    .number({ error: 'must be an integer number of minor units (e.g. 1234 for 12.34)' })
    .check(z.int('must be an integer number of minor units, not a decimal'), z.gte(0), z.lte(MAX_AMOUNT)),
);

const textValue = z.lazily(() =>
  z
    .string()
    .check(
      z.minLength(1, 'must not be empty'),
      z.maxLength(MAX_PATTERN_LENGTH, `must be at most ${MAX_PATTERN_LENGTH} characters`),
    ),
);

export const conditionSchema = z.lazily(() =>
  z.discriminatedUnion('field', [
    z.strictObject({ field: z.literal('payee'), op: z.enum(textOps), value: textValue() }),
    z.strictObject({ field: z.literal('note'), op: z.enum(textOps), value: textValue() }),
    z
      .strictObject({
        field: z.literal('amount'),
        op: z.literal('between'),
        /** Inclusive bounds, minor units of `currency` (or of the transaction's own currency when none is named). */
        min: z.optional(z.nullable(minorUnits())),
        max: z.optional(z.nullable(minorUnits())),
        currency: z.optional(z.nullable(currencyCode())),
      })
      .check(
        z.refine((c) => c.min != null || c.max != null, { path: ['min'], message: 'min or max must be given' }),
        z.refine((c) => c.min == null || c.max == null || c.min <= c.max, {
          path: ['max'],
          message: 'must not be less than min',
        }),
      ),
    z.strictObject({
      field: z.literal('account'),
      op: z.literal('in'),
      values: z.array(entityId()).check(z.minLength(1), z.maxLength(50)),
    }),
    z.strictObject({ field: z.literal('direction'), op: z.literal('equals'), value: z.enum(['expense', 'income']) }),
    z.strictObject({
      field: z.literal('currency'),
      op: z.literal('in'),
      values: z.array(currencyCode()).check(z.minLength(1), z.maxLength(50)),
    }),
  ]),
);
export type ConditionInput = z.infer<ReturnType<typeof conditionSchema>>;

export const actionsSchema = z.lazily(() =>
  z
    .strictObject({
      categoryId: z.optional(z.nullable(entityId())),
      /** Renames the payee (e.g. "AMZN MKTP DE*2K4" → "Amazon"). */
      payee: z.optional(z.nullable(payeeSchema())),
      addTags: z.optional(tagsSchema()),
      /** Set only when the transaction has no note of its own. */
      note: z.optional(z.nullable(noteSchema())),
    })
    .check(
      z.refine((a) => Boolean(a.categoryId || a.payee || a.note || (a.addTags && a.addTags.length > 0)), {
        message: 'must set at least one of categoryId, payee, addTags, note',
      }),
    ),
);
export type ActionsInput = z.infer<ReturnType<typeof actionsSchema>>;

const conditions = z.lazily(() =>
  z
    .array(conditionSchema())
    .check(
      z.minLength(1, 'must hold at least one condition'),
      z.maxLength(MAX_CONDITIONS, `must hold at most ${MAX_CONDITIONS} conditions`),
    ),
);

export const ruleCreateSchema = z.lazily(() =>
  z.strictObject({
    name: entityName(),
    enabled: z.optional(z.boolean()),
    /** all (default): every condition must hold; any: one is enough. */
    match: z.optional(z.enum(['all', 'any'])),
    conditions: conditions(),
    actions: actionsSchema(),
    /** 1-based place in the order; default: last. */
    position: z.optional(z.int().check(z.gte(1))),
  }),
);
export type RuleCreate = z.infer<ReturnType<typeof ruleCreateSchema>>;

export const rulePatchSchema = z.lazily(() =>
  z
    .strictObject({
      name: z.optional(entityName()),
      enabled: z.optional(z.boolean()),
      match: z.optional(z.enum(['all', 'any'])),
      conditions: z.optional(conditions()),
      actions: z.optional(actionsSchema()),
      /** Moves the rule to this 1-based place in the order. */
      position: z.optional(z.int().check(z.gte(1))),
    })
    .check(
      z.refine((patch) => Object.values(patch).some((value) => value !== undefined), {
        message: 'must change at least one field',
      }),
    ),
);
export type RulePatch = z.infer<ReturnType<typeof rulePatchSchema>>;

export const ruleOrderSchema = z.lazily(() =>
  z.strictObject({
    /** Every rule id, each once, first evaluated first. */
    ids: z.array(entityId()).check(z.maxLength(MAX_RULES)),
  }),
);

export const ruleApplySchema = z.lazily(() =>
  z
    .strictObject({
      from: z.optional(transactionDate()),
      to: z.optional(transactionDate()),
      /** true (default): only transactions without a category are touched. */
      onlyUncategorised: z.optional(z.boolean()),
    })
    .check(
      z.refine((body) => !body.from || !body.to || body.from <= body.to, {
        path: ['to'],
        message: 'must not be before from',
      }),
    ),
);
export type RuleApply = z.infer<ReturnType<typeof ruleApplySchema>>;

export const jobPath = z.lazily(() => z.strictObject({ id: entityId(), jobId: entityId() }));

/** A suggestion to turn down: the payee and category it proposed. */
export const suggestionDismissalBody = z.lazily(() => z.strictObject({ payee: payeeSchema(), categoryId: entityId() }));
