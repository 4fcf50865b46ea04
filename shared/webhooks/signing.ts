/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): each request carries
 * `webhook-id` (the delivery's id, the same on every attempt), `webhook-timestamp` (seconds) and
 * `webhook-signature`, `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">` once per active
 * secret, space-separated: during a rotation both the new and the old secret sign, so a receiver
 * that still holds the old one keeps verifying.
 */
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { SigningSecret } from './items';

/** How long a rotated-out secret keeps signing next to its successor. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** 32 random bytes, in the `whsec_<base64>` form the Standard Webhooks libraries read. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The secrets that still sign at `now`: the current one, and a predecessor still in its overlap. */
export function activeSecrets(secrets: readonly SigningSecret[], now: Date): string[] {
  return secrets
    .filter((entry) => entry.retiresAt === null || Date.parse(entry.retiresAt) > now.getTime())
    .map((entry) => entry.secret);
}

/** The new list after a rotation: the new secret first, the current one retiring after the overlap. */
export function rotated(secrets: readonly SigningSecret[], secret: string, now: Date): SigningSecret[] {
  const retiresAt = new Date(now.getTime() + ROTATION_OVERLAP_MS).toISOString();
  const current = secrets.find((entry) => entry.retiresAt === null);
  return [{ secret, createdAt: now.toISOString(), retiresAt: null }, ...(current ? [{ ...current, retiresAt }] : [])];
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
