/**
 * What the goal routes accept. Strict objects: an unknown field is a 400 naming it, and a PATCH
 * can only touch the allow-list (name, target, deadline). Money is integer minor units of an ISO
 * 4217 currency (shared/kit/money/money.ts); a goal's currency is its target's and never changes,
 * because `saved` is kept in it.
 */
import { pageQuery } from '../kit/http/cursor';
import { entityId, entityName } from '../kit/http/fields';
import { ValidationFailed } from '../kit/http/problems';
import { currencyCode, MAX_AMOUNT, moneySchema } from '../kit/money/money';
import * as z from '../kit/schema';
import { noteSchema, transactionDate } from '../transactions/public';

/** A deadline is a calendar day; one beyond this is a typo, not a plan. */
const LATEST_DEADLINE = '2199-12-31';

const deadline = z.lazily(() =>
  z.iso
    .date('must be a real date such as 2027-06-30')
    .check(z.refine((date) => date <= LATEST_DEADLINE, `must not be after ${LATEST_DEADLINE}`)),
);

/** A target is what you save towards: more than nothing. */
const targetSchema = z.lazily(() =>
  z.strictObject({
    amount: z
      .number({ error: 'must be an integer number of minor units (e.g. 1234 for 12.34)' })
      .check(
        z.int('must be an integer number of minor units (e.g. 1234 for 12.34), not a decimal'),
        z.gte(1, 'must be greater than 0'),
        z.lte(MAX_AMOUNT, 'is out of range'),
      ),
    currency: currencyCode(),
  }),
);

const goalFundingInput = z.lazily(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('account'), accountId: entityId() }),
    z.strictObject({ kind: z.literal('contributions') }),
  ]),
);

export const goalCreateSchema = z.lazily(() =>
  z.strictObject({
    name: entityName(),
    target: targetSchema(),
    /** The last day to reach the target; checked against the caller's today (not in the past). */
    deadline: z.optional(z.nullable(deadline())),
    funding: goalFundingInput(),
  }),
);
export type GoalCreate = z.infer<ReturnType<typeof goalCreateSchema>>;

export const goalPatchSchema = z.lazily(() =>
  z
    .strictObject({
      name: z.optional(entityName()),
      /** Must stay in the goal's currency (400 naming target.currency otherwise). */
      target: z.optional(targetSchema()),
      /** null removes the deadline. */
      deadline: z.optional(z.nullable(deadline())),
    })
    .check(
      z.refine((patch) => Object.values(patch).some((value) => value !== undefined), {
        message: 'must change at least one field',
      }),
    ),
);
export type GoalPatch = z.infer<ReturnType<typeof goalPatchSchema>>;

export const goalListQuery = z.lazily(() => z.strictObject({ ...pageQuery() }));

/** A contribution; negative = a withdrawal. In the goal currency, or converted at the date's ECB rate. */
export const contributionCreateSchema = z.lazily(() =>
  z.strictObject({
    money: moneySchema().check(z.refine((money) => money.amount !== 0, { path: ['amount'], message: 'must not be 0' })),
    /** Defaults to today in the caller's timezone. */
    date: z.optional(transactionDate()),
    note: z.optional(z.nullable(noteSchema())),
  }),
);

export const contributionListQuery = z.lazily(() => z.strictObject({ ...pageQuery() }));

/** A deadline already behind the caller is not a plan: 400 naming `deadline`. */
export function checkDeadline(deadline: string | null | undefined, today: string): void {
  if (deadline && deadline < today) {
    throw new ValidationFailed([{ in: 'body', field: 'deadline', message: `must not be before today (${today})` }]);
  }
}

/** A contribution is money already put aside: 400 naming `date` when it is after the caller's today. */
export function checkContributionDate(date: string, today: string): void {
  if (date > today) {
    throw new ValidationFailed([{ in: 'body', field: 'date', message: `must not be after today (${today})` }]);
  }
}
