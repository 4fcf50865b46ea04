/**
 * The restater (rule `restate-home-currency`): starts a restatement when a user's home currency
 * changes, then runs one chunk per change of the job (shared/insights/restate.ts says how each
 * stays exactly-once). Logs carry ids and outcomes only.
 */
import { eventConsumer } from '../../shared/app/consumer';
import { createProfileStore } from '../../shared/identity/profile-store';
import { restater } from '../../shared/insights/consumers';
import { runRestatementStep, startRestatement } from '../../shared/insights/restate';
import { createRestatementStore } from '../../shared/insights/restatement-store';
import { documentClient } from '../../shared/kit/aws/document-client';
import { requireEnv } from '../../shared/kit/config';
import { logger } from '../../shared/kit/observability';
import { createRateStore } from '../../shared/rates/store';
import { createTransactionStore, restateHome } from '../../shared/transactions/public';

/** The events its declaration (and so its rule) routes here. */
export const acceptedDetailTypes = restater.events;

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const transactions = createTransactionStore({ db, tableName });
const rates = createRateStore({ db, tableName });
const deps = {
  jobs: createRestatementStore({ db, tableName }),
  profiles: createProfileStore({ db, tableName }),
  restate: (userId: string, transactionId: string, homeCurrency: string) =>
    restateHome({ transactions, rates, now: () => new Date().toISOString() }, userId, transactionId, homeCurrency),
  now: () => new Date(),
};

export const handler = eventConsumer(restater, async (event) => {
  const { userId } = event.detail;
  if (event.detailType === 'UserUpdated') {
    const outcome = await startRestatement(deps, { userId, data: event.detail.data, previous: event.detail.previous });
    if (outcome !== 'no-change') logger.info('Restatement start', { userId, outcome });
    return;
  }
  const { restatementId, step } = event.detail.data;
  const outcome = await runRestatementStep(deps, userId, restatementId, step);
  logger.info('Restatement step', { userId, restatementId, step, outcome });
});
