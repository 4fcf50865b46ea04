/**
 * The payees feature's own items: the jobs that carry a rename or a merge to the payee's
 * transactions. Payees and their name claims are declared with the ledger that binds them
 * (shared/transactions/items.ts).
 */
import { byId, entity } from '../kit/dynamodb/keys';
import * as z from '../kit/schema';

/**
 * A rename's propagation or a merge (`PAYEEJOB#<id>`): its own changes drive it, one chunk of the
 * payee's transactions per event (shared/payees/jobs.ts).
 */
export const PayeeJobEntity = entity('PAYEE_JOB', 'PAYEEJOB', byId);

export const payeeJobKinds = ['rename', 'merge'] as const;
export const payeeJobStatuses = ['queued', 'running', 'done'] as const;

export const payeeJobItem = z.lazily(() =>
  z.object({
    type: z.literal(PayeeJobEntity.type),
    jobId: z.string().check(z.minLength(1)),
    kind: z.enum(payeeJobKinds),
    /** The renamed payee, or the merge's source. */
    payeeId: z.string(),
    /** The merge's target; null for a rename. */
    intoId: z.nullable(z.string()),
    /** The name the transactions get (the new name, or the target's). */
    name: z.string(),
    status: z.enum(payeeJobStatuses),
    step: z.int().check(z.nonnegative()),
    /** Where a rename continues in the payee's transactions (a merge moves them out of the way). */
    cursor: z.nullable(z.string()),
    /** Transactions changed so far. */
    changed: z.int().check(z.nonnegative()),
    createdAt: z.string(),
    updatedAt: z.string(),
    completedAt: z.nullable(z.string()),
    version: z.int().check(z.positive()),
  }),
);
export type PayeeJobItem = z.infer<ReturnType<typeof payeeJobItem>>;
