/** The events webhooks' items become (see shared/kit/events/domain-events.ts): only the disabling fact. */
import { created, type ItemEvents } from '../kit/events/domain-events';
import * as z from '../kit/schema';
import { WebhookDisabledEntity, webhookDisabledItem } from './items';

export const webhooksItemEvents = {
  /** Written once per disabling, never changed. Webhooks and deliveries themselves are not events. */
  [WebhookDisabledEntity.type]: { idAttribute: 'factId', INSERT: 'WebhookDisabled' },
} as const satisfies Record<string, ItemEvents>;

export const webhooksEvents = {
  WebhookDisabled: z.lazily(() => created(webhookDisabledItem())),
};
