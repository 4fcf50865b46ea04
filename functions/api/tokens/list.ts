/** GET /v1/tokens: the caller's personal API tokens, oldest first, never their secrets. */
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { tokensList } from '../../../shared/sessions/operations';
import { createSessionStore } from '../../../shared/sessions/public';

const sessions = createSessionStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(tokensList, async ({ userId }) => ({
  status: 200,
  body: {
    items: (await sessions.listTokens(userId)).map((token) => ({
      id: token.tokenId,
      name: token.name,
      scopes: token.scopes,
      createdAt: token.createdAt,
      lastUsedAt: token.lastUsedAt,
      expiresAt: token.expiresAt,
    })),
  },
}));
