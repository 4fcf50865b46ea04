/**
 * What makes a credential count: the per-user session state (the "valid after" instant and the
 * sessions ended one by one) and the personal API tokens. Neither is a domain item: they never
 * reach the bus. Both live outside the user's partition (`USER#<sub>`), so the erasure of a deleted
 * account cannot remove the record that refuses its old tokens.
 */
import type { Key } from '../kit/dynamodb/keys';

export const SESSION_STATE_TYPE = 'SESSION_STATE';
export const API_TOKEN_TYPE = 'API_TOKEN';

/** One item per user: read by the authorizer with one GetItem per uncached request. */
export const sessionStateKey = (userId: string): Key => ({ pk: `SESSION#${userId}`, sk: 'STATE' });

/** A personal API token, keyed by the SHA-256 of its secret: the authorizer finds it with one GetItem. */
export const apiTokenKey = (secretHash: string): Key => ({ pk: `APITOKEN#${secretHash}`, sk: 'APITOKEN' });

/** A user's tokens, listed from gsi1 (newest last). */
export const apiTokensOfUser = (userId: string): string => `USER#${userId}#APITOKEN`;

export type SessionState = {
  /** Epoch seconds: an access token issued (`iat`) before it is refused. 0: none. */
  validAfter: number;
  /** origin_jti → epoch seconds until which it is refused (the latest expiry of its access tokens). */
  revoked: Record<string, number>;
};

export const apiTokenScopes = ['read', 'write'] as const;
export type ApiTokenScope = (typeof apiTokenScopes)[number];

export type ApiToken = {
  tokenId: string;
  userId: string;
  name: string;
  scopes: ApiTokenScope[];
  createdAt: string;
  /** ISO instant, or null: never expires. */
  expiresAt: string | null;
  lastUsedAt: string | null;
};
