/** POST /v1/auth/confirm: confirms a sign-up with the emailed code (Cognito then runs post-confirmation). */
import { ConfirmSignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoErrors, handleCognitoError } from '../../../shared/identity/cognito-errors';
import { authConfirm } from '../../../shared/identity/operations';
import { cognitoClient } from '../../../shared/kit/aws/clients';
import { requireEnv } from '../../../shared/kit/config';
import { route } from '../../../shared/kit/http/api-handler';

const cognito = cognitoClient();
const clientId = requireEnv('USER_POOL_CLIENT_ID');

export const handler = route(authConfirm, async ({ body }) => {
  try {
    await cognito.send(
      new ConfirmSignUpCommand({ ClientId: clientId, Username: body.email, ConfirmationCode: body.code }),
    );
  } catch (error) {
    handleCognitoError(error, cognitoErrors.confirm);
  }
  return { status: 200, body: { confirmed: true } };
});
