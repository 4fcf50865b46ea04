/**
 * The payee job runner (rule `run-payee-job`): runs a rename's or a merge's next chunk each time
 * its job item changes (shared/payees/jobs.ts says how a chunk stays exactly-once). Logs carry ids
 * and outcomes only.
 */
import { eventConsumer } from '../../shared/app/consumer';
import { documentClient } from '../../shared/kit/aws/document-client';
import { requireEnv } from '../../shared/kit/config';
import { logger } from '../../shared/kit/observability';
import { payeeJobRunner } from '../../shared/payees/consumers';
import { createPayeeJobRunner } from '../../shared/payees/jobs';
import { createPayeeStore } from '../../shared/payees/store';
import { createRuleStore } from '../../shared/rules/public';

/** The events its declaration (and so its rule) routes here. */
export const acceptedDetailTypes = payeeJobRunner.events;

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const runner = createPayeeJobRunner({
  db,
  tableName,
  payees: createPayeeStore({ db, tableName }),
  rules: createRuleStore({ db, tableName }),
});

export const handler = eventConsumer(payeeJobRunner, async ({ detail }) => {
  const { userId } = detail;
  const { jobId, step } = detail.data;
  const outcome = await runner.runStep(userId, jobId, step);
  logger.info('Payee job step', { userId, jobId, step, outcome });
});
