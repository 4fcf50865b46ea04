/**
 * Personal API token secrets: `mnt_` and 32 random bytes in base64url (256 bits), shown once. Only
 * their SHA-256 is stored: a leaked table cannot be replayed, and a fast hash is enough for a
 * random secret of that length (no dictionary to guess from).
 */
import { createHash, randomBytes } from 'node:crypto';

export const API_TOKEN_PREFIX = 'mnt_';
const SECRET_PATTERN = /^mnt_[A-Za-z0-9_-]{43}$/;

export function newApiTokenSecret(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function isApiTokenSecret(value: string): boolean {
  return SECRET_PATTERN.test(value);
}

export function hashApiTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
