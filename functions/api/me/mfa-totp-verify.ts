/**
 * POST /v1/me/mfa/totp/verify: turns TOTP MFA on with a code from the app just enrolled. Cognito
 * checks the code (VerifySoftwareToken), then makes TOTP the sign-in's second factor
 * (SetUserMFAPreference), and the profile records it (`mfa.totp` in GET /v1/me).
 */
import { SetUserMFAPreferenceCommand, VerifySoftwareTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoErrors, handleCognitoError } from '../../../shared/identity/cognito-errors';
import { meMfaTotpVerify } from '../../../shared/identity/operations';
import { createProfileStore } from '../../../shared/identity/profile-store';
import { userRoute } from '../../../shared/identity/public';
import { cognitoClient } from '../../../shared/kit/aws/clients';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';

const cognito = cognitoClient();
const profiles = createProfileStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(meMfaTotpVerify, async ({ profile, accessToken, body }) => {
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
  // Recorded after Cognito has it, so GET /v1/me shows it without asking Cognito. A retry after a
  // failure here finds Cognito done and records it.
  await profiles.setMfa(profile, 'enabled', new Date().toISOString());
  return { status: 204 };
});
