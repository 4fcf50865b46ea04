/** The events export jobs become (see shared/kit/events/domain-events.ts). */
import { created, type DeriveEvents, derived, type ItemEvents, updated } from '../kit/events/domain-events';
import * as z from '../kit/schema';
import { ExportEntity, exportFormats, exportItem } from './items';

export const exportsItemEvents = {
  // No REMOVE: a job is deleted only with its user's partition, which is not news.
  [ExportEntity.type]: { idAttribute: 'exportId', INSERT: 'ExportRequested', MODIFY: 'ExportUpdated' },
} as const satisfies Record<string, ItemEvents>;

/** An export's file was written: the fact the notifier emails, once. */
const exportReady = z.lazily(() =>
  z.object({
    exportId: z.string(),
    format: z.enum(exportFormats),
    from: z.iso.date(),
    to: z.iso.date(),
    rows: z.int().check(z.nonnegative()),
    fileKey: z.string(),
    fileSize: z.int().check(z.nonnegative()),
    completedAt: z.string(),
  }),
);
export type ExportReadyFact = z.infer<ReturnType<typeof exportReady>>;

export const exportsEvents = {
  ExportRequested: z.lazily(() => created(exportItem())),
  ExportUpdated: z.lazily(() => updated(exportItem())),
  ExportReady: z.lazily(() => derived(exportReady())),
};

/** ExportReady, read off the write that set the job `ready` (the exporter's last step, once). */
const readyExports: DeriveEvents = ({ data, previous }) => {
  if (data?.status !== 'ready' || previous?.status === 'ready') return [];
  const job = z.safeParse(exportItem(), data);
  if (!job.success || job.data.fileKey === null || job.data.fileSize === null || job.data.completedAt === null) {
    return [];
  }
  const { exportId, format, from, to, rowsWritten, fileKey, fileSize, completedAt } = job.data;
  const fact: ExportReadyFact = { exportId, format, from, to, rows: rowsWritten, fileKey, fileSize, completedAt };
  return [{ detailType: 'ExportReady', key: 'ready', data: fact }];
};

export const exportsDerivedEvents = {
  [ExportEntity.type]: readyExports,
} as const satisfies Record<string, DeriveEvents>;
