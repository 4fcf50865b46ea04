/**
 * Export jobs: one item per requested export, `EXPORT#<exportId>`. The item is also the job's
 * state machine: the exporter (./run.ts) advances `step` one chunk at a time, and each change of
 * the item is published (ExportRequested, ExportUpdated), which is what drives the next chunk.
 */
import { byId, entity } from '../kit/dynamodb/keys';
import * as z from '../kit/schema';
import { transactionKinds } from '../transactions/public';

export const ExportEntity = entity('EXPORT', 'EXPORT', byId);

export const exportFormats = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];
export const exportStatuses = ['queued', 'running', 'ready', 'failed'] as const;

export const exportItem = z.lazily(() =>
  z.object({
    type: z.literal(ExportEntity.type),
    exportId: z.string().check(z.minLength(1)),
    format: z.enum(exportFormats),
    /** Calendar days, both included. */
    from: z.iso.date(),
    to: z.iso.date(),
    /** null: every account / category / kind. `categoryIds` as asked (their subcategories are included). */
    accountIds: z.nullable(z.array(z.string())),
    categoryIds: z.nullable(z.array(z.string())),
    kind: z.nullable(z.enum(transactionKinds)),
    status: z.enum(exportStatuses),
    /**
     * The chunk the next event asks for. Every step is a conditional write on it, so a duplicate
     * or late event (carrying an older step) finds it moved on and does nothing.
     */
    step: z.int().check(z.nonnegative()),
    /** Where reading continues (a JSON LastEvaluatedKey of the date index); null before the first chunk. */
    cursor: z.nullable(z.string()),
    /** Every transaction of the range has been read into `parts`: the next step writes the file. */
    readDone: z.boolean(),
    /** The objects holding the rows read so far, in order; only the winning write of a step names its part. */
    parts: z.array(z.string()),
    rowsWritten: z.int().check(z.nonnegative()),
    /** Known once reading is done. */
    totalRows: z.nullable(z.int()),
    fileKey: z.nullable(z.string()),
    fileSize: z.nullable(z.int()),
    /** Why a failed export failed (`too-many-rows`). */
    failure: z.nullable(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    completedAt: z.nullable(z.string()),
    version: z.int().check(z.positive()),
  }),
);
export type ExportItem = z.infer<ReturnType<typeof exportItem>>;
