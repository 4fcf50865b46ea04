/**
 * What the stream publishes for an export job: ExportRequested on creation, ExportUpdated on each
 * step, and ExportReady exactly on the write that makes it ready (never again on a later write,
 * and with a source id stable across publisher retries, so the notifier's claim sends one email).
 */
import { derivedEvents, fromStreamRecord } from '../../../shared/app/from-stream';
import type { ExportItem } from '../../../shared/exports/items';
import { newExportItem } from '../../../shared/exports/store';
import { insertOf, modifyOf } from '../support/stream-records';

const job = newExportItem(
  { format: 'xlsx', from: '2026-01-01', to: '2026-03-31' },
  '01KEXPORT0000000000000000A',
  '2026-04-13T09:00:00.000Z',
);
const stored = (item: ExportItem) => ({ pk: 'USER#user-1', sk: `EXPORT#${item.exportId}`, ...item });
const running: ExportItem = {
  ...job,
  status: 'running',
  step: 3,
  readDone: true,
  rowsWritten: 4200,
  totalRows: 4200,
  version: 4,
};
const ready: ExportItem = {
  ...running,
  status: 'ready',
  step: 4,
  fileKey: 'exports/user-1/01KEXPORT0000000000000000A.xlsx',
  fileSize: 123_456,
  completedAt: '2026-04-13T09:01:00.000Z',
  version: 5,
};

const published = (record: ReturnType<typeof insertOf>) => {
  const mapped = fromStreamRecord(record);
  return mapped ? [mapped, ...derivedEvents(mapped)] : [];
};

test('a new job is ExportRequested, a step is ExportUpdated, and neither is ready', () => {
  expect(published(insertOf(stored(job))).map((event) => event.detailType)).toEqual(['ExportRequested']);
  expect(published(modifyOf(stored(job), stored(running))).map((event) => event.detailType)).toEqual(['ExportUpdated']);
});

test('ExportReady comes with the write that makes the job ready, and only with it', () => {
  const events = published(modifyOf(stored(running), stored(ready), { eventID: 'rec-9' }));
  expect(events.map((event) => event.detailType)).toEqual(['ExportUpdated', 'ExportReady']);
  expect(events[1]?.detail).toMatchObject({
    sourceEventId: 'rec-9#ready',
    userId: 'user-1',
    id: job.exportId,
    data: {
      exportId: job.exportId,
      format: 'xlsx',
      from: '2026-01-01',
      to: '2026-03-31',
      rows: 4200,
      fileKey: ready.fileKey,
      fileSize: 123_456,
      completedAt: ready.completedAt,
    },
  });
  // A later write to a ready job (none today, but nothing may re-announce it) is no new fact.
  const touched = { ...ready, updatedAt: '2026-04-14T00:00:00.000Z', version: 6 };
  expect(published(modifyOf(stored(ready), stored(touched))).map((event) => event.detailType)).toEqual([
    'ExportUpdated',
  ]);
});
