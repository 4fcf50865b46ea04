/** DELETE /v1/me/mfa: turns MFA off, re-authenticated with the password and the current code. */
import { SetUserMFAPreferenceCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoErrors, handleCognitoError } from '../../../shared/identity/cognito-errors';
import { meMfaDisable } from '../../../shared/identity/operations';
import { userRoute } from '../../../shared/identity/public';
import { requireReauth } from '../../../shared/identity/reauth';
import { cognitoClient } from '../../../shared/kit/aws/clients';

const cognito = cognitoClient();

export const handler = userRoute(meMfaDisable, async ({ userId, accessToken, body }) => {
  await requireReauth({ userId, accessToken }, body);
  try {
    await cognito.send(
      new SetUserMFAPreferenceCommand({
        AccessToken: accessToken,
        SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
      }),
    );
  } catch (error) {
    handleCognitoError(error, cognitoErrors.mfaSetup);
  }
  return { status: 204 };
});
