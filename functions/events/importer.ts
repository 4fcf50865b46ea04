/**
 * The importer (rule `import`): runs an import job's next step each time the job item changes
 * (shared/imports/run.ts says how each row is reported and recorded exactly once). Logs carry ids,
 * steps and outcomes only: never a payee, an amount or a line of the file.
 */
import { eventConsumer } from '../../shared/app/consumer';
import { budgetLedgerGuards } from '../../shared/budgets/public';
import { createProfileStore } from '../../shared/identity/public';
import { importer } from '../../shared/imports/consumers';
import { bucketImportFiles } from '../../shared/imports/files';
import { parseStatement } from '../../shared/imports/parse';
import { type ImporterDeps, runImportStep } from '../../shared/imports/run';
import { createImportStore } from '../../shared/imports/store';
import { documentClient } from '../../shared/kit/aws/document-client';
import { requireEnv } from '../../shared/kit/config';
import { logger } from '../../shared/kit/observability';
import { createRuleEngine } from '../../shared/rules/public';
import { createTransactionRecorder, createTransactionStore } from '../../shared/transactions/public';

/** The events its declaration (and so its rule) routes here. */
export const acceptedDetailTypes = importer.events;

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const profiles = createProfileStore({ db, tableName });
const transactions = createTransactionStore({ db, tableName });
const deps: ImporterDeps = {
  store: createImportStore({ db, tableName }),
  files: bucketImportFiles(),
  parse: parseStatement,
  recorder: createTransactionRecorder({ db, tableName, guards: budgetLedgerGuards({ db, tableName }) }),
  rules: createRuleEngine({ db, tableName }),
  transactions,
  profile: (userId) => profiles.get(userId),
  accountCurrency: async (userId, accountId) => (await transactions.getAccount(userId, accountId))?.currency,
};

export const handler = eventConsumer(importer, async ({ detail }) => {
  const { userId } = detail;
  const { importId, step } = detail.data;
  const outcome = await runImportStep(userId, importId, step, deps);
  logger.info('Import step', { userId, importId, step, outcome });
});
