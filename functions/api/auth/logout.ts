/**
 * POST /v1/auth/logout: revokes a refresh token (and the access tokens issued from it).
 * Idempotent: a token that is already revoked or unknown is logged out all the same.
 */
import { RevokeTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoErrors, handleCognitoError } from '../../../shared/auth/cognito-errors';
import { refreshTokenBody } from '../../../shared/auth/schemas';
import { cognitoClient } from '../../../shared/aws/clients';
import { requireEnv } from '../../../shared/config';
import { noParams, publicRoute } from '../../../shared/http/api-handler';

const cognito = cognitoClient();
const clientId = requireEnv('USER_POOL_CLIENT_ID');

export const handler = publicRoute({ body: refreshTokenBody, query: noParams }, async ({ body }) => {
  try {
    await cognito.send(new RevokeTokenCommand({ ClientId: clientId, Token: body.refreshToken }));
  } catch (error) {
    handleCognitoError(error, cognitoErrors.logout);
  }
  return { status: 204 };
});
