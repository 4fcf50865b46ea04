/**
 * Tokens the gateway must refuse: expired ones signed with the local Cognito's real key, and
 * forged ones signed with a stranger's key under the same `kid`. Built with node:crypto (RS256).
 */
import { createPrivateKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Jwt = { header: Record<string, unknown>; payload: Record<string, unknown> };

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function decodeJwt(token: string): Jwt {
  const [header, payload] = token.split('.');
  if (!header || !payload) throw new Error('Not a JWT');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')),
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
  };
}

export function signJwt({ header, payload }: Jwt, key: KeyObject): string {
  const input = `${base64url({ ...header, alg: 'RS256', typ: 'JWT' })}.${base64url(payload)}`;
  return `${input}.${sign('RSA-SHA256', Buffer.from(input), key).toString('base64url')}`;
}

/** cognito-local signs every token with this published key (kid "CognitoLocal"). */
export function cognitoLocalSigningKey(): KeyObject {
  const file = join(process.cwd(), 'node_modules', 'cognito-local', 'lib', 'keys', 'cognitoLocal.private.json');
  const { pem } = JSON.parse(readFileSync(file, 'utf8')) as { pem: string };
  return createPrivateKey(pem);
}

/** The same claims, re-signed by the issuer's own key, but issued and expired an hour ago. */
export function expiredCopy(token: string, key: KeyObject): string {
  const { header, payload } = decodeJwt(token);
  const now = Math.floor(Date.now() / 1000);
  return signJwt({ header, payload: { ...payload, iat: now - 7200, auth_time: now - 7200, exp: now - 3600 } }, key);
}

/** The same header (kid included) and claims, signed with a freshly generated RSA key. */
export function forgedCopy(token: string): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return signJwt(decodeJwt(token), privateKey);
}
