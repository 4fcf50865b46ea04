/**
 * POST /v1/tokens: a personal API token, re-authenticated (a stolen access token alone cannot mint
 * a long-lived credential). The secret is in this response only; the table keeps its SHA-256.
 */
import { requireReauth, userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { newEntityId } from '../../../shared/kit/http/fields';
import { Conflict, ValidationFailed } from '../../../shared/kit/http/problems';
import type { ApiToken } from '../../../shared/sessions/items';
import { tokensCreate } from '../../../shared/sessions/operations';
import { createSessionStore } from '../../../shared/sessions/public';
import { hashApiTokenSecret, newApiTokenSecret } from '../../../shared/sessions/secrets';
import { MAX_API_TOKENS_PER_USER } from '../../../shared/sessions/store';

const sessions = createSessionStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(tokensCreate, async ({ userId, accessToken, body }) => {
  const now = new Date();
  const expiresAt = body.expiresAt ? new Date(body.expiresAt).toISOString() : null;
  if (expiresAt && Date.parse(expiresAt) <= now.getTime()) {
    throw new ValidationFailed([{ in: 'body', field: 'expiresAt', message: 'must be in the future' }]);
  }
  await requireReauth({ userId, accessToken }, { password: body.password, code: body.code });
  if ((await sessions.countTokens(userId)) >= MAX_API_TOKENS_PER_USER) {
    throw new Conflict(
      `You have ${MAX_API_TOKENS_PER_USER} tokens already; delete one first.`,
      undefined,
      'too-many-tokens',
    );
  }
  const secret = newApiTokenSecret();
  const token: ApiToken = {
    tokenId: newEntityId(now.getTime()),
    userId,
    name: body.name,
    scopes: [...body.scopes],
    createdAt: now.toISOString(),
    expiresAt,
    lastUsedAt: null,
  };
  await sessions.createToken(token, hashApiTokenSecret(secret));
  return {
    status: 201,
    body: {
      id: token.tokenId,
      name: token.name,
      scopes: token.scopes,
      createdAt: token.createdAt,
      lastUsedAt: null,
      expiresAt,
      token: secret,
    },
  };
});
