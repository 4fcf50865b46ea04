/** What the import routes return: the job and its report without their bookkeeping. */
import type { UploadGrant } from '../kit/aws/upload-grant';
import * as z from '../kit/schema';
import {
  type ImportItem,
  type ImportRowItem,
  importFormats,
  importStatuses,
  reviewDecisions,
  rowStatuses,
  undoOutcomes,
} from './items';

export function toImportView(item: ImportItem, upload: UploadGrant | null = null) {
  return {
    id: item.importId,
    accountId: item.accountId,
    format: item.format,
    preset: item.preset,
    status: item.status,
    progress: { processed: item.processed, total: item.total },
    counts: {
      total: item.total,
      created: item.counts.created,
      duplicates: item.counts.duplicates,
      needsReview: item.counts.needsReview,
      failed: item.counts.failed,
      skipped: item.counts.skipped,
    },
    undo: item.undo,
    failure: item.failure,
    rows: `/v1/imports/${item.importId}/rows`,
    upload: upload
      ? {
          url: upload.url,
          fields: upload.fields,
          contentType: upload.contentType,
          maxBytes: upload.maxBytes,
          expiresAt: upload.expiresAt,
          start: `/v1/imports/${item.importId}/start`,
        }
      : null,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    completedAt: item.completedAt,
  };
}

const count = z.lazily(() => z.int().check(z.nonnegative()));

export const importView = z.lazily(() =>
  z.strictObject({
    id: z.string(),
    accountId: z.string(),
    format: z.enum(importFormats),
    preset: z.nullable(z.string()),
    status: z.enum(importStatuses),
    progress: z
      .strictObject({ processed: count(), total: z.nullable(count()) })
      .check(z.describe('Rows reported on so far; total once the file has been read.')),
    counts: z.strictObject({
      total: z.nullable(count()),
      created: count(),
      duplicates: count(),
      needsReview: count(),
      failed: count(),
      skipped: count(),
    }),
    undo: z
      .nullable(z.strictObject({ removed: count(), keptEdited: count(), alreadyDeleted: count() }))
      .check(z.describe('Once undo started: transactions removed, kept because edited since, already deleted.')),
    failure: z
      .nullable(z.string())
      .check(z.describe('Why it failed: `not-a-statement: …`, `file-missing`, `too-many-rows`.')),
    rows: z.string().check(z.describe('The per-row report.')),
    upload: z
      .nullable(
        z.strictObject({
          url: z.string(),
          fields: z.record(z.string(), z.string()),
          contentType: z.string(),
          maxBytes: z.int(),
          expiresAt: z.string(),
          start: z.string(),
        }),
      )
      .check(
        z.describe(
          'Only when the import awaits its file: POST a multipart form to url with every field, then the file as `file`; then POST start.',
        ),
      ),
    createdAt: z.string(),
    updatedAt: z.string(),
    completedAt: z.nullable(z.string()),
  }),
);

export function toImportRowView(row: ImportRowItem) {
  return {
    line: row.line,
    status: row.status,
    date: row.date,
    amount: row.amount,
    currency: row.currency,
    payee: row.payee,
    transactionId: row.transactionId,
    reason: row.reason,
    undo: row.undo,
    index: row.index,
    review: row.review ?? null,
    candidateId: row.candidateId ?? null,
  };
}

export const importRowView = z.lazily(() =>
  z.strictObject({
    line: z.int(),
    status: z.enum(rowStatuses),
    date: z.nullable(z.string()),
    amount: z.nullable(z.int()).check(z.describe('Signed minor units of currency: negative is money out.')),
    currency: z.nullable(z.string()),
    payee: z.nullable(z.string()),
    transactionId: z
      .nullable(z.string())
      .check(
        z.describe('created: the transaction recorded; duplicate: the one already there; needs-review: the candidate.'),
      ),
    reason: z
      .nullable(z.string())
      .check(z.describe('failed: why the row could not be recorded; skipped: why it is no booking.')),
    undo: z.nullable(z.enum(undoOutcomes)).check(z.describe('After undo, what happened to a created row.')),
    index: z
      .int()
      .check(
        z.describe("The row's place in the report, from 0: POST /v1/imports/{id}/rows/{index}/review decides it."),
      ),
    review: z
      .nullable(z.enum(reviewDecisions))
      .check(z.describe('For a row that needed review: what was decided (`record` or `duplicate`).')),
    candidateId: z
      .nullable(z.string())
      .check(z.describe('For a row that needed review and was decided: the transaction it resembled.')),
  }),
);
