/**
 * The exporter (rule `export`): runs an export job's next chunk each time the job item changes
 * (shared/exports/run.ts says how a chunk stays exactly-once). Logs carry ids and outcomes only.
 */
import { eventConsumer } from '../../shared/app/consumer';
import { exporter } from '../../shared/exports/consumers';
import { bucketFiles } from '../../shared/exports/files';
import { runExportStep } from '../../shared/exports/run';
import { createExportSource } from '../../shared/exports/source';
import { createExportStore } from '../../shared/exports/store';
import { documentClient } from '../../shared/kit/aws/document-client';
import { requireEnv } from '../../shared/kit/config';
import { logger } from '../../shared/kit/observability';

/** The events its declaration (and so its rule) routes here. */
export const acceptedDetailTypes = exporter.events;

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const deps = {
  store: createExportStore({ db, tableName }),
  source: createExportSource({ db, tableName }),
  files: bucketFiles(),
};

export const handler = eventConsumer(exporter, async ({ detail }) => {
  const { userId } = detail;
  const { exportId, step } = detail.data;
  const outcome = await runExportStep(userId, exportId, step, deps);
  logger.info('Export step', { userId, exportId, step, outcome });
});
