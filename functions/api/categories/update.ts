/**
 * PATCH /v1/categories/{id}: renames, archives or unarchives, or moves the category (`parentId`:
 * under another top-level category of the same kind, or null for the top level). The kind is not
 * in the allow-list. `If-Match` → 412 when stale.
 */

import { categoriesUpdate } from '../../../shared/categories/operations';
import { createCategoryStore } from '../../../shared/categories/store';
import { toCategoryView } from '../../../shared/categories/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag, versionsFromIfMatch } from '../../../shared/kit/http/etag';

const categories = createCategoryStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(categoriesUpdate, async ({ userId, path, body, headers }) => {
  const category = await categories.update(userId, path.id, body, {
    now: new Date().toISOString(),
    expectedVersions: versionsFromIfMatch(headers['if-match']),
  });
  return { status: 200, body: toCategoryView(category), headers: { etag: versionETag(category.version) } };
});
