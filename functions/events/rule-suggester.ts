/**
 * The rule suggester (rule `suggest-rules`): counts re-categorisations per payee and category,
 * exactly once per transaction version (shared/rules/suggest.ts). Logs carry ids and outcomes only.
 */
import { eventConsumer } from '../../shared/app/consumer';
import { documentClient } from '../../shared/kit/aws/document-client';
import { requireEnv } from '../../shared/kit/config';
import { logger } from '../../shared/kit/observability';
import { ruleSuggester } from '../../shared/rules/consumers';
import { createRuleSuggester } from '../../shared/rules/suggest';

/** The events its declaration (and so its rule) routes here. */
export const acceptedDetailTypes = ruleSuggester.events;

const suggester = createRuleSuggester({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = eventConsumer(ruleSuggester, async ({ detail }) => {
  const outcome = await suggester.onUpdated(detail.userId, detail.version, detail.data, detail.previous);
  logger.debug('Re-categorisation counted', { userId: detail.userId, entityId: detail.id, outcome });
});
