/**
 * The events a webhook may subscribe to, and what each delivery carries. Only changes of the
 * user's own entities that the API shows, each rendered with the view its routes return, so a
 * receiver sees the same fields as `GET` would: created and updated carry the entity as it is now,
 * deleted as it was. The body follows Standard Webhooks' shape, `{type, timestamp, data}`.
 */
import { toAccountView } from '../accounts/public';
import { toBudgetView } from '../budgets/public';
import { toCategoryView } from '../categories/public';
import { toTransactionView } from '../transactions/public';

type View = (item: never) => unknown;

const entities = {
  Transaction: toTransactionView,
  Account: toAccountView,
  Category: toCategoryView,
  Budget: toBudgetView,
} satisfies Record<string, View>;

const changes = ['Created', 'Updated', 'Deleted'] as const;

export const webhookEvents = Object.keys(entities).flatMap((entity) =>
  changes.map((change) => `${entity}${change}`),
) as readonly `${keyof typeof entities}${(typeof changes)[number]}`[];
export type WebhookEvent = (typeof webhookEvents)[number];

export const isWebhookEvent = (name: string): name is WebhookEvent =>
  (webhookEvents as readonly string[]).includes(name);

/** A body may not exceed this; a larger one is sent as its id only, marked `truncated`. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;

/** The parts of an event detail a payload is made of. */
export type PayloadSource = {
  detailType: WebhookEvent;
  id: string;
  occurredAt: string;
  data?: unknown;
  previous?: unknown;
};

/** The body of the delivery of one event, exactly the bytes that are signed and stored. */
export function payloadOf(source: PayloadSource): string {
  const entity = source.detailType.replace(/(Created|Updated|Deleted)$/, '') as keyof typeof entities;
  const item = source.detailType.endsWith('Deleted') ? source.previous : source.data;
  const view = (entities[entity] as View)(item as never);
  const body = JSON.stringify({ type: source.detailType, timestamp: source.occurredAt, data: view });
  if (Buffer.byteLength(body) <= MAX_PAYLOAD_BYTES) return body;
  return JSON.stringify({
    type: source.detailType,
    timestamp: source.occurredAt,
    data: { id: source.id },
    truncated: true,
  });
}

/** The ping's body: no entity, so a receiver can tell it apart. */
export function pingPayload(now: Date): string {
  return JSON.stringify({ type: 'WebhookPing', timestamp: now.toISOString(), data: {} });
}
