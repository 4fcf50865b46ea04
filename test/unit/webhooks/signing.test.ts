/**
 * Deliveries are signed per Standard Webhooks: the library's own verifier (what a receiver runs)
 * accepts them with the webhook's secret, refuses them with another or with a changed body, and
 * during a rotation accepts them with the old secret and with the new one.
 */

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { keyRingFrom, seal } from '../../../shared/webhooks/secret-box';
import {
  newSigningSecret,
  ROTATION_OVERLAP_MS,
  rotated,
  signatureHeaders,
  signingSecrets,
} from '../../../shared/webhooks/signing';

const body = JSON.stringify({ type: 'TransactionCreated', timestamp: '2026-12-07T10:00:00.000Z', data: { id: 't1' } });

test('a secret is whsec_ and 32 random bytes, different every time', () => {
  const secret = newSigningSecret();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
  expect(newSigningSecret()).not.toBe(secret);
});

test("the library's verifier accepts a signed delivery with the secret, and nothing else", () => {
  const secret = newSigningSecret();
  const now = new Date();
  const headers = signatureHeaders([secret], 'msg_1', now, body);
  expect(headers['webhook-id']).toBe('msg_1');
  expect(headers['webhook-timestamp']).toBe(String(Math.floor(now.getTime() / 1000)));
  expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
  expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  expect(() => new Webhook(newSigningSecret()).verify(body, { ...headers })).toThrow(WebhookVerificationError);
  expect(() => new Webhook(secret).verify(`${body} `, { ...headers })).toThrow(WebhookVerificationError);
  expect(() => new Webhook(secret).verify(body, { ...headers, 'webhook-id': 'msg_2' })).toThrow(
    WebhookVerificationError,
  );
});

const keyRing = keyRingFrom(JSON.stringify({ current: 'k1', k1: randomBytes(32).toString('base64') }));
const owner = { userId: 'user-1', webhookId: 'wh1' };

test('during a rotation both secrets sign; after the overlap only the new one', () => {
  const created = new Date('2026-12-01T00:00:00Z');
  const old = newSigningSecret();
  const rotatedAt = new Date('2026-12-07T10:00:00Z');
  const fresh = newSigningSecret();
  const secrets = rotated(
    [{ sealed: seal(keyRing, old, owner), createdAt: created.toISOString(), retiresAt: null }],
    seal(keyRing, fresh, owner),
    rotatedAt,
  );
  const webhook = { webhookId: owner.webhookId, secrets };
  expect(secrets[1]?.retiresAt).toBe(new Date(rotatedAt.getTime() + ROTATION_OVERLAP_MS).toISOString());

  const during = new Date(rotatedAt.getTime() + 60_000);
  expect(signingSecrets(keyRing, owner.userId, webhook, during)).toEqual([fresh, old]);
  const headers = signatureHeaders(signingSecrets(keyRing, owner.userId, webhook, during), 'msg_1', during, body);
  expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
  // The verifier checks its clock against the timestamp: verify at the signing instant.
  jest.useFakeTimers({ now: during });
  try {
    expect(new Webhook(old).verify(body, { ...headers })).toBeTruthy();
    expect(new Webhook(fresh).verify(body, { ...headers })).toBeTruthy();
  } finally {
    jest.useRealTimers();
  }

  const after = new Date(rotatedAt.getTime() + ROTATION_OVERLAP_MS + 1);
  expect(signingSecrets(keyRing, owner.userId, webhook, after)).toEqual([fresh]);
  // A second rotation keeps only the current secret as the one retiring: never three at once.
  const newest = newSigningSecret();
  const again = rotated(secrets, seal(keyRing, newest, owner), during);
  expect(signingSecrets(keyRing, owner.userId, { ...webhook, secrets: again }, during)).toEqual([newest, fresh]);
});

test('the library-free verification in docs/security.md accepts both signatures of a rotation, and nothing else', () => {
  // The snippet of docs/security.md, as a receiver would paste it.
  function verify(secret: string, headers: Record<string, string>, payload: string): boolean {
    const id = headers['webhook-id'];
    const timestamp = headers['webhook-timestamp'];
    if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${payload}`).digest();
    return (headers['webhook-signature'] ?? '').split(' ').some((entry) => {
      const [version, signature] = entry.split(',');
      const given = Buffer.from(signature ?? '', 'base64');
      return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
    });
  }
  const old = newSigningSecret();
  const fresh = newSigningSecret();
  const headers = { ...signatureHeaders([fresh, old], 'msg_1', new Date(), body) };
  expect(verify(old, headers, body)).toBe(true);
  expect(verify(fresh, headers, body)).toBe(true);
  expect(verify(newSigningSecret(), headers, body)).toBe(false);
  expect(verify(fresh, headers, `${body} `)).toBe(false);
  const stale = { ...signatureHeaders([fresh], 'msg_1', new Date(Date.now() - 600_000), body) };
  expect(verify(fresh, stale, body)).toBe(false);
});
