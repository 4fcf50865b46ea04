/**
 * What the import routes accept. Strict objects: an unknown field is a 400 naming it. What depends
 * on more than one field (a CSV needs a mapping or a preset, a mapping needs an amount column …)
 * is a 422 naming the field (./create.ts).
 */
import { pageQuery } from '../kit/http/cursor';
import { entityId } from '../kit/http/fields';
import { HttpProblem } from '../kit/http/problems';
import * as z from '../kit/schema';
import { importFormats, reviewDecisions, rowStatuses } from './items';

/** Inline statements: small files in the request body; larger ones through an upload grant. */
export const MAX_INLINE_BYTES = 1024 * 1024;
/** The largest statement an upload grant accepts. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** The most rows (and unreadable lines) one import takes. */
export const MAX_IMPORT_ROWS = 50_000;

/** The media types an upload of each format may declare (the grant's Content-Type condition). */
export const uploadContentTypes = {
  csv: ['text/csv', 'text/plain', 'application/vnd.ms-excel'],
  ofx: ['application/x-ofx', 'application/vnd.intu.qfx', 'application/xml', 'text/plain', 'application/octet-stream'],
  qif: ['application/qif', 'application/x-qif', 'text/plain', 'application/octet-stream'],
  camt053: ['application/xml', 'text/xml'],
} as const satisfies Record<(typeof importFormats)[number], readonly string[]>;

const columnName = z.lazily(() => z.string().check(z.minLength(1), z.maxLength(100)));

export const csvMappingSchema = z.lazily(() =>
  z.strictObject({
    delimiter: z.optional(z.enum([',', ';', '\t', '|'])),
    decimalSeparator: z.enum(['.', ',']),
    dateFormat: z.enum(['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'DD-MM-YYYY', 'YYYYMMDD']),
    columns: z.strictObject({
      date: columnName(),
      amount: z.optional(columnName()),
      debit: z.optional(columnName()),
      credit: z.optional(columnName()),
      payee: z.optional(columnName()),
      note: z.optional(columnName()),
      currency: z.optional(columnName()),
      reference: z.optional(columnName()),
    }),
  }),
);

export const importCreateSchema = z.lazily(() =>
  z.strictObject({
    accountId: entityId(),
    format: z.enum(importFormats),
    /** CSV only: how the columns map, or the name of a preset. */
    mapping: z.optional(csvMappingSchema()),
    preset: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    /** QIF only: how its days are written (01/02/2026 is 1 February with DMY, 2 January with MDY). */
    dateOrder: z.optional(z.enum(['DMY', 'MDY'])),
    /** The statement itself, for files up to 1 MB; without it the answer carries an upload grant. */
    content: z.optional(
      z.string().check(
        z.minLength(1, 'must not be empty'),
        z.refine((text) => Buffer.byteLength(text) <= MAX_INLINE_BYTES, {
          message: `must be at most ${MAX_INLINE_BYTES} bytes; upload larger files (leave content out)`,
        }),
      ),
    ),
    /** The media type the upload will declare; defaults to the format's first (see uploadContentTypes). */
    contentType: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  }),
);
export type ImportCreate = z.infer<ReturnType<typeof importCreateSchema>>;

/** POST …/start carries nothing: no body, or an empty object. */
export const importStartBody = z.lazily(() => z.optional(z.strictObject({})));

export const importListQuery = z.lazily(() => z.strictObject({ ...pageQuery() }));
export const importRowsQuery = z.lazily(() =>
  z.strictObject({ ...pageQuery(), status: z.optional(z.enum(rowStatuses)) }),
);

/** 422: the request is well formed, but one field cannot be used with the others. */
export class UnusableField extends HttpProblem {
  constructor(field: string, message: string) {
    super(422, 'unusable-field', 'Unusable field', 'A field of the request cannot be used as given.', [
      { in: 'body', field, message },
    ]);
  }
}

/** One report row: its import and its index in the report (a row view's `index`). */
export const importRowPath = z.lazily(() =>
  z.strictObject({
    id: entityId(),
    index: z.coerce.number().check(z.int(), z.gte(0), z.lte(MAX_IMPORT_ROWS)),
  }),
);

export const importReviewBody = z.lazily(() =>
  z.strictObject({
    decision: z
      .enum(reviewDecisions)
      .check(
        z.describe(
          '`record`: it is a transaction of its own, record it; `duplicate`: it is the transaction it resembles, record nothing.',
        ),
      ),
  }),
);
