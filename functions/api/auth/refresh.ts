/** POST /v1/auth/refresh: exchanges a refresh token for new access and ID tokens. */
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { tokensFrom } from '../../../shared/identity/cognito-auth';
import { cognitoErrors, handleCognitoError } from '../../../shared/identity/cognito-errors';
import { authRefresh } from '../../../shared/identity/operations';
import { cognitoClient } from '../../../shared/kit/aws/clients';
import { requireEnv } from '../../../shared/kit/config';
import { route } from '../../../shared/kit/http/api-handler';

const cognito = cognitoClient();
const clientId = requireEnv('USER_POOL_CLIENT_ID');

export const handler = route(authRefresh, async ({ body }) => {
  try {
    const result = await cognito.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: body.refreshToken },
      }),
    );
    return { status: 200, body: tokensFrom(result) };
  } catch (error) {
    handleCognitoError(error, cognitoErrors.refresh);
  }
});
