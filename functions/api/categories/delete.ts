/**
 * DELETE /v1/categories/{id}: only a category without subcategories and without transactions
 * (409 otherwise: archive it instead, which keeps the history and hides it from new entries).
 */

import { categoriesDelete } from '../../../shared/categories/operations';
import { createCategoryStore } from '../../../shared/categories/store';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { Conflict, NotFound } from '../../../shared/kit/http/problems';

const categories = createCategoryStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(categoriesDelete, async ({ userId, path }) => {
  const outcome = await categories.delete(userId, path.id);
  if (outcome === 'not-found') throw new NotFound('category');
  if (outcome === 'has-subcategories') {
    throw new Conflict(
      'The category has subcategories. Move or delete them first, or archive the category instead.',
      undefined,
      'category-has-subcategories',
    );
  }
  if (outcome === 'has-transactions') {
    throw new Conflict(
      'The category has transactions. Archive it instead: its history is kept and it is hidden from new entries.',
      undefined,
      'category-has-transactions',
    );
  }
  return { status: 204 };
});
