/** What the payee routes return, and the zod schemas that describe the same shapes for the contract. */
import { timestampFields } from '../kit/http/response-schemas';
import * as z from '../kit/schema';
import { type PayeeItem, payeeKinds } from '../transactions/public';
import { type PayeeJobItem, payeeJobKinds, payeeJobStatuses } from './items';

export function toPayeeView(payee: PayeeItem) {
  return {
    id: payee.payeeId,
    name: payee.name,
    kind: payee.kind,
    defaultCategoryId: payee.defaultCategoryId,
    contact: payee.contact,
    taxId: payee.taxId,
    iban: payee.iban,
    notes: payee.notes,
    transactionCount: payee.transactionCount,
    lastUsedAt: payee.lastUsedAt,
    mergingInto: payee.mergingInto ?? null,
    createdAt: payee.createdAt,
    updatedAt: payee.updatedAt,
    version: payee.version,
  };
}

export function toPayeeJobView(job: PayeeJobItem) {
  return {
    id: job.jobId,
    kind: job.kind,
    payeeId: job.payeeId,
    intoId: job.intoId,
    name: job.name,
    status: job.status,
    changed: job.changed,
    createdAt: job.createdAt,
    completedAt: job.completedAt,
  };
}

export const payeeViews = z.lazily(() => {
  const payee = z.strictObject({
    id: z.string(),
    name: z.string(),
    kind: z.enum(payeeKinds),
    defaultCategoryId: z.nullable(z.string()),
    contact: z.strictObject({
      email: z.nullable(z.string()),
      phone: z.nullable(z.string()),
      address: z.nullable(z.string()),
    }),
    taxId: z.nullable(z.string()),
    iban: z.nullable(z.string()).check(z.describe('Compact and upper-case, its check digits verified.')),
    notes: z.nullable(z.string()),
    transactionCount: z
      .int()
      .check(z.nonnegative(), z.describe('Transactions recorded with it (a merge adds the source’s).')),
    lastUsedAt: z.nullable(z.string()),
    mergingInto: z.nullable(z.string()).check(z.describe('While a merge into that payee is under way.')),
    ...timestampFields(),
  });
  const job = z.strictObject({
    id: z.string(),
    kind: z.enum(payeeJobKinds),
    payeeId: z.string(),
    intoId: z.nullable(z.string()),
    name: z.string().check(z.describe('The name the transactions get.')),
    status: z.enum(payeeJobStatuses),
    changed: z.int().check(z.nonnegative(), z.describe('Transactions changed so far.')),
    createdAt: z.string(),
    completedAt: z.nullable(z.string()),
  });
  return {
    payee,
    job,
    payeeWithJob: z.extend(payee, { job: z.optional(job) }),
  };
});
