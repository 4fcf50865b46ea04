/**
 * DELETE /v1/me: deletes the caller's account, re-authenticated (shared/identity/reauth.ts): a
 * stolen access token alone cannot destroy anyone's records.
 *
 * The profile goes first: its stream record becomes `UserDeleted`, whose consumer erases every
 * other item of the user. Then the Cognito user, with the caller's own access token (no IAM).
 * Both steps are idempotent, so a client that gets a 503 (or a lost response) simply retries. That
 * is why this is an identity route: a retry finds the profile already gone (every other route
 * refuses that caller with 401 account-deleted) and must still reach Cognito, which still checks
 * the password as long as the user exists. Once the Cognito user is gone (the retry of a deletion
 * whose answer was lost, or a user removed from the pool by other means) there is no credential
 * left to check and no account to protect: when the re-authentication is refused and Cognito says
 * the user does not exist (AdminGetUser), the retry makes sure the profile is gone (so the
 * erasure runs) and answers as the first call did.
 */
import { AdminGetUserCommand, DeleteUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoErrors, handleCognitoError } from '../../../shared/identity/cognito-errors';
import { meDelete } from '../../../shared/identity/operations';
import { createProfileStore } from '../../../shared/identity/profile-store';
import { requireReauth, usernameOf } from '../../../shared/identity/reauth';
import { cognitoClient } from '../../../shared/kit/aws/clients';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { route } from '../../../shared/kit/http/api-handler';
import { HttpProblem } from '../../../shared/kit/http/problems';
import { createSessionStore } from '../../../shared/sessions/public';

const profiles = createProfileStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });
const cognito = cognitoClient();
const userPoolId = requireEnv('USER_POOL_ID');
const sessions = createSessionStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

/** Whether the caller's Cognito user no longer exists (AdminGetUser: exact, whatever the token's state). */
async function cognitoUserGone(accessToken: string, userId: string): Promise<boolean> {
  try {
    await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: usernameOf(accessToken, userId) }));
    return false;
  } catch (error) {
    if (error instanceof Error && error.name === 'UserNotFoundException') return true;
    throw error;
  }
}

export const handler = route(meDelete, async ({ userId, accessToken, body }) => {
  try {
    await requireReauth({ userId, accessToken }, body);
  } catch (problem) {
    // Refused: a wrong password, or no user left to check it against. Only the latter goes on.
    const refused = problem instanceof HttpProblem && problem.slug === 'reauthentication-failed';
    if (!refused || !(await cognitoUserGone(accessToken, userId))) throw problem;
    await profiles.delete(userId);
    await sessions.endAllSessions(userId, Math.floor(Date.now() / 1000));
    return { status: 202, body: { status: 'deleting' } };
  }
  await profiles.delete(userId);
  try {
    await cognito.send(new DeleteUserCommand({ AccessToken: accessToken }));
  } catch (error) {
    handleCognitoError(error, cognitoErrors.deleteUser);
  }
  // Last, so that a retry after a failure above still gets through: from here on every token of
  // the account is refused, and its API tokens are gone.
  await sessions.endAllSessions(userId, Math.floor(Date.now() / 1000));
  return { status: 202, body: { status: 'deleting' } };
});
