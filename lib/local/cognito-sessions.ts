/**
 * Sessions in the local pool, as Cognito keeps them:
 *  - every access token carries `origin_jti`, the id of its sign-in: new at each sign-in, and the
 *    same in the access tokens refreshed from that sign-in's refresh token (cognito-local 5.3 puts
 *    none; the tokens it makes are signed again with its key, with the claim added);
 *  - GlobalSignOut (with an access token) revokes every refresh token of the user.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createSign, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { NotAuthorizedError } from 'cognito-local/lib/errors';
import type { Services } from 'cognito-local/lib/services';
import type { Context } from 'cognito-local/lib/services/context';

type Route = (ctx: Context, req: never) => Promise<unknown>;
type Generated = { AccessToken: string; IdToken: string; RefreshToken: string };

// The key cognito-local signs with (its JWKS publishes the public half).
// Resolved from the repository root, as ./cognito.ts resolves cognito-local's files (this module runs as ESM and CommonJS).
const privateKey: { pem: string } = createRequire(resolve('package.json'))(
  'cognito-local/lib/keys/cognitoLocal.private.json',
);

function decodePart(token: string, index: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[index] ?? '', 'base64url').toString('utf8'));
}

function withClaims(token: string, claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signingInput = `${encode(decodePart(token, 0))}.${encode({ ...decodePart(token, 1), ...claims })}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(privateKey.pem, 'base64url');
  return `${signingInput}.${signature}`;
}

/** The refresh token's sign-in, while InitiateAuth refreshes with it. */
const refreshing = new AsyncLocalStorage<string | undefined>();

/** Wraps the pool's token generator: every token set gets its sign-in's origin_jti. */
export function withOriginJti(generator: Services['tokenGenerator']): Services['tokenGenerator'] {
  return {
    async generate(...args: Parameters<Services['tokenGenerator']['generate']>) {
      const tokens = (await generator.generate(...args)) as Generated;
      const originJti = refreshing.getStore() ?? randomUUID();
      return {
        ...tokens,
        AccessToken: withClaims(tokens.AccessToken, { origin_jti: originJti }),
        IdToken: withClaims(tokens.IdToken, { origin_jti: originJti }),
        RefreshToken: withClaims(tokens.RefreshToken, { origin_jti: originJti }),
      };
    },
  } as Services['tokenGenerator'];
}

/** InitiateAuth, with a refresh keeping the sign-in's origin_jti; GlobalSignOut. */
export function sessionOperations(
  initiateAuth: (services: Services) => Route,
): Record<string, (services: Services) => Route> {
  const InitiateAuth = (services: Services): Route => {
    const initiate = initiateAuth(services);
    return async (ctx, req: { AuthFlow?: string; AuthParameters?: Record<string, string> }) => {
      const refreshToken = req.AuthParameters?.REFRESH_TOKEN;
      if (!refreshToken || !/^REFRESH_TOKEN(_AUTH)?$/.test(req.AuthFlow ?? '')) return initiate(ctx, req as never);
      let originJti: string | undefined;
      try {
        const claim = decodePart(refreshToken, 1).origin_jti;
        originJti = typeof claim === 'string' ? claim : undefined;
      } catch {
        originJti = undefined;
      }
      return refreshing.run(originJti, () => initiate(ctx, req as never));
    };
  };

  const GlobalSignOut =
    ({ cognito }: Services): Route =>
    async (ctx, req: { AccessToken?: string }) => {
      let claims: Record<string, unknown>;
      try {
        claims = decodePart(String(req.AccessToken ?? ''), 1);
      } catch {
        throw new NotAuthorizedError();
      }
      const userPool = await cognito.getUserPoolForClientId(ctx, String(claims.client_id));
      const user = await userPool.getUserByUsername(ctx, String(claims.sub));
      if (!user) throw new NotAuthorizedError();
      await userPool.saveUser(ctx, { ...user, RefreshTokens: [] });
      return {};
    };

  return { InitiateAuth, GlobalSignOut };
}
