/** The exports feature's event consumers (see ConsumerDeclaration in shared/kit/events/consumer.ts). */
import { defineConsumer } from '../kit/events/consumer';

export const exporter = defineConsumer({
  function: 'exporter',
  entry: 'functions/events/exporter.ts',
  functionDescription: 'Writes export files one chunk per event, driven by the job item, exactly once per chunk',
  events: ['ExportRequested', 'ExportUpdated'],
  // A job's own writes drive it: only while it still has work (not once ready or failed).
  only: { ExportUpdated: [{ data: { status: ['queued', 'running'] } }] },
  rule: { id: 'export', description: 'Each change of an unfinished export job runs its next chunk' },
  grants: { table: 'readWrite', files: 'readWrite' },
  // The last step writes up to 100,000 rows into a workbook: about 11 s and 300 MB on a laptop
  // core (exceljs streaming), so 1 GB (and its share of a vCPU) with room to spare.
  timeoutSeconds: 120,
  memoryMb: 1024,
});

export const exportsConsumers = [exporter] as const;
