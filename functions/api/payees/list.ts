/**
 * GET /v1/payees?q=: the caller's payees by name, for autocompletion and management. The prefix
 * matches however the name was spelled (case, spaces, width).
 */
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { continueAfter, pageBody } from '../../../shared/kit/http/cursor';
import { payeesList } from '../../../shared/payees/operations';
import { createPayeeStore } from '../../../shared/payees/store';
import { toPayeeView } from '../../../shared/payees/views';

const payees = createPayeeStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(payeesList, async ({ userId, query }) => {
  const page = await payees.list(userId, {
    prefix: query.q ?? query.prefix ?? '',
    limit: query.limit,
    ...continueAfter(userId, query.cursor),
  });
  return { status: 200, body: pageBody(userId, page, toPayeeView) };
});
