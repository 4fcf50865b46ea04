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
 * The tokens of an InitiateAuth answer. A challenge (MFA, new password required) is refused with a
 * 403 naming it, since answering challenges over the API is not supported yet.
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
