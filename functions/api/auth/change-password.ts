/**
 * POST /v1/auth/change-password: the signed-in user changes their password with their access token.
 * An identity route: it touches no data, and Cognito refuses the token of a deleted user itself.
 */
import { ChangePasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoErrors, handleCognitoError } from '../../../shared/identity/cognito-errors';
import { changePasswordBody } from '../../../shared/identity/schemas';
import { cognitoClient } from '../../../shared/kit/aws/clients';
import { identityRoute, noParams } from '../../../shared/kit/http/api-handler';

const cognito = cognitoClient();

export const handler = identityRoute({ body: changePasswordBody, query: noParams }, async ({ body, accessToken }) => {
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
