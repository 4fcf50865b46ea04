/** What the export routes return: the job without its bookkeeping (step, cursor, parts). */
import * as z from '../kit/schema';
import { transactionKinds } from '../transactions/public';
import { type ExportItem, exportFormats, exportStatuses } from './items';

export function toExportView(item: ExportItem) {
  return {
    id: item.exportId,
    format: item.format,
    status: item.status,
    filters: {
      from: item.from,
      to: item.to,
      accountIds: item.accountIds,
      categoryIds: item.categoryIds,
      kind: item.kind,
    },
    progress: { rowsWritten: item.rowsWritten, totalRows: item.totalRows },
    fileSize: item.fileSize,
    failure: item.failure,
    download: item.status === 'ready' ? `/v1/exports/${item.exportId}/download` : null,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    completedAt: item.completedAt,
  };
}

export const exportView = z.lazily(() =>
  z.strictObject({
    id: z.string(),
    format: z.enum(exportFormats),
    status: z.enum(exportStatuses),
    filters: z.strictObject({
      from: z.string(),
      to: z.string(),
      accountIds: z.nullable(z.array(z.string())),
      categoryIds: z.nullable(z.array(z.string())),
      kind: z.nullable(z.enum(transactionKinds)),
    }),
    progress: z
      .strictObject({ rowsWritten: z.int(), totalRows: z.nullable(z.int()) })
      .check(z.describe('Rows written so far; totalRows once every transaction of the range has been read.')),
    fileSize: z.nullable(z.int()).check(z.describe('Bytes of the file, once ready.')),
    failure: z.nullable(z.string()).check(z.describe('Why it failed: `too-many-rows` (narrow the range).')),
    download: z.nullable(z.string()).check(z.describe('The download route, once ready.')),
    createdAt: z.string(),
    updatedAt: z.string(),
    completedAt: z.nullable(z.string()),
  }),
);

export const downloadView = z.lazily(() =>
  z.strictObject({
    url: z.string().check(z.describe('A presigned GET of the file; also in Location.')),
    expiresAt: z.string(),
  }),
);
