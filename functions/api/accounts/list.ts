/** GET /v1/accounts: the caller's accounts in creation order, archived ones only on request. */

import { accountListQuery } from '../../../shared/accounts/schemas';
import { createAccountStore } from '../../../shared/accounts/store';
import { documentClient } from '../../../shared/kit/aws/clients';
import { requireEnv } from '../../../shared/kit/config';
import { authenticatedRoute } from '../../../shared/kit/http/api-handler';
import { decodeCursor, encodeCursor } from '../../../shared/kit/http/cursor';
import { toAccountView } from '../../../shared/transactions/views';

const accounts = createAccountStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = authenticatedRoute({ query: accountListQuery }, async ({ userId, query }) => {
  const page = await accounts.list(userId, {
    includeArchived: query.includeArchived,
    limit: query.limit,
    ...(query.cursor ? { after: decodeCursor(userId, query.cursor) } : {}),
  });
  return {
    status: 200,
    body: {
      items: page.items.map(toAccountView),
      nextCursor: page.last ? encodeCursor(userId, page.last) : null,
    },
  };
});
