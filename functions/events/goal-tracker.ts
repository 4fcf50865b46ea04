/**
 * The goal tracker (rule `track-goals`): keeps every goal's `saved` exact and writes its milestone
 * facts exactly once, whatever the number and order of deliveries (shared/goals/apply.ts says how).
 * Logs carry ids and outcomes only: never amounts, names or whole events.
 */
import { type ConsumedEvent, eventConsumer } from '../../shared/app/consumer';
import { createGoalTracker } from '../../shared/goals/apply';
import { goalTracker } from '../../shared/goals/consumers';
import { createGoalStore } from '../../shared/goals/store';
import { documentClient } from '../../shared/kit/aws/document-client';
import { requireEnv } from '../../shared/kit/config';
import { logger } from '../../shared/kit/observability';
import { createRateStore } from '../../shared/rates/store';

/** The events its declaration (and so its rule) routes here. */
export const acceptedDetailTypes = goalTracker.events;

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const tracker = createGoalTracker({
  db,
  tableName,
  goals: createGoalStore({ db, tableName }),
  rates: createRateStore({ db, tableName }),
});

type Tracked = ConsumedEvent<(typeof acceptedDetailTypes)[number]>;

async function track(event: Tracked): Promise<unknown> {
  const { userId } = event.detail;
  switch (event.detailType) {
    case 'TransactionCreated':
      return tracker.onTransaction(userId, { version: event.detail.version, current: event.detail.data });
    case 'TransactionUpdated':
      return tracker.onTransaction(userId, {
        version: event.detail.version,
        current: event.detail.data,
        previous: event.detail.previous,
      });
    case 'TransactionDeleted':
      return tracker.onTransaction(userId, { version: event.detail.version, previous: event.detail.previous });
    case 'GoalContributionAdded':
      return tracker.onContribution(userId, event.detail.data, false);
    case 'GoalContributionDeleted':
      return tracker.onContribution(userId, event.detail.previous, true);
    case 'AccountUpdated':
      // Renames and archiving leave the balance alone: nothing a goal could see changed.
      if (event.detail.data.balance === event.detail.previous.balance) return 'unchanged';
      return tracker.onAccountChanged(userId, event.detail.data.accountId);
    case 'GoalCreated':
    case 'GoalUpdated':
      return tracker.onGoalChanged(userId, event.detail.data.goalId);
  }
}

export const handler = eventConsumer(goalTracker, async (event) => {
  const outcome = await track(event);
  // No metric: one event per invocation, Lambda's Invocations metric counts them already.
  logger.debug('Goal event tracked', { userId: event.detail.userId, entityId: event.detail.id, outcome });
});
