/**
 * The rule applier (rule `apply-rule`): runs a rule apply job's next chunk each time the job item
 * changes (shared/rules/apply.ts says how a chunk stays idempotent). Logs carry ids and outcomes only.
 */
import { eventConsumer } from '../../shared/app/consumer';
import { budgetLedgerGuards } from '../../shared/budgets/public';
import { documentClient } from '../../shared/kit/aws/document-client';
import { requireEnv } from '../../shared/kit/config';
import { logger } from '../../shared/kit/observability';
import { createRuleApplier } from '../../shared/rules/apply';
import { ruleApplier } from '../../shared/rules/consumers';
import { createRuleStore } from '../../shared/rules/store';
import { createTransactionUpdater } from '../../shared/transactions/public';

/** The events its declaration (and so its rule) routes here. */
export const acceptedDetailTypes = ruleApplier.events;

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const applier = createRuleApplier({
  db,
  tableName,
  rules: createRuleStore({ db, tableName }),
  // Budgets in enforce mode guard these changes as they guard a PATCH.
  updater: createTransactionUpdater({ db, tableName, guards: budgetLedgerGuards({ db, tableName }) }),
});

export const handler = eventConsumer(ruleApplier, async ({ detail }) => {
  const { userId } = detail;
  const { jobId, step } = detail.data;
  const outcome = await applier.runStep(userId, jobId, step);
  logger.info('Rule apply step', { userId, jobId, step, outcome });
});
