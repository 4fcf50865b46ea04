/**
 * POST /v1/categories: a top-level category, or a subcategory of an existing top-level category of
 * the same kind. With an `Idempotency-Key`, a retry returns the first response and creates nothing.
 */
import { documentClient } from '../../../shared/aws/clients';
import { requireEnv } from '../../../shared/config';
import { authenticatedRoute, noParams } from '../../../shared/http/api-handler';
import { versionETag } from '../../../shared/http/etag';
import { idempotencyKeyFrom, withIdempotency } from '../../../shared/http/idempotency';
import { categoryCreateSchema } from '../../../shared/ledger/category-schemas';
import { newEntityId } from '../../../shared/ledger/fields';
import { toCategoryView } from '../../../shared/ledger/views';
import { createCategoryStore, newCategoryItem } from '../../../shared/store/category-store';

const tableName = requireEnv('TABLE_NAME');
const db = documentClient();
const categories = createCategoryStore({ db, tableName });

export const handler = authenticatedRoute(
  { body: categoryCreateSchema, query: noParams },
  async ({ userId, body, headers }) => {
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
  },
);
