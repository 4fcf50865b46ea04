/**
 * Verification of Cognito access tokens with aws-jwt-verify: signature against the issuer's JWKS,
 * issuer, expiry, `token_use: access`, the app client's `client_id` and the required scope. The
 * issuer comes from the function's settings (JWT_ISSUER): the stack sets the pool's (or the
 * deployment's `jwtIssuer`), the local cloud its own. Keys are fetched from `<issuer>/.well-known/jwks.json`
 * with fetch, which takes the http issuer of the local cloud as well as https, and cached for the
 * life of the execution environment (a key not yet seen is fetched again, as aws-jwt-verify does).
 */
import { JwtRsaVerifier } from 'aws-jwt-verify';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { REQUIRED_SCOPE } from '../kit/http/operation';
import type { AccessTokenVerifier } from './authorize';

const fetcher: Fetcher = {
  async fetch(uri) {
    const response = await fetch(uri, { signal: AbortSignal.timeout(3000) });
    if (response.status !== 200) throw new Error(`JWKS fetch answered ${response.status}`);
    return response.arrayBuffer();
  },
};

export function createAccessTokenVerifier(options: { issuer: string; clientId: string }): AccessTokenVerifier {
  const issuer = options.issuer.replace(/\/+$/, '');
  const verifier = JwtRsaVerifier.create(
    {
      issuer,
      audience: null,
      jwksUri: `${issuer}/.well-known/jwks.json`,
      customJwtCheck: ({ payload }) => {
        if (payload.token_use !== 'access') throw new Error('not an access token');
        if (payload.client_id !== options.clientId) throw new Error('another app client');
        const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
        if (!scopes.includes(REQUIRED_SCOPE)) throw new Error('missing scope');
      },
    },
    { jwksCache: new SimpleJwksCache({ fetcher }) },
  );
  return async (token) => (await verifier.verify(token)) as Record<string, unknown>;
}
