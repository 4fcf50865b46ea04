/** What other features may use of categories: everything else in this folder is its own business. */
export { CategoryEntity, type CategoryItem, categoryItem } from './items';
export { createCategoryStore } from './store';
// For outbound webhooks: an event's payload shows what the API shows.
export { toCategoryView } from './views';
