/**
 * POST /v1/auth/logout: revokes a refresh token (and the access tokens issued from it).
 * Idempotent: a token that is already revoked or unknown is logged out all the same.
 */
import { RevokeTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoErrors, handleCognitoError } from '../../../shared/identity/cognito-errors';
import { authLogout } from '../../../shared/identity/operations';
import { cognitoClient } from '../../../shared/kit/aws/clients';
import { requireEnv } from '../../../shared/kit/config';
import { route } from '../../../shared/kit/http/api-handler';

const cognito = cognitoClient();
const clientId = requireEnv('USER_POOL_CLIENT_ID');

export const handler = route(authLogout, async ({ body }) => {
  try {
    await cognito.send(new RevokeTokenCommand({ ClientId: clientId, Token: body.refreshToken }));
  } catch (error) {
    handleCognitoError(error, cognitoErrors.logout);
  }
  return { status: 204 };
});
