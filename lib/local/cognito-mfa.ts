/**
 * What the local user pool adds to cognito-local for MFA and attribute verification, answering as
 * Cognito does:
 *  - TOTP: AssociateSoftwareToken, VerifySoftwareToken and the SOFTWARE_TOKEN_MFA answer of
 *    RespondToAuthChallenge, with otpauth (cognito-local's own versions load otplib, which is
 *    ESM-only and so cannot run under jest's CommonJS runtime);
 *  - sign-in sessions: InitiateAuth's MFA challenge carries a session that RespondToAuthChallenge
 *    requires, which expires after three minutes and allows three wrong codes, as Cognito's does;
 *  - email aliases: an address another user already signs in with is refused with
 *    AliasExistsException on UpdateUserAttributes and VerifyUserAttribute.
 */
import { randomBytes } from 'node:crypto';
import { CognitoError, InvalidParameterError } from 'cognito-local/lib/errors';
import type { Services } from 'cognito-local/lib/services';
import type { Context } from 'cognito-local/lib/services/context';
import type { User, UserPoolService } from 'cognito-local/lib/services/userPoolService';
import { InitiateAuth } from 'cognito-local/lib/targets/initiateAuth';
import { UpdateUserAttributes } from 'cognito-local/lib/targets/updateUserAttributes';
import { VerifyUserAttribute } from 'cognito-local/lib/targets/verifyUserAttribute';
import { Secret, TOTP } from 'otpauth';

type Route = (ctx: Context, req: never) => Promise<unknown>;

/** Cognito's sign-in session lives three minutes. */
export const MFA_SESSION_TTL_MS = 3 * 60_000;
/** Wrong codes one sign-in session takes before it is spent. */
export const MFA_SESSION_ATTEMPTS = 3;

/** Cognito's TOTP: SHA-1, six digits, 30-second steps, one step of clock drift either way. */
const totpFor = (secret: string) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
const codeMatches = (secret: string, code: string | undefined) =>
  typeof code === 'string' && /^\d{6}$/.test(code) && totpFor(secret).validate({ token: code, window: 1 }) !== null;

/** A user's software token: the verified secret, and one being enrolled (until it is verified). */
type SoftwareToken = { Secret?: string; Verified?: boolean; PendingSecret?: string; FriendlyDeviceName?: string };
type MfaUser = Omit<User, 'SoftwareTokenMfaConfiguration'> & { SoftwareTokenMfaConfiguration?: SoftwareToken };

type MfaSession = { username: string; clientId: string; expiresAt: number; wrongCodes: number };

const error = (code: string, message: string) => new CognitoError(code, message);
const expiredSession = () => error('NotAuthorizedException', 'Invalid session for the user, session is expired.');

/** The claims of an access token (the local pool does not check its signature, like cognito-local). */
function accessTokenClaims(token: unknown): { sub: string; client_id: string } {
  if (typeof token !== 'string') throw new InvalidParameterError('Missing required parameter AccessToken');
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    if (typeof claims.sub === 'string' && typeof claims.client_id === 'string') return claims;
  } catch {
    // falls through to Cognito's answer for a token it cannot read
  }
  throw error('NotAuthorizedException', 'Invalid Access Token');
}

async function tokenUser(ctx: Context, services: Services, accessToken: unknown) {
  const claims = accessTokenClaims(accessToken);
  const userPool = await services.cognito.getUserPoolForClientId(ctx, claims.client_id);
  const user = (await userPool.getUserByUsername(ctx, claims.sub)) as MfaUser | null;
  if (!user) throw error('NotAuthorizedException', 'User does not exist.');
  return { userPool, user };
}

/** Another user whose email (the sign-in alias) is `email`. */
async function aliasHolder(ctx: Context, userPool: UserPoolService, email: string, self: string) {
  const holder = await userPool.getUserByUsername(ctx, email);
  return holder && holder.Username !== self ? holder : undefined;
}
const aliasExists = () => error('AliasExistsException', 'An account with the given email already exists.');

export function mfaOperations(): Record<string, (services: Services) => Route> {
  const sessions = new Map<string, MfaSession>();

  const AssociateSoftwareToken =
    (services: Services): Route =>
    async (ctx, req: { AccessToken?: string; Session?: string }) => {
      if (!req.AccessToken)
        throw new InvalidParameterError('AssociateSoftwareToken via Session (MFA_SETUP) is not supported locally');
      const { userPool, user } = await tokenUser(ctx, services, req.AccessToken);
      // 20 random bytes, base32: the 32-character secret Cognito hands out.
      const secret = new Secret({ buffer: randomBytes(20).buffer }).base32;
      await userPool.saveUser(ctx, {
        ...user,
        SoftwareTokenMfaConfiguration: { ...user.SoftwareTokenMfaConfiguration, PendingSecret: secret },
      } as User);
      return { SecretCode: secret };
    };

  // Registers the token as verified; only SetUserMFAPreference turns it on for sign-in (as on AWS).
  const VerifySoftwareToken =
    (services: Services): Route =>
    async (ctx, req: { AccessToken?: string; UserCode?: string; FriendlyDeviceName?: string }) => {
      if (!req.UserCode) throw new InvalidParameterError('Missing required parameter UserCode');
      const { userPool, user } = await tokenUser(ctx, services, req.AccessToken);
      const token: SoftwareToken = user.SoftwareTokenMfaConfiguration ?? {};
      if (!token.PendingSecret) throw error('InvalidParameterException', 'User has not associated a software token.');
      if (!codeMatches(token.PendingSecret, req.UserCode))
        throw error('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA');
      await userPool.saveUser(ctx, {
        ...user,
        SoftwareTokenMfaConfiguration: {
          Secret: token.PendingSecret,
          Verified: true,
          ...(req.FriendlyDeviceName ? { FriendlyDeviceName: req.FriendlyDeviceName } : {}),
        },
      } as User);
      return { Status: 'SUCCESS' };
    };

  // cognito-local's InitiateAuth decides on the challenge; its session is remembered here.
  const InitiateAuthWithSessions = (services: Services): Route => {
    const initiate = InitiateAuth(services);
    return async (ctx, req: { ClientId: string }) => {
      const result = (await initiate(ctx, req as never)) as {
        ChallengeName?: string;
        ChallengeParameters?: Record<string, string>;
      };
      if (result.ChallengeName !== 'SOFTWARE_TOKEN_MFA') return result;
      const session = randomBytes(96).toString('base64url');
      sessions.set(session, {
        username: result.ChallengeParameters?.USER_ID_FOR_SRP ?? '',
        clientId: req.ClientId,
        expiresAt: Date.now() + MFA_SESSION_TTL_MS,
        wrongCodes: 0,
      });
      return { ...result, Session: session };
    };
  };

  const RespondToAuthChallenge =
    (services: Services): Route =>
    async (
      ctx,
      req: {
        ClientId: string;
        ChallengeName?: string;
        Session?: string;
        ChallengeResponses?: Record<string, string>;
        ClientMetadata?: Record<string, string>;
      },
    ) => {
      if (req.ChallengeName !== 'SOFTWARE_TOKEN_MFA')
        throw new InvalidParameterError(`${req.ChallengeName} is not supported by the local pool`);
      if (!req.Session) throw new InvalidParameterError('Missing required parameter Session');
      if (!req.ChallengeResponses?.USERNAME) throw new InvalidParameterError('Missing required parameter USERNAME');
      const userPool = await services.cognito.getUserPoolForClientId(ctx, req.ClientId);
      const client = await services.cognito.getAppClient(ctx, req.ClientId);
      const user = await userPool.getUserByUsername(ctx, req.ChallengeResponses.USERNAME);
      const session = sessions.get(req.Session);
      if (
        !session ||
        !user ||
        !client ||
        session.clientId !== req.ClientId ||
        session.username !== user.Username ||
        session.expiresAt <= Date.now()
      ) {
        sessions.delete(req.Session);
        throw expiredSession();
      }
      const token: SoftwareToken = (user as MfaUser).SoftwareTokenMfaConfiguration ?? {};
      const secret = token.Verified ? token.Secret : undefined;
      if (!secret || !codeMatches(secret, req.ChallengeResponses.SOFTWARE_TOKEN_MFA_CODE)) {
        session.wrongCodes += 1;
        if (session.wrongCodes >= MFA_SESSION_ATTEMPTS) sessions.delete(req.Session);
        throw error('CodeMismatchException', 'Invalid code received for user');
      }
      sessions.delete(req.Session);
      const groups = await userPool.listUserGroupMembership(ctx, user);
      const tokens = await services.tokenGenerator.generate(
        ctx,
        user,
        groups,
        client,
        req.ClientMetadata,
        'Authentication',
      );
      await userPool.storeRefreshToken(ctx, tokens.RefreshToken, user);
      return { ChallengeParameters: {}, AuthenticationResult: tokens };
    };

  const UpdateUserAttributesWithAliases = (services: Services): Route => {
    const update = UpdateUserAttributes(services);
    return async (ctx, req: { AccessToken?: string; UserAttributes?: { Name: string; Value?: string }[] }) => {
      const email = req.UserAttributes?.find((attribute) => attribute.Name === 'email')?.Value;
      if (email) {
        const { userPool, user } = await tokenUser(ctx, services, req.AccessToken);
        if (await aliasHolder(ctx, userPool, email, user.Username)) throw aliasExists();
      }
      return update(ctx, req as never);
    };
  };

  const VerifyUserAttributeWithAliases = (services: Services): Route => {
    const verify = VerifyUserAttribute(services);
    return async (ctx, req: { AccessToken?: string; AttributeName?: string }) => {
      const { userPool, user } = await tokenUser(ctx, services, req.AccessToken);
      const pending = user.UnverifiedAttributeChanges?.find((attribute) => attribute.Name === req.AttributeName);
      if (
        req.AttributeName === 'email' &&
        pending?.Value &&
        (await aliasHolder(ctx, userPool, pending.Value, user.Username))
      )
        throw aliasExists();
      return verify(ctx, req as never);
    };
  };

  return {
    AssociateSoftwareToken,
    VerifySoftwareToken,
    InitiateAuth: InitiateAuthWithSessions,
    RespondToAuthChallenge,
    UpdateUserAttributes: UpdateUserAttributesWithAliases,
    VerifyUserAttribute: VerifyUserAttributeWithAliases,
  };
}
