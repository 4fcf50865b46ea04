/**
 * POST /v1/auth/logout-all: every session of the caller ends. Cognito's global sign-out revokes
 * every refresh token; the "valid after" instant refuses every access token issued until now
 * (within the authorizer's cache window); every personal API token is deleted.
 */
import { GlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoErrors, handleCognitoError } from '../../../shared/identity/cognito-errors';
import { cognitoClient } from '../../../shared/kit/aws/clients';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { route } from '../../../shared/kit/http/api-handler';
import { authLogoutAll } from '../../../shared/sessions/operations';
import { createSessionStore } from '../../../shared/sessions/public';

const cognito = cognitoClient();
const sessions = createSessionStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = route(authLogoutAll, async ({ userId, accessToken }) => {
  // Ours first: even if Cognito fails, no access token issued until now works any more.
  await sessions.endAllSessions(userId, Math.floor(Date.now() / 1000));
  try {
    await cognito.send(new GlobalSignOutCommand({ AccessToken: accessToken }));
  } catch (error) {
    handleCognitoError(error, cognitoErrors.logout);
  }
  return { status: 204 };
});
