/**
 * The API's Lambda authorizer (HTTP API, payload 2.0, simple responses): who is calling, and may
 * they. A Cognito access token is verified (signature against the issuer's JWKS, issuer, expiry,
 * `token_use: access`, the app client's `client_id`, the required scope), then refused when its
 * session was ended: issued before the user's "valid after" instant (logout-all, account
 * deletion), or its `origin_jti` revoked by a single logout. A personal API token (`mnt_…`) is
 * found by the SHA-256 of its secret (one GetItem) and refused once expired or deleted.
 *
 * The context is the contract handlers read (`requestContext.authorizer.lambda`). An accepted
 * credential's: `sub`, `principal` (`session` | `token`), `scopes` (space-separated), and
 * `sessionId` (the access token's origin_jti) or `tokenId`. What a token may reach (its scopes, the
 * routes that refuse tokens) is enforced by the handler kit, which knows the route's declaration.
 *
 * A refused credential is let through too, with `refused` (why) and no principal: an HTTP API
 * answers a simple response's `isAuthorized: false` with `403 {"message":"Forbidden"}` and cannot be
 * told otherwise, while the contract is a 401 problem, which clients take as "refresh or sign in
 * again". The handler kit answers it before anything else (shared/kit/http/api-handler.ts).
 */
import type { ApiTokenScope } from './items';
import { hashApiTokenSecret, isApiTokenSecret } from './secrets';
import { LAST_USED_RESOLUTION_MS, type SessionStore } from './store';

export type AuthorizerEvent = {
  type?: string;
  routeArn?: string;
  identitySource?: string[] | null;
  headers?: Record<string, string | undefined>;
};

/** The context of an accepted credential. */
export type PrincipalContext = {
  sub: string;
  principal: 'session' | 'token';
  scopes: string;
  sessionId?: string;
  tokenId?: string;
};

/** Why a credential was refused (logged, and passed to the handler kit; never shown to the caller). */
export type RefusalReason =
  | 'no-token'
  | 'invalid-token'
  | 'signed-out'
  | 'session-ended'
  | 'unknown-token'
  | 'expired-token';

/** The context of a refused credential: the handler kit answers 401 to it and runs nothing else. */
export type RefusedContext = { refused: RefusalReason };

export type AuthorizerContext = PrincipalContext | RefusedContext;

export type AuthorizerResult = { isAuthorized: true; context: AuthorizerContext };

/** Verified claims of a Cognito access token; rejects when the token is not one of ours. */
export type AccessTokenVerifier = (token: string) => Promise<Record<string, unknown>>;

export type AuthorizerDeps = {
  verifyAccessToken: AccessTokenVerifier;
  store: Pick<SessionStore, 'readState' | 'findToken' | 'touchToken'>;
  now?: () => Date;
  /** Told why a request was refused (a reason, never the token). */
  onRefused?: (reason: RefusalReason) => void;
};

const SESSION_SCOPES = 'read write';

/** `Bearer <token>` or the bare token, as API Gateway accepts an identity source. */
export function credentialOf(event: AuthorizerEvent): string | undefined {
  const value = (event.identitySource?.[0] ?? event.headers?.authorization ?? '').trim();
  if (!value) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(value);
  if (match) return match[1];
  return /\s/.test(value) ? undefined : value;
}

export function createAuthorizer(deps: AuthorizerDeps): (event: AuthorizerEvent) => Promise<AuthorizerResult> {
  const now = deps.now ?? (() => new Date());
  const refuse = (reason: RefusalReason): AuthorizerResult => {
    deps.onRefused?.(reason);
    return { isAuthorized: true, context: { refused: reason } };
  };

  async function session(token: string): Promise<AuthorizerResult> {
    let claims: Record<string, unknown>;
    try {
      claims = await deps.verifyAccessToken(token);
    } catch {
      return refuse('invalid-token');
    }
    const sub = claims.sub;
    const iat = claims.iat;
    // The session: every access token issued at sign-in or refreshed from it carries the same origin_jti.
    const sessionId =
      typeof claims.origin_jti === 'string'
        ? claims.origin_jti
        : typeof claims.jti === 'string'
          ? claims.jti
          : undefined;
    if (typeof sub !== 'string' || sub === '' || typeof iat !== 'number') return refuse('invalid-token');
    const state = await deps.store.readState(sub);
    if (iat < state.validAfter) return refuse('signed-out');
    if (sessionId && (state.revoked[sessionId] ?? 0) > Math.floor(now().getTime() / 1000)) {
      return refuse('session-ended');
    }
    return {
      isAuthorized: true,
      context: { sub, principal: 'session', scopes: SESSION_SCOPES, ...(sessionId ? { sessionId } : {}) },
    };
  }

  async function apiToken(secret: string): Promise<AuthorizerResult> {
    const secretHash = hashApiTokenSecret(secret);
    const token = await deps.store.findToken(secretHash);
    if (!token) return refuse('unknown-token');
    const at = now();
    if (token.expiresAt && Date.parse(token.expiresAt) <= at.getTime()) return refuse('expired-token');
    if (!token.lastUsedAt || Date.parse(token.lastUsedAt) <= at.getTime() - LAST_USED_RESOLUTION_MS) {
      await deps.store.touchToken(secretHash, at);
    }
    const scopes: ApiTokenScope[] = token.scopes;
    return {
      isAuthorized: true,
      context: { sub: token.userId, principal: 'token', scopes: scopes.join(' '), tokenId: token.tokenId },
    };
  }

  return async (event) => {
    const credential = credentialOf(event);
    if (!credential) return refuse('no-token');
    if (credential.startsWith('mnt_')) {
      return isApiTokenSecret(credential) ? apiToken(credential) : refuse('unknown-token');
    }
    return session(credential);
  };
}
