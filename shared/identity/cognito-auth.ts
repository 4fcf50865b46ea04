/**
 * Small pieces shared by the auth handlers: the attributes a sign-up sends and the shape of the
 * tokens a sign-in returns. The Cognito calls themselves stay in the handlers, one per route.
 */
import type {
  AttributeType,
  AuthenticationResultType,
  ChallengeNameType,
} from '@aws-sdk/client-cognito-identity-provider';
import { challengeRequired } from './cognito-errors';
import type { SignupBody } from './schemas';

/** Custom attributes of the user pool; the stack declares them with the same names (without `custom:`). */
export const customAttributes = {
  homeCurrency: 'custom:homeCurrency',
  timezone: 'custom:timezone',
} as const;

/** The user attributes a sign-up stores; the post-confirmation trigger reads them back into the profile. */
export function signUpAttributes(body: SignupBody): AttributeType[] {
  const attributes: AttributeType[] = [{ Name: 'email', Value: body.email }];
  if (body.name !== undefined) attributes.push({ Name: 'name', Value: body.name });
  if (body.homeCurrency !== undefined)
    attributes.push({ Name: customAttributes.homeCurrency, Value: body.homeCurrency });
  if (body.timezone !== undefined) attributes.push({ Name: customAttributes.timezone, Value: body.timezone });
  return attributes;
}

type TokenResponse = {
  accessToken: string;
  idToken: string;
  /** Present on login; on refresh only when the app client rotates refresh tokens. */
  refreshToken?: string;
  expiresIn: number;
  tokenType: 'Bearer';
};

/**
 * The tokens of an InitiateAuth (or RespondToAuthChallenge) answer. A challenge other than TOTP
 * (new password required, SMS) is refused with a 403 naming it; TOTP is `mfaChallengeFrom`'s.
 */
export function tokensFrom(result: {
  AuthenticationResult?: AuthenticationResultType;
  ChallengeName?: ChallengeNameType | string;
}): TokenResponse {
  if (result.ChallengeName) throw challengeRequired(result.ChallengeName);
  const auth = result.AuthenticationResult;
  if (!auth?.AccessToken || !auth.IdToken) throw new Error('Cognito returned neither tokens nor a challenge');
  return {
    accessToken: auth.AccessToken,
    idToken: auth.IdToken,
    ...(auth.RefreshToken ? { refreshToken: auth.RefreshToken } : {}),
    expiresIn: auth.ExpiresIn ?? 3600,
    tokenType: 'Bearer',
  };
}

/** A sign-in that waits for the authenticator's code: POST /v1/auth/login/mfa answers it. */
export type MfaChallenge = { challenge: 'totp'; session: string };

/**
 * The 202 of a sign-in with TOTP MFA on, or undefined for any other answer. RespondToAuthChallenge
 * needs the user's name besides Cognito's session, so the API's session carries both, opaque to
 * the client; Cognito checks that its session belongs to that user, so editing it gains nothing.
 */
export function mfaChallengeFrom(result: {
  ChallengeName?: ChallengeNameType | string;
  ChallengeParameters?: Record<string, string>;
  Session?: string;
}): MfaChallenge | undefined {
  const username = result.ChallengeParameters?.USER_ID_FOR_SRP;
  if (result.ChallengeName !== 'SOFTWARE_TOKEN_MFA' || !result.Session || !username) return undefined;
  return {
    challenge: 'totp',
    session: Buffer.from(JSON.stringify({ u: username, s: result.Session })).toString('base64url'),
  };
}

/** The user's name and Cognito's session in an API session; undefined when it is not one. */
export function readMfaSession(session: string): { username: string; cognitoSession: string } | undefined {
  try {
    const { u, s } = JSON.parse(Buffer.from(session, 'base64url').toString('utf8')) as { u?: unknown; s?: unknown };
    return typeof u === 'string' && u !== '' && typeof s === 'string' && s !== ''
      ? { username: u, cognitoSession: s }
      : undefined;
  } catch {
    return undefined;
  }
}
