/**
 * POST /v1/auth/change-password: the signed-in user changes their password with their access token.
 * An identity route: it touches no data, and Cognito refuses the token of a deleted user itself.
 */
import { ChangePasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoErrors, handleCognitoError } from '../../../shared/identity/cognito-errors';
import { authChangePassword } from '../../../shared/identity/operations';
import { cognitoClient } from '../../../shared/kit/aws/clients';
import { route } from '../../../shared/kit/http/api-handler';

const cognito = cognitoClient();

export const handler = route(authChangePassword, async ({ body, accessToken }) => {
  try {
    await cognito.send(
      new ChangePasswordCommand({
        AccessToken: accessToken,
        PreviousPassword: body.currentPassword,
        ProposedPassword: body.newPassword,
      }),
    );
  } catch (error) {
    handleCognitoError(error, cognitoErrors.changePassword);
  }
  return { status: 204 };
});
