/**
 * POST /v1/auth/login/mfa: completes a sign-in that asked for the authenticator code
 * (RespondToAuthChallenge, SOFTWARE_TOKEN_MFA). Wrong codes are counted per user: Cognito only
 * says so once a session that is really that user's was presented, so nobody can run up another
 * user's count without their password.
 */
import { RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { readMfaSession, tokensFrom } from '../../../shared/identity/cognito-auth';
import { cognitoErrors, handleCognitoError } from '../../../shared/identity/cognito-errors';
import { createFailureThrottle } from '../../../shared/identity/failure-throttle';
import { authLoginMfa } from '../../../shared/identity/operations';
import { cognitoClient } from '../../../shared/kit/aws/clients';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { route } from '../../../shared/kit/http/api-handler';
import { HttpProblem, Unauthorized } from '../../../shared/kit/http/problems';

const cognito = cognitoClient();
const clientId = requireEnv('USER_POOL_CLIENT_ID');
const throttle = createFailureThrottle({ db: documentClient(), tableName: requireEnv('TABLE_NAME'), purpose: 'MFA' });

export const handler = route(authLoginMfa, async ({ body }) => {
  const session = readMfaSession(body.session);
  if (!session) throw new Unauthorized('The sign-in session is not valid; sign in with your password again.');
  const admitted = await throttle.admit(session.username);
  try {
    const result = await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: session.cognitoSession,
        ChallengeResponses: { USERNAME: session.username, SOFTWARE_TOKEN_MFA_CODE: body.code },
      }),
    );
    const tokens = tokensFrom(result);
    await throttle.succeed(session.username, admitted);
    return { status: 200, body: tokens };
  } catch (error) {
    try {
      handleCognitoError(error, cognitoErrors.loginMfa);
    } catch (problem) {
      // A wrong code (field `code`) is what the throttle counts; an expired session is not.
      if (problem instanceof HttpProblem && problem.status === 400) await throttle.fail(session.username);
      throw problem;
    }
  }
});
