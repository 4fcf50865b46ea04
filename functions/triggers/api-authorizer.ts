/**
 * The HTTP API's Lambda authorizer (payload 2.0, simple responses): verifies the Cognito access
 * token or finds the personal API token, and refuses ended sessions (shared/sessions/authorize.ts).
 * API Gateway caches its answer per Authorization header for the authorizer's TTL (lib/constructs/api.ts).
 */
import { documentClient } from '../../shared/kit/aws/document-client';
import { requireEnv } from '../../shared/kit/config';
import { logger } from '../../shared/kit/observability';
import { createAccessTokenVerifier } from '../../shared/sessions/access-tokens';
import { type AuthorizerEvent, type AuthorizerResult, createAuthorizer } from '../../shared/sessions/authorize';
import { createSessionStore } from '../../shared/sessions/store';

const authorize = createAuthorizer({
  verifyAccessToken: createAccessTokenVerifier({
    issuer: requireEnv('JWT_ISSUER'),
    clientId: requireEnv('USER_POOL_CLIENT_ID'),
  }),
  store: createSessionStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') }),
  onRefused: (reason) => logger.info('Request refused by the authorizer', { reason }),
});

export async function handler(event: AuthorizerEvent): Promise<AuthorizerResult> {
  return authorize(event);
}
