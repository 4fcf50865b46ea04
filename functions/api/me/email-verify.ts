/**
 * POST /v1/me/email/verify: confirms the pending email with the code sent to it. Cognito makes it
 * the sign-in (the old address no longer signs in); then the profile takes the address Cognito now
 * has, so the notifier writes to it. A retry after the profile's write failed finds the code spent
 * but Cognito already changed, and completes the profile all the same.
 */
import { GetUserCommand, VerifyUserAttributeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoErrors, handleCognitoError } from '../../../shared/identity/cognito-errors';
import { meEmailVerify } from '../../../shared/identity/operations';
import { toProfileView } from '../../../shared/identity/profile';
import { createProfileStore } from '../../../shared/identity/profile-store';
import { userRoute } from '../../../shared/identity/public';
import { cognitoClient } from '../../../shared/kit/aws/clients';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag } from '../../../shared/kit/http/etag';
import { AccountDeleted } from '../../../shared/kit/http/problems';

const cognito = cognitoClient();
const profiles = createProfileStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

async function cognitoEmail(accessToken: string): Promise<string | undefined> {
  const user = await cognito.send(new GetUserCommand({ AccessToken: accessToken }));
  return user.UserAttributes?.find((attribute) => attribute.Name === 'email')?.Value;
}

export const handler = userRoute(meEmailVerify, async ({ userId, accessToken, body, profile }) => {
  try {
    await cognito.send(
      new VerifyUserAttributeCommand({ AccessToken: accessToken, AttributeName: 'email', Code: body.code }),
    );
  } catch (error) {
    const current = await cognitoEmail(accessToken).catch(() => undefined);
    if (!current || current === profile.email) handleCognitoError(error, cognitoErrors.emailVerify);
  }
  const email = await cognitoEmail(accessToken);
  const updated = email ? await profiles.setEmail(userId, email, new Date().toISOString()) : profile;
  if (!updated) throw new AccountDeleted();
  return { status: 200, body: toProfileView(updated), headers: { etag: versionETag(updated.version) } };
});
