/** GET /v1/categories: the caller's categories (both levels; `parentId` tells the tree). */
import { documentClient } from '../../../shared/aws/clients';
import { requireEnv } from '../../../shared/config';
import { authenticatedRoute } from '../../../shared/http/api-handler';
import { decodeCursor, encodeCursor } from '../../../shared/http/cursor';
import { categoryListQuery } from '../../../shared/ledger/category-schemas';
import { toCategoryView } from '../../../shared/ledger/views';
import { createCategoryStore } from '../../../shared/store/category-store';

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
