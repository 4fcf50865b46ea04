/**
 * POST /v1/auth/logout: ends the caller's session. Its origin_jti is refused from now on, so every
 * access token of this sign-in (and those refreshed from it) stops working within the authorizer's
 * cache window; the refresh token, when sent, is revoked at Cognito so it makes no new ones.
 * Idempotent: a token that is already revoked or unknown is logged out all the same.
 */
import { RevokeTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoErrors, handleCognitoError } from '../../../shared/identity/cognito-errors';
import { authLogout } from '../../../shared/identity/operations';
import { cognitoClient } from '../../../shared/kit/aws/clients';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { route } from '../../../shared/kit/http/api-handler';
import { createSessionStore } from '../../../shared/sessions/public';

const cognito = cognitoClient();
const clientId = requireEnv('USER_POOL_CLIENT_ID');
const sessions = createSessionStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = route(authLogout, async ({ userId, sessionId, body }) => {
  if (body.refreshToken) {
    try {
      await cognito.send(new RevokeTokenCommand({ ClientId: clientId, Token: body.refreshToken }));
    } catch (error) {
      handleCognitoError(error, cognitoErrors.logout);
    }
  }
  if (sessionId) await sessions.revokeSession(userId, sessionId, Math.floor(Date.now() / 1000));
  return { status: 204 };
});
