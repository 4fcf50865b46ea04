/**
 * DELETE /v1/me/mfa: turns MFA off, re-authenticated with the password and the current code; the
 * profile records it (`mfa.totp` in GET /v1/me).
 */
import { SetUserMFAPreferenceCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoErrors, handleCognitoError } from '../../../shared/identity/cognito-errors';
import { meMfaDisable } from '../../../shared/identity/operations';
import { createProfileStore } from '../../../shared/identity/profile-store';
import { userRoute } from '../../../shared/identity/public';
import { requireReauth } from '../../../shared/identity/reauth';
import { cognitoClient } from '../../../shared/kit/aws/clients';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';

const cognito = cognitoClient();
const profiles = createProfileStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(meMfaDisable, async ({ userId, profile, accessToken, body }) => {
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
  // Recorded after Cognito has it, so GET /v1/me shows it without asking Cognito. A retry after a
  // failure here finds Cognito done and records it.
  await profiles.setMfa(profile, 'disabled', new Date().toISOString());
  return { status: 204 };
});
