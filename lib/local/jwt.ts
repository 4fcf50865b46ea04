/**
 * The local gateway's JWT authorizer, with API Gateway HTTP API semantics: signature against the
 * issuer's JWKS, issuer, expiry, then audience (`aud`, or `client_id` when there is no `aud`), then
 * the route's required scope. Refusals carry the status and `www-authenticate` header API Gateway
 * would answer with, so clients see the same thing locally and on AWS.
 */
import { JwtRsaVerifier } from 'aws-jwt-verify';
import {
  JwtExpiredError,
  JwtInvalidIssuerError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  JwtParseError,
} from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';

type AccessTokenVerifierOptions = {
  issuer: string;
  jwksUri: string;
  /** The app client id: the token's `aud` (ID tokens) or `client_id` (access tokens) must equal it. */
  audience: string;
  /** A scope the token's space-separated `scope` claim must contain. */
  requiredScope: string;
};

/** Why a request was refused before reaching the function: 401 (no valid token) or 403 (scope). */
export class TokenRefused extends Error {
  constructor(
    readonly status: 401 | 403,
    readonly wwwAuthenticate: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'TokenRefused';
  }
}

function invalidToken(description: string): TokenRefused {
  return new TokenRefused(401, `Bearer scope="" error="invalid_token" error_description="${description}"`, description);
}

export function missingToken(): TokenRefused {
  return new TokenRefused(401, 'Bearer', 'no token');
}

function insufficientScope(requiredScope: string): TokenRefused {
  return new TokenRefused(
    403,
    `Bearer scope="${requiredScope}" error="insufficient_scope" error_description="expected scopes: [${requiredScope}]"`,
    'insufficient scope',
  );
}

/** API Gateway accepts the identity source as `Bearer <token>` or as the bare token. */
export function tokenFromAuthorizationHeader(header: string | undefined): string | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(value);
  if (match) return match[1];
  return /\s/.test(value) ? undefined : value;
}

// aws-jwt-verify fetches over https only; the local issuer (cognito-local) speaks plain http.
const httpFetcher: Fetcher = {
  async fetch(uri) {
    const response = await fetch(uri, { signal: AbortSignal.timeout(3000) });
    if (response.status !== 200) throw new Error(`JWKS fetch ${uri} answered ${response.status}`);
    return response.arrayBuffer();
  },
};

function describe(error: unknown): string {
  if (error instanceof JwtExpiredError) return 'the token has expired';
  if (error instanceof JwtNotBeforeError) return 'the token is not valid yet';
  if (error instanceof JwtInvalidIssuerError) return 'the token does not have a valid issuer';
  if (error instanceof JwtInvalidSignatureAlgorithmError) return 'the token signing method is invalid';
  if (error instanceof JwtInvalidSignatureError) return 'the token signature is invalid';
  if (error instanceof JwtParseError) return 'the token is malformed';
  return 'the token could not be verified';
}

function audienceMatches(payload: Record<string, unknown>, audience: string): boolean {
  // HTTP API evaluates `aud` when present and falls back to `client_id` only when it is absent.
  const aud = payload.aud;
  if (aud !== undefined) return Array.isArray(aud) ? aud.includes(audience) : aud === audience;
  return payload.client_id === audience;
}

function scopesOf(payload: Record<string, unknown>): string[] {
  return typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
}

/** Resolves with the verified claims; rejects with a TokenRefused. */
export function createAccessTokenVerifier(
  options: AccessTokenVerifierOptions,
): (token: string) => Promise<Record<string, unknown>> {
  const verifier = JwtRsaVerifier.create(
    { issuer: options.issuer, audience: null, jwksUri: options.jwksUri },
    { jwksCache: new SimpleJwksCache({ fetcher: httpFetcher }) },
  );
  return async (token) => {
    let payload: Record<string, unknown>;
    try {
      payload = (await verifier.verify(token)) as Record<string, unknown>;
    } catch (error) {
      throw invalidToken(describe(error));
    }
    if (!audienceMatches(payload, options.audience)) throw invalidToken('the token does not have a valid audience');
    if (!scopesOf(payload).includes(options.requiredScope)) throw insufficientScope(options.requiredScope);
    return payload;
  };
}
