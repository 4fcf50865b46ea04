/**
 * POST /v1/auth/logout: revokes a refresh token (and the access tokens issued from it).
 * Idempotent: a token that is already revoked or unknown is logged out all the same.
 */
import { RevokeTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoErrors, handleCognitoError } from '../../../shared/identity/cognito-errors';
import { refreshTokenBody } from '../../../shared/identity/schemas';
import { cognitoClient } from '../../../shared/kit/aws/clients';
import { requireEnv } from '../../../shared/kit/config';
import { noParams, publicRoute } from '../../../shared/kit/http/api-handler';

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
