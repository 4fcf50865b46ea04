/** The change feed's event consumer (see ConsumerDeclaration in shared/kit/events/consumer.ts). */
import { defineConsumer } from '../kit/events/consumer';
import { changeFeedEvents } from './catalogue';

export const changeFeedWriter = defineConsumer({
  function: 'change-feed-writer',
  entry: 'functions/events/change-feed-writer.ts',
  functionDescription: "Writes each change of a user's entities as the next entry of their change feed",
  events: changeFeedEvents,
  rule: { id: 'change-feed', description: 'Changes of the entities the change feed covers' },
  grants: { table: 'readWrite' },
  // Shorter than the eraser's window (ADMITTED_REQUEST_WINDOW_MS): an entry whose profile check
  // passed just before an erasure lands before the eraser's last pass (./store.ts).
  timeoutSeconds: 10,
});

export const changesConsumers = [changeFeedWriter] as const;
