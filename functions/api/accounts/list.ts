/** GET /v1/accounts: the caller's accounts in creation order, archived ones only on request. */

import { accountsList } from '../../../shared/accounts/operations';
import { createAccountStore } from '../../../shared/accounts/store';
import { toAccountView } from '../../../shared/accounts/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { continueAfter, pageBody } from '../../../shared/kit/http/cursor';

const accounts = createAccountStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(accountsList, async ({ userId, query }) => {
  const page = await accounts.list(userId, {
    includeArchived: query.includeArchived,
    limit: query.limit,
    ...continueAfter(userId, query.cursor),
  });
  return {
    status: 200,
    body: pageBody(userId, page, toAccountView),
  };
});
