/**
 * POST /v1/categories: a top-level category, or a subcategory of an existing top-level category of
 * the same kind. With an `Idempotency-Key`, a retry returns the first response and creates nothing.
 */

import { categoriesCreate } from '../../../shared/categories/operations';
import { createCategoryStore, newCategoryItem } from '../../../shared/categories/store';
import { toCategoryView } from '../../../shared/categories/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag } from '../../../shared/kit/http/etag';
import { newEntityId } from '../../../shared/kit/http/fields';
import { idempotencyKeyFrom, withIdempotency } from '../../../shared/kit/http/idempotency';

const tableName = requireEnv('TABLE_NAME');
const db = documentClient();
const categories = createCategoryStore({ db, tableName });

export const handler = userRoute(categoriesCreate, async ({ userId, body, headers }) => {
  const key = idempotencyKeyFrom(headers);
  const now = new Date();
  const category = newCategoryItem(body, newEntityId(now.getTime()), now.toISOString());
  const response = {
    status: 201,
    body: toCategoryView(category),
    headers: { etag: versionETag(category.version), location: `/v1/categories/${category.categoryId}` },
  };
  return withIdempotency(
    db,
    { tableName, userId, operation: 'create-category', key, request: body },
    response,
    (record) => categories.create(userId, category, record ? [record] : []),
  );
});
