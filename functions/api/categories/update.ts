/**
 * PATCH /v1/categories/{id}: renames, archives or unarchives, or moves the category (`parentId`:
 * under another top-level category of the same kind, or null for the top level). The kind is not
 * in the allow-list. `If-Match` → 412 when stale.
 */
import { documentClient } from '../../../shared/aws/clients';
import { requireEnv } from '../../../shared/config';
import { authenticatedRoute, noParams } from '../../../shared/http/api-handler';
import { versionETag, versionsFromIfMatch } from '../../../shared/http/etag';
import { categoryPatchSchema } from '../../../shared/ledger/category-schemas';
import { idPath } from '../../../shared/ledger/fields';
import { toCategoryView } from '../../../shared/ledger/views';
import { createCategoryStore } from '../../../shared/store/category-store';

const categories = createCategoryStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = authenticatedRoute(
  { body: categoryPatchSchema, path: idPath, query: noParams },
  async ({ userId, path, body, headers }) => {
    const category = await categories.update(userId, path.id, body, {
      now: new Date().toISOString(),
      expectedVersions: versionsFromIfMatch(headers['if-match']),
    });
    return { status: 200, body: toCategoryView(category), headers: { etag: versionETag(category.version) } };
  },
);
