/**
 * Statement imports: one job item per import, `IMPORT#<importId>`, and one report item per row
 * of the file (or unreadable line), `IMPORTROW#<importId>#<index>`, the index counting the
 * file's entries in order from 0.
 *
 * The job item is also the job's state machine, like an export's: the importer (./run.ts)
 * advances `step` one chunk at a time, and each change of the item is published (ImportRequested,
 * ImportUpdated), which drives the next chunk. Report items are bookkeeping, not domain facts: they
 * are not published, and a row's report item is written in the same TransactWriteItems as the
 * transaction it records, which is what makes a redelivered chunk skip it.
 */
import { byId, entity } from '../kit/dynamodb/keys';
import * as z from '../kit/schema';

export const ImportEntity = entity('IMPORT', 'IMPORT', byId);
/** Indexes are zero-padded so a Query in sort-key order reads the report in file order. */
export const ImportRowEntity = entity('IMPORTROW', 'IMPORTROW', (importId: string, index: number) =>
  importRowSortPart(importId, index),
);
export const importRowSortPart = (importId: string, index: number) => `${importId}#${String(index).padStart(7, '0')}`;
/** Every report item of one import starts with this sort key. */
export const importRowsPrefix = (importId: string) => `${ImportRowEntity.prefix}${importId}#`;

export const importFormats = ['csv', 'ofx', 'qif', 'camt053'] as const;
export type ImportFormat = (typeof importFormats)[number];

export const importStatuses = [
  'awaiting-upload',
  'queued',
  'running',
  'completed',
  'failed',
  'undoing',
  'undone',
] as const;
export type ImportStatus = (typeof importStatuses)[number];

/** skipped: an entry the file holds but that is no booking (pending, zero amount), with why. */
export const rowStatuses = ['created', 'duplicate', 'needs-review', 'failed', 'skipped'] as const;
/**
 * A row that needs review is either recorded after all (`record`: it becomes `created`) or
 * confirmed as the transaction it resembles (`duplicate`).
 */
export const reviewDecisions = ['record', 'duplicate'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];
export type RowStatus = (typeof rowStatuses)[number];
/** What undo did with a created row's transaction. */
export const undoOutcomes = ['removed', 'kept-edited', 'already-deleted'] as const;
export type UndoOutcome = (typeof undoOutcomes)[number];

const counts = z.lazily(() =>
  z.object({
    created: z.int().check(z.nonnegative()),
    duplicates: z.int().check(z.nonnegative()),
    needsReview: z.int().check(z.nonnegative()),
    failed: z.int().check(z.nonnegative()),
    skipped: z.int().check(z.nonnegative()),
  }),
);
export type ImportCounts = z.infer<ReturnType<typeof counts>>;

const undoCounts = z.lazily(() =>
  z.object({
    removed: z.int().check(z.nonnegative()),
    keptEdited: z.int().check(z.nonnegative()),
    alreadyDeleted: z.int().check(z.nonnegative()),
  }),
);
export type UndoCounts = z.infer<ReturnType<typeof undoCounts>>;

/** How a CSV file's columns map to a transaction (shared/imports/formats/types.ts CsvMapping). */
export const csvMappingItem = z.lazily(() =>
  z.object({
    delimiter: z.optional(z.enum([',', ';', '\t', '|'])),
    decimalSeparator: z.enum(['.', ',']),
    dateFormat: z.enum(['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'DD-MM-YYYY', 'YYYYMMDD']),
    /** A preset's: its optional columns may be missing from the file. */
    optionalColumnsMayBeAbsent: z.optional(z.boolean()),
    columns: z.object({
      date: z.string(),
      amount: z.optional(z.string()),
      debit: z.optional(z.string()),
      credit: z.optional(z.string()),
      payee: z.optional(z.string()),
      note: z.optional(z.string()),
      currency: z.optional(z.string()),
      reference: z.optional(z.string()),
    }),
  }),
);

export const importItem = z.lazily(() =>
  z.object({
    type: z.literal(ImportEntity.type),
    importId: z.string().check(z.minLength(1)),
    accountId: z.string().check(z.minLength(1)),
    format: z.enum(importFormats),
    /** The CSV mapping in force (a preset's, resolved at creation), null for the other formats. */
    mapping: z.nullable(csvMappingItem()),
    preset: z.nullable(z.string()),
    /** QIF only: whether 01/02 is 1 February (DMY) or 2 January (MDY); null lets the parser decide. */
    dateOrder: z.optional(z.nullable(z.enum(['DMY', 'MDY']))),
    /** The statement file in the files bucket (./files.ts). */
    fileKey: z.string(),
    status: z.enum(importStatuses),
    /**
     * The chunk the next event asks for. Every step is a conditional write on it, so a duplicate
     * or late event (carrying an older step) finds it moved on and does nothing.
     */
    step: z.int().check(z.nonnegative()),
    /** Rows (and unreadable lines) of the file, known once it has been parsed. */
    total: z.nullable(z.int().check(z.nonnegative())),
    /** How many of them have been reported on (the next chunk starts there). */
    processed: z.int().check(z.nonnegative()),
    counts: counts(),
    /** Undo: where reading the report continues (a sort key), and what it did so far. */
    undoCursor: z.nullable(z.string()),
    undo: z.nullable(undoCounts()),
    /** Why a failed import failed (`not-a-statement: …`, `file-missing`, `too-many-rows`). */
    failure: z.nullable(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    completedAt: z.nullable(z.string()),
    version: z.int().check(z.positive()),
  }),
);
export type ImportItem = z.infer<ReturnType<typeof importItem>>;

/** The user-visible fields of a transaction as the import created it: undo compares them. */
export const createdFingerprint = z.lazily(() => z.string());

export const importRowItem = z.lazily(() =>
  z.object({
    type: z.literal(ImportRowEntity.type),
    importId: z.string(),
    /** The entry's position among the file's entries, from 0 (the key). */
    index: z.int().check(z.nonnegative()),
    /** The line (CSV, QIF) or entry (OFX, CAMT) of the file, from 1, as the parser counts. */
    line: z.int().check(z.nonnegative()),
    status: z.enum(rowStatuses),
    date: z.nullable(z.string()),
    /** Signed minor units of `currency`, as the file says. */
    amount: z.nullable(z.int()),
    currency: z.nullable(z.string()),
    payee: z.nullable(z.string()),
    externalId: z.nullable(z.string()),
    /** created: the new transaction; duplicate: the one already recorded; needs-review: the candidate. */
    transactionId: z.nullable(z.string()),
    /** failed, skipped: why. */
    reason: z.nullable(z.string()),
    /** created: a digest of the transaction's fields as created (./undo.ts). */
    fingerprint: z.nullable(createdFingerprint()),
    undo: z.nullable(z.enum(undoOutcomes)),
    /** needs-review: the line's note, so that recording it on review loses nothing. */
    note: z.optional(z.nullable(z.string())),
    /** What the user decided about a row that needed review, and which transaction it resembled. */
    review: z.optional(z.nullable(z.enum(reviewDecisions))),
    candidateId: z.optional(z.nullable(z.string())),
    reviewedAt: z.optional(z.nullable(z.string())),
    createdAt: z.string(),
  }),
);
export type ImportRowItem = z.infer<ReturnType<typeof importRowItem>>;
