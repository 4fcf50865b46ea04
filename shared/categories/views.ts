/** What the API returns for a category: the stored item minus bookkeeping. */
import type { CategoryItem } from './items';

export function toCategoryView(item: CategoryItem) {
  return {
    id: item.categoryId,
    name: item.name,
    kind: item.kind,
    parentId: item.parentId,
    transactionCount: item.transactionCount,
    archived: item.archived,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}
