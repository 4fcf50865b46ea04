/**
 * POST /v1/auth/login: exchanges email and password for Cognito tokens (USER_PASSWORD_AUTH). With
 * TOTP MFA on, Cognito answers with a challenge instead: 202 with the session that
 * POST /v1/auth/login/mfa completes with the authenticator code.
 */
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mfaChallengeFrom, tokensFrom } from '../../../shared/identity/cognito-auth';
import { cognitoErrors, handleCognitoError } from '../../../shared/identity/cognito-errors';
import { authLogin } from '../../../shared/identity/operations';
import { cognitoClient } from '../../../shared/kit/aws/clients';
import { requireEnv } from '../../../shared/kit/config';
import { route } from '../../../shared/kit/http/api-handler';

const cognito = cognitoClient();
const clientId = requireEnv('USER_POOL_CLIENT_ID');

export const handler = route(authLogin, async ({ body }) => {
  try {
    const result = await cognito.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: body.email, PASSWORD: body.password },
      }),
    );
    const challenge = mfaChallengeFrom(result);
    if (challenge) return { status: 202, body: challenge };
    return { status: 200, body: tokensFrom(result) };
  } catch (error) {
    handleCognitoError(error, cognitoErrors.login);
  }
});
