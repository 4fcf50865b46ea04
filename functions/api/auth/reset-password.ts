/** POST /v1/auth/reset-password: sets a new password with the code from forgot-password. */
import { ConfirmForgotPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoErrors, handleCognitoError } from '../../../shared/identity/cognito-errors';
import { authResetPassword } from '../../../shared/identity/operations';
import { cognitoClient } from '../../../shared/kit/aws/clients';
import { requireEnv } from '../../../shared/kit/config';
import { route } from '../../../shared/kit/http/api-handler';

const cognito = cognitoClient();
const clientId = requireEnv('USER_POOL_CLIENT_ID');

export const handler = route(authResetPassword, async ({ body }) => {
  try {
    await cognito.send(
      new ConfirmForgotPasswordCommand({
        ClientId: clientId,
        Username: body.email,
        ConfirmationCode: body.code,
        Password: body.newPassword,
      }),
    );
  } catch (error) {
    handleCognitoError(error, cognitoErrors.resetPassword);
  }
  return { status: 204 };
});
