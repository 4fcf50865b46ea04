/**
 * The insights aggregator (rule `aggregate-insights`): keeps each user's monthly counters — cash
 * flow, spending by category, payee, tag and account, account flows — exact under at-least-once,
 * out-of-order delivery. The work is in shared/insights/aggregate.ts; see docs/insights.md.
 */
import { eventConsumer } from '../../shared/app/consumer';
import { createCategoryStore } from '../../shared/categories/public';
import { createProfileStore } from '../../shared/identity/profile-store';
import { aggregateEvent } from '../../shared/insights/aggregate';
import { insightsAggregator } from '../../shared/insights/consumers';
import { createInsightStore } from '../../shared/insights/store';
import { documentClient } from '../../shared/kit/aws/document-client';
import { requireEnv } from '../../shared/kit/config';
import { logger } from '../../shared/kit/observability';

/** The events its declaration (and so its rule) routes here. */
export const acceptedDetailTypes = insightsAggregator.events;

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const categories = createCategoryStore({ db, tableName });
const deps = {
  store: createInsightStore({ db, tableName }),
  profiles: createProfileStore({ db, tableName }),
  category: (userId: string, categoryId: string) => categories.get(userId, categoryId),
  now: () => new Date(),
};

export const handler = eventConsumer(insightsAggregator, async (event) => {
  const outcome = await aggregateEvent(deps, event);
  // Ids only: never amounts, payees or the event.
  logger.debug('Insights aggregated', { userId: event.detail.userId, entityId: event.detail.id, ...outcome });
});
