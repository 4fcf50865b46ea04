/**
 * Signing secrets are stored sealed (AES-256-GCM under the deployment's webhook key): the stored
 * form holds nothing of the secret, opens with the key ring only for the webhook it belongs to,
 * keeps opening after the deployment moves to a new key, and a malformed key secret is refused.
 */
import { randomBytes } from 'node:crypto';
import { keyRingFrom, open, seal } from '../../../shared/webhooks/secret-box';
import { newSigningSecret } from '../../../shared/webhooks/signing';

const material = () => randomBytes(32).toString('base64');
const owner = { userId: 'user-1', webhookId: 'wh1' };

test('a sealed secret holds nothing of it and opens to it', () => {
  const ring = keyRingFrom(JSON.stringify({ current: 'k1', k1: material() }));
  const secret = newSigningSecret();
  const sealed = seal(ring, secret, owner);
  expect(sealed).toMatch(/^v1\.k1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(sealed).not.toContain(secret.slice('whsec_'.length, 20));
  expect(open(ring, sealed, owner)).toBe(secret);
  // A fresh IV each time: the same secret never seals to the same text.
  expect(seal(ring, secret, owner)).not.toBe(sealed);
});

test('it does not open for another webhook, with another key, or once altered', () => {
  const ring = keyRingFrom(JSON.stringify({ current: 'k1', k1: material() }));
  const sealed = seal(ring, newSigningSecret(), owner);
  expect(() => open(ring, sealed, { ...owner, webhookId: 'wh2' })).toThrow();
  expect(() => open(ring, sealed, { ...owner, userId: 'user-2' })).toThrow();
  expect(() => open(keyRingFrom(JSON.stringify({ current: 'k1', k1: material() })), sealed, owner)).toThrow();
  const parts = sealed.split('.');
  parts[3] = Buffer.from(`x${Buffer.from(parts[3]!, 'base64url').toString('latin1')}`, 'latin1').toString('base64url');
  expect(() => open(ring, parts.join('.'), owner)).toThrow();
});

test('after a key rotation new secrets seal under the new key and old ones still open', () => {
  const k1 = material();
  const before = keyRingFrom(JSON.stringify({ current: 'k1', k1 }));
  const secret = newSigningSecret();
  const old = seal(before, secret, owner);
  const after = keyRingFrom(JSON.stringify({ current: 'k2', k1, k2: material() }));
  expect(open(after, old, owner)).toBe(secret);
  expect(seal(after, secret, owner)).toMatch(/^v1\.k2\./);
  // A key dropped from the secret no longer opens what it sealed.
  expect(() => open(keyRingFrom(JSON.stringify({ current: 'k2', k2: material() })), old, owner)).toThrow(/k1/);
});

test('a malformed key secret is refused without repeating its material', () => {
  expect(() => keyRingFrom('not json')).toThrow('not JSON');
  expect(() => keyRingFrom(JSON.stringify({ k1: material() }))).toThrow('current');
  expect(() => keyRingFrom(JSON.stringify({ current: 'k1', k1: 'short' }))).toThrow(/k1 is shorter/);
});
