/**
 * GET /v1/payees?prefix=: payees remembered from the caller's transactions, by name, for
 * autocompletion. The prefix matches however the name was spelled (case, spaces, width).
 */
import { documentClient } from '../../../shared/aws/clients';
import { requireEnv } from '../../../shared/config';
import { authenticatedRoute } from '../../../shared/http/api-handler';
import { decodeCursor, encodeCursor } from '../../../shared/http/cursor';
import { createPayeeStore, payeeListQuery, toPayeeView } from '../../../shared/store/payee-store';

const payees = createPayeeStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = authenticatedRoute({ query: payeeListQuery }, async ({ userId, query }) => {
  const page = await payees.list(userId, {
    prefix: query.prefix,
    limit: query.limit,
    ...(query.cursor ? { after: decodeCursor(userId, query.cursor) } : {}),
  });
  return {
    status: 200,
    body: {
      items: page.items.map(toPayeeView),
      nextCursor: page.last ? encodeCursor(userId, page.last) : null,
    },
  };
});
