/** DELETE /v1/tokens/{id}: the token is deleted, and refused by every route within the authorizer's cache window. */
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { NotFound } from '../../../shared/kit/http/problems';
import { tokensDelete } from '../../../shared/sessions/operations';
import { createSessionStore } from '../../../shared/sessions/public';

const sessions = createSessionStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(tokensDelete, async ({ userId, path }) => {
  if (!(await sessions.deleteToken(userId, path.id))) throw new NotFound('token');
  return { status: 204 };
});
