/** POST /v1/auth/resend-code: sends a new confirmation code. Never tells whether the email has an account. */
import { ResendConfirmationCodeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoErrors, handleCognitoError } from '../../../shared/identity/cognito-errors';
import { authResendCode } from '../../../shared/identity/operations';
import { cognitoClient } from '../../../shared/kit/aws/clients';
import { requireEnv } from '../../../shared/kit/config';
import { route } from '../../../shared/kit/http/api-handler';

const cognito = cognitoClient();
const clientId = requireEnv('USER_POOL_CLIENT_ID');

export const handler = route(authResendCode, async ({ body }) => {
  try {
    await cognito.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: body.email }));
  } catch (error) {
    handleCognitoError(error, cognitoErrors.resendCode);
  }
  return {
    status: 202,
    body: { message: 'If this email has an unconfirmed account, a new confirmation code is on its way.' },
  };
});
