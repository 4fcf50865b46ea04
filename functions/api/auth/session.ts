/**
 * GET /v1/auth/session: the caller's session, valid (the authorizer let it through) until its
 * access token expires. The token's times are read from the token the authorizer has verified.
 */
import { route } from '../../../shared/kit/http/api-handler';
import { authSession } from '../../../shared/sessions/operations';

function claimsOf(accessToken: string): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    return {};
  }
}

const instant = (seconds: unknown) => new Date(Number(seconds) * 1000).toISOString();

export const handler = route(authSession, async ({ userId, sessionId, accessToken }) => {
  const claims = claimsOf(accessToken);
  return {
    status: 200,
    body: {
      valid: true,
      principal: 'session',
      userId,
      sessionId: sessionId ?? null,
      issuedAt: instant(claims.iat),
      expiresAt: instant(claims.exp),
    },
  };
});
