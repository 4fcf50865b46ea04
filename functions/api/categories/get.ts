/**
 * GET /v1/categories/{id}: one of the caller's categories, archived or not (a transaction may still
 * name an archived one); its version is the ETag for a later PATCH with If-Match.
 */

import { categoriesGet } from '../../../shared/categories/operations';
import { createCategoryStore } from '../../../shared/categories/store';
import { toCategoryView } from '../../../shared/categories/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag } from '../../../shared/kit/http/etag';
import { NotFound } from '../../../shared/kit/http/problems';

const categories = createCategoryStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(categoriesGet, async ({ userId, path }) => {
  // The key is built from the caller's sub: another user's category simply does not exist here.
  const category = await categories.get(userId, path.id);
  if (!category) throw new NotFound('category');
  return { status: 200, body: toCategoryView(category), headers: { etag: versionETag(category.version) } };
});
