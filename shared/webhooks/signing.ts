/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): each request carries
 * `webhook-id` (the delivery's id, the same on every attempt), `webhook-timestamp` (seconds) and
 * `webhook-signature`, `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">` once per active
 * secret, space-separated: during a rotation both the new and the old secret sign, so a receiver
 * that still holds the old one keeps verifying.
 *
 * A user may bring their own secret instead of a generated one (`secret` on creation, checked in
 * ./schemas.ts): the same `whsec_` form, 24 to 64 bytes, that the Standard Webhooks libraries read.
 */
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { SigningSecret, WebhookItem } from './items';
import { type KeyRing, open } from './secret-box';

/** How long a rotated-out secret keeps signing next to its successor. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** 32 random bytes, in the `whsec_<base64>` form the Standard Webhooks libraries read. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The sealed secrets that still sign at `now`: the current one, and a predecessor still in its overlap. */
export function activeSecrets(secrets: readonly SigningSecret[], now: Date): string[] {
  return secrets
    .filter((entry) => entry.retiresAt === null || Date.parse(entry.retiresAt) > now.getTime())
    .map((entry) => entry.sealed);
}

/** The secrets that sign a request to one webhook at `now`, opened with the deployment's key ring. */
export function signingSecrets(
  ring: KeyRing,
  userId: string,
  webhook: Pick<WebhookItem, 'webhookId' | 'secrets'>,
  now: Date,
): string[] {
  return activeSecrets(webhook.secrets, now).map((sealed) =>
    open(ring, sealed, { userId, webhookId: webhook.webhookId }),
  );
}

/**
 * The new list after a rotation: the new (sealed) secret first, the current one retiring after the
 * overlap; an older predecessor still in its overlap stops at once.
 */
export function rotated(secrets: readonly SigningSecret[], sealed: string, now: Date): SigningSecret[] {
  const retiresAt = new Date(now.getTime() + ROTATION_OVERLAP_MS).toISOString();
  const current = secrets.find((entry) => entry.retiresAt === null);
  return [{ sealed, createdAt: now.toISOString(), retiresAt: null }, ...(current ? [{ ...current, retiresAt }] : [])];
}

export type SignatureHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

export function signatureHeaders(
  secrets: readonly string[],
  messageId: string,
  timestamp: Date,
  payload: string,
): SignatureHeaders {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(messageId, timestamp, payload)).join(' '),
  };
}
