/**
 * GET /v1/transactions: the caller's transactions newest first, filtered by date range, account,
 * category (with its subcategories), kind, tag and text, in pages of `limit` with a cursor bound
 * to the caller. A filter naming an account or category the caller does not have is a 404, so a
 * typo is not mistaken for "no transactions".
 */

import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { decodeCursor, encodeCursor } from '../../../shared/kit/http/cursor';
import { NotFound, ValidationFailed } from '../../../shared/kit/http/problems';
import { transactionsList } from '../../../shared/transactions/operations';
import { createTransactionQueries } from '../../../shared/transactions/queries';
import { toTransactionView } from '../../../shared/transactions/views';

const transactions = createTransactionQueries({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

/** A position is a transaction sort key, `<date>#<id>`; anything else did not come from us. */
const POSITION = /^\d{4}-\d{2}-\d{2}#[A-Za-z0-9_-]{1,64}$/;

function positionFrom(userId: string, cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const after = decodeCursor(userId, cursor);
  if (!POSITION.test(after)) {
    throw new ValidationFailed([{ in: 'query', field: 'cursor', message: 'is not a valid cursor' }]);
  }
  return after;
}

export const handler = userRoute(transactionsList, async ({ userId, query }) => {
  const { limit, cursor, ...filter } = query;
  const outcome = await transactions.list(userId, filter, { limit, after: positionFrom(userId, cursor) });
  if (outcome.status === 'unknown-account') throw new NotFound('account');
  if (outcome.status === 'unknown-category') throw new NotFound('category');
  return {
    status: 200,
    body: {
      items: outcome.items.map(toTransactionView),
      nextCursor: outcome.after === undefined ? null : encodeCursor(userId, outcome.after),
    },
  };
});
