/** GET /v1/categories: the caller's categories (both levels; `parentId` tells the tree). */

import { categoryListQuery } from '../../../shared/categories/schemas';
import { createCategoryStore } from '../../../shared/categories/store';
import { documentClient } from '../../../shared/kit/aws/clients';
import { requireEnv } from '../../../shared/kit/config';
import { authenticatedRoute } from '../../../shared/kit/http/api-handler';
import { decodeCursor, encodeCursor } from '../../../shared/kit/http/cursor';
import { toCategoryView } from '../../../shared/transactions/views';

const categories = createCategoryStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = authenticatedRoute({ query: categoryListQuery }, async ({ userId, query }) => {
  const page = await categories.list(userId, {
    includeArchived: query.includeArchived,
    limit: query.limit,
    ...(query.cursor ? { after: decodeCursor(userId, query.cursor) } : {}),
  });
  return {
    status: 200,
    body: {
      items: page.items.map(toCategoryView),
      nextCursor: page.last ? encodeCursor(userId, page.last) : null,
    },
  };
});
