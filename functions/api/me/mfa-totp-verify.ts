/**
 * POST /v1/me/mfa/totp/verify: turns TOTP MFA on with a code from the app just enrolled. Cognito
 * checks the code (VerifySoftwareToken), then makes TOTP the sign-in's second factor
 * (SetUserMFAPreference).
 */
import { SetUserMFAPreferenceCommand, VerifySoftwareTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoErrors, handleCognitoError } from '../../../shared/identity/cognito-errors';
import { meMfaTotpVerify } from '../../../shared/identity/operations';
import { userRoute } from '../../../shared/identity/public';
import { cognitoClient } from '../../../shared/kit/aws/clients';

const cognito = cognitoClient();

export const handler = userRoute(meMfaTotpVerify, async ({ accessToken, body }) => {
  try {
    await cognito.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: body.code }));
    await cognito.send(
      new SetUserMFAPreferenceCommand({
        AccessToken: accessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
  } catch (error) {
    handleCognitoError(error, cognitoErrors.mfaSetup);
  }
  return { status: 204 };
});
