/**
 * DELETE /v1/payees/{id}: a payee no transaction references goes, with its name and aliases. One
 * with transactions is refused (409 `payee-in-use`): merging it keeps its transactions' payee.
 */
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionsFromIfMatch } from '../../../shared/kit/http/etag';
import { payeesDelete } from '../../../shared/payees/operations';
import { createPayeeStore } from '../../../shared/payees/store';

const payees = createPayeeStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(payeesDelete, async ({ userId, path, headers }) => {
  await payees.delete(userId, path.id, versionsFromIfMatch(headers['if-match']));
  return { status: 204 };
});
