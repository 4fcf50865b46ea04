/** GET /v1/accounts: the caller's accounts in creation order, archived ones only on request. */
import { documentClient } from '../../../shared/aws/clients';
import { requireEnv } from '../../../shared/config';
import { authenticatedRoute } from '../../../shared/http/api-handler';
import { decodeCursor, encodeCursor } from '../../../shared/http/cursor';
import { accountListQuery } from '../../../shared/ledger/account-schemas';
import { toAccountView } from '../../../shared/ledger/views';
import { createAccountStore } from '../../../shared/store/account-store';

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
