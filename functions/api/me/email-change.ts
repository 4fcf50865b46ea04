/**
 * POST /v1/me/email: starts a change of the caller's email, re-authenticated. Cognito keeps the new
 * address pending (the pool keeps the original value active until the new one is verified), so the
 * old address stays the sign-in and, as the profile's, the notifier's recipient; the code goes to
 * the new one. An address another account uses answers exactly like success, and no code is sent.
 */
import { UpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoErrors, handleCognitoError } from '../../../shared/identity/cognito-errors';
import { meEmailChange } from '../../../shared/identity/operations';
import { userRoute } from '../../../shared/identity/public';
import { requireReauth } from '../../../shared/identity/reauth';
import { cognitoClient } from '../../../shared/kit/aws/clients';
import { ValidationFailed } from '../../../shared/kit/http/problems';

const cognito = cognitoClient();

const ANSWER = {
  message: 'If the address can be used, a code is on its way to it; confirm with POST /v1/me/email/verify.',
};

export const handler = userRoute(meEmailChange, async ({ userId, accessToken, body, profile }) => {
  await requireReauth({ userId, accessToken }, body);
  if (body.email === profile.email)
    throw new ValidationFailed([{ in: 'body', field: 'email', message: 'is already your address' }]);
  try {
    await cognito.send(
      new UpdateUserAttributesCommand({
        AccessToken: accessToken,
        UserAttributes: [{ Name: 'email', Value: body.email }],
      }),
    );
  } catch (error) {
    handleCognitoError(error, cognitoErrors.emailChange);
  }
  return { status: 202, body: ANSWER };
});
