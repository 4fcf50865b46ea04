/**
 * A webhook was disabled after repeated failed deliveries (kind `webhookDisabled`): which one, since
 * when it failed, and how to turn it back on.
 */
import type { WebhookDisabledItem } from '../../webhooks/public';
import { type EmailContent, type RenderedEmail, renderEmail } from './email';
import { oneLine } from './format';
import { alertFooter } from './settings-footer';

type WebhookDisabledInput = Pick<
  WebhookDisabledItem,
  'webhookId' | 'url' | 'description' | 'consecutiveFailures' | 'failingSince' | 'disabledAt'
>;

export function webhookDisabledEmail(fact: WebhookDisabledInput, appName: string): RenderedEmail {
  const name = fact.description ? oneLine(fact.description) : fact.url;
  const content: EmailContent = {
    subject: `Webhook disabled: ${oneLine(name)}`,
    preheader: `${fact.consecutiveFailures} deliveries in a row failed; nothing more is sent until you enable it again.`,
    blocks: [
      {
        paragraph: [
          `${appName} stopped delivering events to your webhook ${fact.url} after repeated failed deliveries. Deliveries that failed are in its log; once the receiver works, turn the webhook back on with `,
          { code: `PATCH /v1/webhooks/${fact.webhookId} {"enabled": true}` },
          ' and redeliver what it missed.',
        ],
      },
      {
        facts: [
          ['Webhook', fact.url],
          ['Failed deliveries in a row', String(fact.consecutiveFailures)],
          ['Failing since', fact.failingSince ?? fact.disabledAt],
          ['Disabled at', fact.disabledAt],
        ],
      },
    ],
    footer: alertFooter(appName, 'webhook emails', 'webhookDisabled'),
  };
  return renderEmail(content);
}
