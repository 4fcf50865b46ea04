/** POST /v1/auth/signup: registers a user with Cognito, which emails a confirmation code. */
import { SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { signUpAttributes } from '../../../shared/identity/cognito-auth';
import { cognitoErrors, handleCognitoError } from '../../../shared/identity/cognito-errors';
import { authSignup } from '../../../shared/identity/operations';
import { cognitoClient } from '../../../shared/kit/aws/clients';
import { requireEnv } from '../../../shared/kit/config';
import { route } from '../../../shared/kit/http/api-handler';

const cognito = cognitoClient();
const clientId = requireEnv('USER_POOL_CLIENT_ID');

export const handler = route(authSignup, async ({ body }) => {
  try {
    const result = await cognito.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: body.email,
        Password: body.password,
        UserAttributes: signUpAttributes(body),
      }),
    );
    const delivery = result.CodeDeliveryDetails;
    return {
      status: 201,
      body: {
        userId: result.UserSub,
        confirmed: result.UserConfirmed ?? false,
        // The destination is already masked by Cognito (e.g. "a***@e***"); it is passed on as is.
        ...(delivery ? { codeDelivery: { medium: delivery.DeliveryMedium, destination: delivery.Destination } } : {}),
      },
    };
  } catch (error) {
    handleCognitoError(error, cognitoErrors.signup);
  }
});
