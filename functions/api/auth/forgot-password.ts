/**
 * POST /v1/auth/forgot-password: emails a reset code. Always 202 for a well-formed email, so the
 * route cannot be used to find out who has an account; only limits (429) answer differently.
 */
import { ForgotPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoErrors, handleCognitoError } from '../../../shared/identity/cognito-errors';
import { authForgotPassword } from '../../../shared/identity/operations';
import { cognitoClient } from '../../../shared/kit/aws/clients';
import { requireEnv } from '../../../shared/kit/config';
import { route } from '../../../shared/kit/http/api-handler';

const cognito = cognitoClient();
const clientId = requireEnv('USER_POOL_CLIENT_ID');

export const handler = route(authForgotPassword, async ({ body }) => {
  try {
    await cognito.send(new ForgotPasswordCommand({ ClientId: clientId, Username: body.email }));
  } catch (error) {
    handleCognitoError(error, cognitoErrors.forgotPassword);
  }
  return { status: 202, body: { message: 'If this email has an account, a password reset code is on its way.' } };
});
