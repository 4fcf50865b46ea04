/**
 * Re-authentication for dangerous operations (deleting the account, changing the email, turning
 * MFA off, and whatever else must not be done with a stolen access token alone): the caller sends
 * their current password, and the authenticator's code when MFA is on, and Cognito checks them as
 * at sign-in (InitiateAuth USER_PASSWORD_AUTH, then the SOFTWARE_TOKEN_MFA answer). Every refusal
 * is one 403 `reauthentication-failed` (./cognito-errors.ts), counted per user by the failure
 * throttle (./failure-throttle.ts): past its limit the answer is 429 with Retry-After, before
 * Cognito is asked. The sign-in this makes issues tokens nobody asked for: its refresh token is
 * revoked at once, so it leaves no session behind.
 */
import {
  type CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient } from '../kit/aws/clients';
import { documentClient } from '../kit/aws/document-client';
import { requireEnv } from '../kit/config';
import { HttpProblem } from '../kit/http/problems';
import { logger } from '../kit/observability';
import { cognitoErrors, handleCognitoError, reauthenticationFailed } from './cognito-errors';
import { createFailureThrottle, type FailureThrottle } from './failure-throttle';
import type { ReauthBody } from './schemas';

export type Reauthenticate = (
  caller: { userId: string; accessToken: string },
  credentials: ReauthBody,
) => Promise<void>;

/**
 * The Cognito user name in the caller's access token (already verified by the API's authorizer).
 * With email sign-in it is a generated id, not the address: a pending email change does not move it.
 */
export function usernameOf(accessToken: string, userId: string): string {
  try {
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return typeof claims.username === 'string' && claims.username !== '' ? claims.username : userId;
  } catch {
    return userId;
  }
}

export function createReauthenticator(deps: {
  cognito: Pick<CognitoIdentityProviderClient, 'send'>;
  clientId: string;
  throttle: FailureThrottle;
}): Reauthenticate {
  const { cognito, clientId, throttle } = deps;

  async function signIn(username: string, { password, code }: ReauthBody): Promise<string | undefined> {
    const first = await cognito.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );
    if (first.AuthenticationResult) return first.AuthenticationResult.RefreshToken;
    // MFA is on: without a code the answer is the same as for a wrong password.
    if (first.ChallengeName !== 'SOFTWARE_TOKEN_MFA' || !code) throw reauthenticationFailed();
    const second = await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: first.Session,
        ChallengeResponses: {
          USERNAME: first.ChallengeParameters?.USER_ID_FOR_SRP ?? username,
          SOFTWARE_TOKEN_MFA_CODE: code,
        },
      }),
    );
    if (!second.AuthenticationResult) throw reauthenticationFailed();
    return second.AuthenticationResult.RefreshToken;
  }

  return async ({ userId, accessToken }, credentials) => {
    const admitted = await throttle.admit(userId);
    let refreshToken: string | undefined;
    try {
      try {
        refreshToken = await signIn(usernameOf(accessToken, userId), credentials);
      } catch (error) {
        if (error instanceof HttpProblem) throw error;
        handleCognitoError(error, cognitoErrors.reauthenticate);
      }
    } catch (problem) {
      if (problem instanceof HttpProblem && problem.slug === 'reauthentication-failed') await throttle.fail(userId);
      throw problem;
    }
    await throttle.succeed(userId, admitted);
    if (!refreshToken) return;
    try {
      await cognito.send(new RevokeTokenCommand({ ClientId: clientId, Token: refreshToken }));
    } catch (error) {
      // The check passed; an unrevoked refresh token of this sign-in expires on its own (30 days).
      logger.warn('Could not revoke the re-authentication refresh token', { error: (error as Error).name });
    }
  };
}

let fromEnvironment: Reauthenticate | undefined;

/**
 * The re-authentication of a route declared with `grants: { table: 'readWrite', userPool: true }`
 * and a body that includes `reauthBody`'s fields: call it before changing anything.
 */
export const requireReauth: Reauthenticate = (caller, credentials) => {
  fromEnvironment ??= createReauthenticator({
    cognito: cognitoClient(),
    clientId: requireEnv('USER_POOL_CLIENT_ID'),
    throttle: createFailureThrottle({ db: documentClient(), tableName: requireEnv('TABLE_NAME'), purpose: 'REAUTH' }),
  });
  return fromEnvironment(caller, credentials);
};
