/**
 * Webhook signing secrets are stored sealed: AES-256-GCM (node:crypto) under a key the deployment
 * holds outside the table, in the webhook key ring: a Parameter Store SecureString
 * (WEBHOOK_KEYS_PARAMETER), encrypted at rest with the AWS-managed key `alias/aws/ssm`. A copy of
 * the table (a backup, an export, a read grant) holds no usable secret.
 *
 * The parameter's value is a JSON object: `current` names the key id that seals, every other field is
 * a key id and its key material (any string of 32 characters or more; the AES key is derived from
 * it with HKDF-SHA-256). Rotating the key: add a new id with fresh material and make it `current`;
 * what was sealed under an older id still opens as long as that id stays in the ring, and each
 * webhook is sealed under the new key at its next secret rotation.
 *
 * A sealed value is `v1.<key id>.<iv>.<ciphertext>.<tag>` (base64url parts). It is bound to the
 * webhook it belongs to (the additional authenticated data is the user and webhook ids): a sealed
 * value copied to another item does not open.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { ssmClient } from '../kit/aws/clients';

export type KeyRing = { current: string; keys: ReadonlyMap<string, Buffer> };

const VERSION = 'v1';
const MIN_MATERIAL_LENGTH = 32;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

function deriveKey(material: string): Buffer {
  return Buffer.from(hkdfSync('sha256', material, '', 'moneta webhook signing secrets', 32));
}

/** The key ring from the parameter's JSON value; throws (naming no key material) when it is malformed. */
export function keyRingFrom(value: string): KeyRing {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new Error('The webhook key ring is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null) throw new Error('The webhook key ring is not an object');
  const { current, ...rest } = parsed as Record<string, unknown>;
  const keys = new Map<string, Buffer>();
  for (const [id, material] of Object.entries(rest)) {
    if (!KEY_ID.test(id)) continue;
    if (typeof material !== 'string' || material.length < MIN_MATERIAL_LENGTH) {
      throw new Error(`Webhook key ${id} is shorter than ${MIN_MATERIAL_LENGTH} characters`);
    }
    keys.set(id, deriveKey(material));
  }
  if (typeof current !== 'string' || !keys.has(current)) {
    throw new Error('The webhook key ring has no key named by `current`');
  }
  return { current, keys };
}

const aadOf = (userId: string, webhookId: string) => Buffer.from(`${userId}#${webhookId}`);

/** Seals a signing secret of one webhook under the ring's current key. */
export function seal(ring: KeyRing, plaintext: string, owner: { userId: string; webhookId: string }): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', ring.keys.get(ring.current)!, iv);
  cipher.setAAD(aadOf(owner.userId, owner.webhookId));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, ring.current, iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Opens a sealed secret; throws when the key id is unknown or the value was altered or moved. */
export function open(ring: KeyRing, sealed: string, owner: { userId: string; webhookId: string }): string {
  const [version, keyId, iv, ciphertext, tag, ...extra] = sealed.split('.');
  if (version !== VERSION || !keyId || !iv || ciphertext === undefined || !tag || extra.length > 0) {
    throw new Error('Not a sealed webhook secret');
  }
  const key = ring.keys.get(keyId);
  if (!key) throw new Error(`Webhook key ${keyId} is not in the webhook key ring`);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(aadOf(owner.userId, owner.webhookId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}

let cached: Promise<KeyRing> | undefined;

/** The deployment's key ring, read once per environment (WEBHOOK_KEYS_PARAMETER). */
export function webhookKeyRing(env: NodeJS.ProcessEnv = process.env): Promise<KeyRing> {
  cached ??= load(env).catch((error: unknown) => {
    // Not kept: a transient failure must not poison the environment.
    cached = undefined;
    throw error;
  });
  return cached;
}

async function load(env: NodeJS.ProcessEnv): Promise<KeyRing> {
  const name = env.WEBHOOK_KEYS_PARAMETER;
  if (!name) throw new Error('Missing environment variable WEBHOOK_KEYS_PARAMETER');
  const { Parameter } = await ssmClient().send(new GetParameterCommand({ Name: name, WithDecryption: true }));
  return keyRingFrom(Parameter?.Value ?? '');
}

/** For tests: forget the ring read. */
export function forgetWebhookKeyRing(): void {
  cached = undefined;
}
