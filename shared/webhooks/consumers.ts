/** The webhooks feature's event consumers (see ConsumerDeclaration in shared/kit/events/consumer.ts). */
import { defineConsumer } from '../kit/events/consumer';
import { webhookEvents } from './catalogue';

export const webhookDispatcher = defineConsumer({
  function: 'webhook-dispatcher',
  entry: 'functions/events/webhook-dispatcher.ts',
  functionDescription: "Delivers a user's events to their webhooks, signed, retried for a day",
  events: webhookEvents,
  rule: { id: 'deliver-webhooks', description: 'Events a user may subscribe a webhook to' },
  grants: { table: 'readWrite', webhooks: true, webhookKeys: true },
  // Each webhook's attempt waits 5 s at most, and they run side by side.
  timeoutSeconds: 30,
});

export const webhooksConsumers = [webhookDispatcher] as const;
