/** GET /v1/categories: the caller's categories (both levels; `parentId` tells the tree). */

import { categoriesList } from '../../../shared/categories/operations';
import { createCategoryStore } from '../../../shared/categories/store';
import { toCategoryView } from '../../../shared/categories/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { continueAfter, pageBody } from '../../../shared/kit/http/cursor';

const categories = createCategoryStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(categoriesList, async ({ userId, query }) => {
  const page = await categories.list(userId, {
    includeArchived: query.includeArchived,
    limit: query.limit,
    ...continueAfter(userId, query.cursor),
  });
  return {
    status: 200,
    body: pageBody(userId, page, toCategoryView),
  };
});
